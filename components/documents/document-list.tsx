import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import type { FormState } from "@/lib/forms/form-state";
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

// On a phone each row becomes a card whose cells show their column name (data-label), as the
// connection history does.
const TABLE = [
  "w-full border-separate border-spacing-0 text-left text-sm sm:min-w-[44rem]",
  "[&_td]:px-3 [&_td]:py-2.5 [&_td]:align-top sm:[&_td]:border-b sm:[&_td]:border-slate-100",
  "max-sm:[&_tbody_tr]:mb-3 max-sm:[&_tbody_tr]:block max-sm:[&_tbody_tr]:rounded-md max-sm:[&_tbody_tr]:border max-sm:[&_tbody_tr]:border-slate-200 max-sm:[&_tbody_tr]:px-3 max-sm:[&_tbody_tr]:py-2",
  "max-sm:[&_td]:flex max-sm:[&_td]:justify-between max-sm:[&_td]:gap-3 max-sm:[&_td]:px-0 max-sm:[&_td]:py-1 max-sm:[&_td]:text-right",
  "max-sm:[&_td]:before:shrink-0 max-sm:[&_td]:before:font-medium max-sm:[&_td]:before:text-slate-500 max-sm:[&_td]:before:content-[attr(data-label)]",
].join(" ");

type ShareAction = (documentId: string, share: boolean) => (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The patient's documents, newest first, with their PDF and a correction link (never an edit),
 * and « Partager avec le patient » / « Ne plus partager » when the page offers it.
 */
export function DocumentList({ documents, patientId, shareAction }: { documents: DocumentListItem[]; patientId: string; shareAction?: ShareAction }) {
  if (!documents.length) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        Aucun document pour ce patient pour l&apos;instant.
      </p>
    );
  }
  return (
    // relative: the links' sr-only (absolute) texts scroll with the table instead of widening the page.
    <div
      tabIndex={0}
      role="region"
      aria-label="Liste des documents"
      className="relative focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/40 sm:overflow-x-auto"
    >
      <table className={TABLE}>
        <caption className="sr-only">Documents du patient, les plus récents d&apos;abord</caption>
        <thead className="max-sm:sr-only">
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
        <tbody>
          {documents.map((d) => {
            const cancelled = d.cancelledByNumber !== null;
            return (
              <tr key={d.id} data-testid="document-row" data-number={d.number} className={cancelled ? "bg-slate-50 text-slate-500" : undefined}>
                <td data-label="N°" className="whitespace-nowrap font-mono tabular-nums">
                  {cancelled ? <s>{d.number}</s> : d.number}
                </td>
                <td data-label="Document">
                  <span
                    className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${KIND_TONE[d.kind]}`}
                  >
                    {KIND_LABEL[d.kind]}
                  </span>
                </td>
                <td data-label="Date" className="whitespace-nowrap">
                  {formatCalendarDate(d.issuedOn)}
                </td>
                <td data-label="Détail">
                  {/* A word longer than the cell (a pasted name) breaks anywhere; past two lines the full text is the title. */}
                  <span className="line-clamp-2 min-w-0 wrap-anywhere sm:max-w-[18rem]" title={summary(d)}>
                    {summary(d)}
                  </span>
                </td>
                <td data-label="État" className="text-xs">
                  <div className="flex flex-col items-end gap-1 sm:items-start">
                    {cancelled ? (
                      <span className="inline-flex rounded-full bg-red-50 px-2 py-0.5 font-semibold text-red-800 ring-1 ring-inset ring-red-200">
                        Annulé — remplacé par n° {d.cancelledByNumber}
                      </span>
                    ) : d.kind === "fee_note" ? (
                      <span
                        className={`inline-flex rounded-full px-2 py-0.5 font-semibold ring-1 ring-inset ${d.paid ? "bg-green-50 text-green-800 ring-green-200" : "bg-white text-slate-700 ring-slate-300"}`}
                      >
                        {d.paid ? "Acquittée" : "À payer"}
                      </span>
                    ) : null}
                    {d.replacesNumber && <span className="block text-slate-600">Annule et remplace n° {d.replacesNumber}</span>}
                    <span className="block text-slate-500">
                      {d.createdVia === "secretary" ? "Préparé par le secrétariat" : d.withSignature ? "Signé par le médecin" : "Sans signature"}
                    </span>
                    {d.shared && (
                      <span className="inline-flex rounded-full bg-brand-50 px-2 py-0.5 font-semibold text-brand-800 ring-1 ring-inset ring-brand-100">
                        Partagé avec le patient
                      </span>
                    )}
                    {shareAction && (
                      <ActionButton
                        label={d.shared ? "Ne plus partager" : "Partager avec le patient"}
                        accessibleLabel={`${d.shared ? "Ne plus partager" : "Partager avec le patient"} le n° ${d.number}`}
                        action={shareAction(d.id, !d.shared)}
                      />
                    )}
                  </div>
                </td>
                <td data-label="PDF" className="whitespace-nowrap text-right">
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
