import { Alert } from "@/components/ui/alert";
import type { HistoryNotice } from "@/lib/dashboard/schema";
import type { ConnectionHistoryPage, ConnectionMode } from "@/lib/dashboard/types";
import { formatDateTime, machineDateTime } from "@/lib/format/datetime";
import { ConnectionModeBadge } from "./connection-mode-badge";
import { HistoryFilter, HistoryPager } from "./history-navigation";

const NOTICES: Record<HistoryNotice, string> = {
  "unknown-filter": "Ce filtre n'existe pas : toutes les connexions sont affichées.",
  "invalid-cursor": "Ce lien de pagination n'est pas valide : voici les connexions les plus récentes.",
};

const EMPTY: Record<"all" | ConnectionMode, string> = {
  all: "Aucune connexion enregistrée pour l'instant.",
  direct: "Aucune connexion directe enregistrée.",
  secretary: "Aucune connexion via secrétariat : aucun compte secrétaire n'a ouvert votre cabinet.",
};

function Legend() {
  return (
    <ul aria-label="Légende" className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700">
      <li className="flex items-center gap-2">
        <ConnectionModeBadge mode="direct" />
        <span>vous, avec votre compte médecin</span>
      </li>
      <li className="flex items-center gap-2">
        <ConnectionModeBadge mode="secretary" />
        <span>un compte secrétaire travaillant pour vous</span>
      </li>
    </ul>
  );
}

// Styled once on the table rather than on each of its 80 cells: the page's HTML, React payload
// included (it repeats every class), went from 144 to 98 kB for the busiest doctor. Each row's data-mode sets its tint and
// the colour of its left edge; on a phone each row becomes a card whose cells show their column
// name (data-label).
const TABLE = [
  "w-full border-separate border-spacing-0 text-left text-sm",
  "[&_tr[data-mode=direct]]:bg-green-50/60 [&_tr[data-mode=direct]]:[--edge:var(--color-green-600)]",
  "[&_tr[data-mode=secretary]]:bg-red-50/60 [&_tr[data-mode=secretary]]:[--edge:var(--color-red-600)]",
  "[&_td]:px-3 [&_td]:py-2 [&_td]:align-top",
  "sm:[&_td]:border-b sm:[&_td]:border-slate-200 sm:[&_td:first-child]:border-l-4 sm:[&_td:first-child]:border-l-(color:--edge)",
  "max-sm:[&_tbody_tr]:mb-3 max-sm:[&_tbody_tr]:block max-sm:[&_tbody_tr]:rounded-md max-sm:[&_tbody_tr]:border",
  "max-sm:[&_tbody_tr]:border-slate-200 max-sm:[&_tbody_tr]:border-l-4 max-sm:[&_tbody_tr]:border-l-(color:--edge)",
  "max-sm:[&_tbody_tr]:px-3 max-sm:[&_tbody_tr]:py-2",
  "max-sm:[&_td]:flex max-sm:[&_td]:justify-between max-sm:[&_td]:gap-3 max-sm:[&_td]:px-0 max-sm:[&_td]:py-1",
  "max-sm:[&_td]:before:font-medium max-sm:[&_td]:before:text-slate-500 max-sm:[&_td]:before:content-[attr(data-label)]",
].join(" ");

export function ConnectionHistory({ page, notices }: { page: ConnectionHistoryPage; notices: HistoryNotice[] }) {
  return (
    <section
      id="historique"
      aria-labelledby="historique-titre"
      className="scroll-mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="space-y-1">
        <h2 id="historique-titre" className="text-base font-semibold text-slate-900">
          Historique de connexion
        </h2>
        <p className="text-sm text-slate-600">Chaque connexion à votre compte, directe ou via un compte secrétaire. Heures de Luxembourg.</p>
      </div>
      <Legend />
      {notices.map((n) => (
        <Alert key={n} tone="warning">
          {NOTICES[n]}
        </Alert>
      ))}
      <HistoryFilter active={page.mode} />
      {page.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">{EMPTY[page.mode ?? "all"]}</p>
      ) : (
        <table className={TABLE}>
          <caption className="sr-only">Connexions à votre compte, les plus récentes d&apos;abord</caption>
          <thead className="max-sm:sr-only">
            <tr className="text-slate-500">
              <th scope="col" className="border-b border-slate-200 px-3 py-2 font-medium">
                Date et heure
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-2 font-medium">
                Adresse IP
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-2 font-medium">
                Mode de connexion
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-2 font-medium">
                Navigateur
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.id} data-mode={row.mode} data-current={row.current || undefined}>
                <td data-label="Date et heure">
                  <span className="flex flex-col items-end sm:items-start">
                    <time dateTime={machineDateTime(row.at)} className="tabular-nums text-slate-900">
                      {formatDateTime(row.at)}
                    </time>
                    {row.current && (
                      <span className="mt-0.5 inline-flex rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">
                        Session en cours
                      </span>
                    )}
                  </span>
                </td>
                <td data-label="Adresse IP">
                  <span className="break-all font-mono text-xs text-slate-800 sm:text-sm">{row.ip}</span>
                </td>
                <td data-label="Mode">
                  <ConnectionModeBadge mode={row.mode} secretaryName={row.secretaryName} />
                </td>
                <td data-label="Navigateur">
                  <span className="text-right text-slate-800 sm:text-left">
                    {row.browser} <span className="text-slate-500">· {row.os}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <HistoryPager mode={page.mode} newerCursor={page.newerCursor} olderCursor={page.olderCursor} />
    </section>
  );
}
