import { formatCalendarDate } from "@/lib/format/datetime";
import { KIND_LABEL } from "@/lib/documents/schema";
import type { SharedDocument } from "@/lib/patient-space/documents";

const link = "font-medium text-brand-700 underline-offset-2 hover:underline";

/** The documents doctors shared, newest first, each opened or downloaded through the checked route. */
export function SharedDocuments({ documents }: { documents: SharedDocument[] }) {
  if (!documents.length) return <p className="text-sm text-slate-600">Aucun document partagé avec vous pour l&apos;instant.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {documents.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="shared-document">
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {KIND_LABEL[d.kind]} n° {d.number}
              {d.cancelledByNumber && <span className="ml-2 text-xs font-semibold text-red-800">Annulé — remplacé par n° {d.cancelledByNumber}</span>}
            </p>
            <p className="text-sm text-slate-600">
              {d.doctorName} · {formatCalendarDate(d.issuedOn)} · pour {d.forWhom.firstName} {d.forWhom.lastName}
            </p>
          </div>
          <span className="inline-flex gap-3 text-sm">
            <a href={`/patient/documents/${d.id}/pdf`} target="_blank" rel="noopener" className={link}>
              Ouvrir<span className="sr-only"> le document n° {d.number}</span>
            </a>
            <a href={`/patient/documents/${d.id}/pdf?telecharger`} download className={link}>
              Télécharger<span className="sr-only"> le document n° {d.number}</span>
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}
