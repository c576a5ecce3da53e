import type { CertificateContent, CertificateKind, DocumentContent, DocumentKind, FeeNoteContent, PrescriptionContent } from "./schema";
import { centsToInput } from "./totals";

// What the create forms start with: empty (dated today), or a document's content when correcting it.
// Pure: the page computes them, the forms (components/documents) receive them.

export type PrescriptionValues = { issuedOn: string; lines: { medication: string; dosage: string }[]; notes: string };
export type CertificateValues = { issuedOn: string; certificateKind: CertificateKind; periodFrom: string; periodTo: string; body: string };
export type FeeLineValues = { code: string; label: string; quantity: string; amount: string };
export type FeeNoteValues = { issuedOn: string; lines: FeeLineValues[]; paid: boolean };

export type FormValues = { prescription: PrescriptionValues; certificate: CertificateValues; fee_note: FeeNoteValues };

export function emptyValues(today: string): FormValues {
  return {
    prescription: { issuedOn: today, lines: [], notes: "" },
    certificate: { issuedOn: today, certificateKind: "incapacite", periodFrom: today, periodTo: "", body: "" },
    fee_note: { issuedOn: today, lines: [], paid: false },
  };
}

/** The form of `kind`, filled from the document being corrected (dated as it was, unless older than allowed). */
export function correctionValues(
  kind: DocumentKind,
  content: DocumentContent,
  document: { issuedOn: string; paid: boolean | null },
  today: string,
): Partial<FormValues> {
  const issuedOn = document.issuedOn <= today ? document.issuedOn : today;
  switch (kind) {
    case "prescription": {
      const c = content as PrescriptionContent;
      return { prescription: { issuedOn, lines: c.lines, notes: c.notes } };
    }
    case "certificate": {
      const c = content as CertificateContent;
      return {
        certificate: { issuedOn, certificateKind: c.certificateKind, periodFrom: c.periodFrom ?? "", periodTo: c.periodTo ?? "", body: c.body },
      };
    }
    case "fee_note": {
      const c = content as FeeNoteContent;
      return {
        fee_note: {
          issuedOn,
          paid: document.paid ?? false,
          lines: c.lines.map((l) => ({ code: l.code, label: l.label, quantity: String(l.quantity), amount: centsToInput(l.unitCents) })),
        },
      };
    }
  }
}
