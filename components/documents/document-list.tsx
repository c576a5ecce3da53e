import Link from "next/link";
import { CERTIFICATE_KINDS, KIND_LABEL, type CertificateContent, type FeeNoteContent, type PrescriptionContent } from "@/lib/documents/schema";
import type { DocumentListItem } from "@/lib/documents/documents";
import { formatCalendarDate } from "@/lib/format/datetime";
import { formatCents } from "@/lib/format/money";

const KIND_TONE = {
  prescription: "bg-sky-50 text-sky-800 ring-sky-200",
  certificate: "bg-violet-50 text-violet-800 ring-violet-200",
  fee_note: "bg-amber-50 text-amber-900 ring-amber-200",
} as const;

function summary(d: DocumentListItem): string {
  switch (d.kind) {
    case "prescription": {
      const lines = (d.content as PrescriptionContent).lines;
      return lines.length === 1 ? lines[0]!.medication : `${lines[0]!.medication} et ${lines.length - 1} autre${lines.length > 2 ? "s" : ""}`;
    }
    case "certificate":
      return CERTIFICATE_KINDS[(d.content as CertificateContent).certificateKind];
    case "fee_note": {
      const codes = (d.content as FeeNoteContent).lines.map((l) => l.code).join(", ");
      return `${formatCents(d.totalCents ?? 0)} · ${codes}`;
    }
  }
}

const action = "font-medium text-brand-700 underline-offset-2 hover:underline";

/** The patient's documents, newest first, with their PDF and a correction link (never an edit). */
export function DocumentList({ documents, patientId }: { documents: DocumentListItem[]; patientId: string }) {
  if (!documents.length) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">Aucun document pour ce patient pour l&apos;instant.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">Documents du patient, les plus récents d&apos;abord</caption>
        <thead>
          <tr className="text-slate-500 [&_th]:border-b [&_th]:border-slate-200 [&_th]:px-3 [&_th]:py-2 [&_th]:font-medium">
            <th scope="col">N°</th>
            <th scope="col">Document</th>
            <th scope="col">Date</th>
            <th scope="col">Détail</th>
            <th scope="col">État</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="[&_td]:border-b [&_td]:border-slate-100 [&_td]:px-3 [&_td]:py-2.5 [&_td]:align-top">
          {documents.map((d) => {
            const cancelled = d.cancelledByNumber !== null;
            return (
              <tr key={d.id} data-testid="document-row" data-number={d.number} className={cancelled ? "bg-slate-50 text-slate-500" : undefined}>
                <td className="whitespace-nowrap font-mono tabular-nums">{cancelled ? <s>{d.number}</s> : d.number}</td>
                <td>
                  <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${KIND_TONE[d.kind]}`}>{KIND_LABEL[d.kind]}</span>
                </td>
                <td className="whitespace-nowrap">{formatCalendarDate(d.issuedOn)}</td>
                <td className="max-w-[18rem]">
                  <span className="line-clamp-2">{summary(d)}</span>
                </td>
                <td className="space-y-1 text-xs">
                  {cancelled ? (
                    <span className="inline-flex rounded-full bg-red-50 px-2 py-0.5 font-semibold text-red-800 ring-1 ring-inset ring-red-200">Annulé — remplacé par n° {d.cancelledByNumber}</span>
                  ) : d.kind === "fee_note" ? (
                    <span className={`inline-flex rounded-full px-2 py-0.5 font-semibold ring-1 ring-inset ${d.paid ? "bg-green-50 text-green-800 ring-green-200" : "bg-white text-slate-700 ring-slate-300"}`}>
                      {d.paid ? "Acquittée" : "À payer"}
                    </span>
                  ) : null}
                  {d.replacesNumber && <span className="block text-slate-600">Annule et remplace n° {d.replacesNumber}</span>}
                  <span className="block text-slate-500">
                    {d.createdVia === "secretary" ? "Préparé par le secrétariat" : d.withSignature ? "Signé par le médecin" : "Sans signature"}
                  </span>
                </td>
                <td className="whitespace-nowrap text-right">
                  <span className="inline-flex gap-3">
                    <a href={`/documents/${d.id}/pdf`} target="_blank" rel="noopener" className={action}>
                      Ouvrir<span className="sr-only"> le PDF n° {d.number}</span>
                    </a>
                    <a href={`/documents/${d.id}/pdf?telecharger`} download className={action}>
                      Télécharger<span className="sr-only"> le PDF n° {d.number}</span>
                    </a>
                    {!cancelled && (
                      <Link href={`/patients/${patientId}?corriger=${d.id}#nouveau`} className={action}>
                        Corriger<span className="sr-only"> le n° {d.number}</span>
                      </Link>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
