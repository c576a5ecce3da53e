import Link from "next/link";
import { modeParam } from "@/lib/dashboard/schema";
import type { ConnectionMode } from "@/lib/dashboard/types";

/** The dashboard address showing the history with this filter, from this position. */
export function historyHref(mode: ConnectionMode | null, cursor: string | null = null): string {
  const params = new URLSearchParams();
  const filter = modeParam(mode);
  if (filter) params.set("mode", filter);
  if (cursor) params.set("curseur", cursor);
  const query = params.toString();
  return `/dashboard${query ? `?${query}` : ""}#historique`;
}

const FILTERS: { mode: ConnectionMode | null; label: string }[] = [
  { mode: null, label: "Toutes" },
  { mode: "direct", label: "Connexions directes" },
  { mode: "secretary", label: "Via secrétariat" },
];

export function HistoryFilter({ active }: { active: ConnectionMode | null }) {
  return (
    <nav aria-label="Filtrer par mode de connexion">
      <ul className="flex flex-wrap gap-2">
        {FILTERS.map((f) => {
          const current = f.mode === active;
          return (
            <li key={f.label}>
              <Link
                href={historyHref(f.mode)}

                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1.5 text-sm font-medium ${
                  current ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
                }`}
              >
                {f.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

const pagerLink =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

export function HistoryPager({
  mode,
  newerCursor,
  olderCursor,
}: {
  mode: ConnectionMode | null;
  newerCursor: string | null;
  olderCursor: string | null;
}) {
  if (!newerCursor && !olderCursor) return null;
  return (
    <nav aria-label="Pages de l'historique" className="flex items-center justify-between gap-3">
      {newerCursor ? (
        <Link href={historyHref(mode, newerCursor)} className={pagerLink} rel="prev">
          ← Plus récentes
        </Link>
      ) : (
        <span />
      )}
      {olderCursor && (
        <Link href={historyHref(mode, olderCursor)} className={pagerLink} rel="next">
          Plus anciennes →
        </Link>
      )}
    </nav>
  );
}
