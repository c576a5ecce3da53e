import type { Metadata } from "next";
import Link from "next/link";
import { ScrollTable } from "@/components/ui/scroll-table";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/support-log";
import { auditFilterSchema, auditPage } from "@/lib/audit/support-log-query";
import { requireSupport } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format/datetime";

export const metadata: Metadata = { title: "Journal d'audit" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditJournalPage({ searchParams }: { searchParams: Params }) {
  await requireSupport();
  const filter = auditFilterSchema.parse(await searchParams);
  const { rows, next } = await auditPage(filter);
  const query = new URLSearchParams(
    Object.entries({ action: filter.action, q: filter.q, du: filter.du, au: filter.au }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-slate-900">Journal d&apos;audit</h1>
        <a
          href={`/admin/journal/export?${query}`}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50"
        >
          Exporter en CSV
        </a>
      </div>
      <form role="search" action="/admin/journal" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="action" className="block text-sm font-medium text-slate-800">
            Action
          </label>
          <select id="action" name="action" defaultValue={filter.action ?? ""} className={input}>
            <option value="">Toutes</option>
            {(Object.entries(AUDIT_ACTIONS) as [AuditAction, string][]).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Acteur ou cible
          </label>
          <input id="q" name="q" defaultValue={filter.q} className={input} />
        </div>
        <div className="space-y-1">
          <label htmlFor="du" className="block text-sm font-medium text-slate-800">
            Du
          </label>
          <input id="du" name="du" type="date" defaultValue={filter.du} className={input} />
        </div>
        <div className="space-y-1">
          <label htmlFor="au" className="block text-sm font-medium text-slate-800">
            Au
          </label>
          <input id="au" name="au" type="date" defaultValue={filter.au} className={input} />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50">
          Filtrer
        </button>
      </form>
      <ScrollTable
        label="Journal d'audit"
        columns={["Date", "Acteur", "Action", "Cible", "Raison", "IP"]}
        empty="Aucune action enregistrée."
        rowCount={rows.length}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="whitespace-nowrap px-4 py-2">{formatDateTime(r.at)}</td>
            <td className="px-4 py-2">{r.actorLabel}</td>
            <td className="px-4 py-2">{AUDIT_ACTIONS[r.action as AuditAction] ?? r.action}</td>
            <td className="px-4 py-2">{r.targetLabel ?? "—"}</td>
            <td className="px-4 py-2">{r.reason}</td>
            <td className="px-4 py-2">{r.ip}</td>
          </tr>
        ))}
      </ScrollTable>
      {next && (
        <Link
          href={`/admin/journal?${new URLSearchParams({ ...Object.fromEntries(query), avant: String(next) })}`}
          className="inline-block text-sm font-semibold text-brand-700 underline"
        >
          Actions plus anciennes
        </Link>
      )}
    </div>
  );
}
