import Link from "next/link";
import { formatMatricule } from "@/lib/patients/matricule";
import { formatCalendarDate } from "@/lib/format/datetime";
import type { PatientSummary } from "@/lib/patients/patients";

type Result = { rows: PatientSummary[]; total: number; page: number; pages: number };

function pageHref(query: string, page: number, includeArchived: boolean): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (includeArchived) params.set("archives", "1");
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return `/patients${s ? `?${s}` : ""}`;
}

const pagerLink =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

export function PatientsTable({ result, query, includeArchived = false }: { result: Result; query: string; includeArchived?: boolean }) {
  if (!result.rows.length) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        {query ? "Aucun patient ne correspond à cette recherche." : "Aucun patient pour l'instant."}
      </p>
    );
  }
  return (
    <>
      <table className="w-full border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">Patients du cabinet, par ordre alphabétique</caption>
        <thead className="max-sm:sr-only">
          <tr className="text-slate-500 [&_th]:border-b [&_th]:border-slate-200 [&_th]:px-3 [&_th]:py-2 [&_th]:font-medium">
            <th scope="col">Nom</th>
            <th scope="col">Date de naissance</th>
            <th scope="col">Matricule</th>
          </tr>
        </thead>
        <tbody className="[&_td]:border-b [&_td]:border-slate-100 [&_td]:px-3 [&_td]:py-2.5 max-sm:[&_td]:block max-sm:[&_td]:border-0 max-sm:[&_td]:py-0.5 max-sm:[&_tr]:block max-sm:[&_tr]:border-b max-sm:[&_tr]:border-slate-100 max-sm:[&_tr]:py-2">
          {result.rows.map((p) => (
            <tr key={p.id} className="hover:bg-slate-50">
              <td>
                <Link href={`/patients/${p.id}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                  {p.lastName.toUpperCase()} {p.firstName}
                </Link>
                {p.archived && <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">Archivé</span>}
              </td>
              <td className="text-slate-700">{formatCalendarDate(p.birthDate)}</td>
              <td className="font-mono text-slate-700 tabular-nums">{formatMatricule(p.matricule)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.pages > 1 && (
        <nav aria-label="Pages de la liste des patients" className="flex items-center justify-between gap-3">
          {result.page > 1 ? (
            <Link href={pageHref(query, result.page - 1, includeArchived)} className={pagerLink} rel="prev">
              ← Précédents
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">
            Page {result.page} sur {result.pages}
          </span>
          {result.page < result.pages ? (
            <Link href={pageHref(query, result.page + 1, includeArchived)} className={pagerLink} rel="next">
              Suivants →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
