import "server-only";
import type { DocumentRow } from "@/db/schema";
import type { Database } from "@/lib/db";
import { objectStore, type ObjectStore } from "@/lib/storage";
import { findDocument, type Access } from "./documents";
import { renderDocumentPdf, type DocumentHeader } from "./pdf-render";
import { KIND_LABEL, type DocumentContent } from "./schema";

// The PDF of one document, drawn from its row each time it is asked for: the row holds everything
// as issued (header, content, the signature copy's key), so the file does not change with the
// profile. A cancelled document is drawn with « ANNULÉ » across it and no payment QR code.

export async function documentPdf(access: Access, documentId: string, deps: { db?: Database; store?: ObjectStore } = {}) {
  const found = await findDocument(access, documentId, deps.db);
  return found ? drawDocumentPdf(found, deps) : null;
}

/**
 * The PDF of a document the caller was already allowed to see (the practice through findDocument,
 * a patient through a share of lib/patient-space): one drawing for both.
 */
export async function drawDocumentPdf(
  found: { document: DocumentRow; replacesNumber: string | null; cancelledByNumber: string | null },
  deps: { store?: ObjectStore } = {},
) {
  const { document: d, replacesNumber, cancelledByNumber } = found;
  const header = d.header as DocumentHeader;
  const store = deps.store ?? objectStore();
  const signature = d.signatureKey ? await store.get(d.signatureKey) : null;
  const bytes = await renderDocumentPdf(
    {
      kind: d.kind,
      number: d.number,
      issuedOn: d.issuedOn,
      content: d.content as DocumentContent,
      totalCents: d.totalCents,
      paid: d.paid,
      header,
      createdAt: d.createdAt,
      replacesNumber,
      cancelledByNumber,
    },
    { stamp: d.withStamp ? header.doctor : null, signaturePng: signature ? new Uint8Array(signature) : null },
  );
  const slug = KIND_LABEL[d.kind]
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-");
  return { bytes, filename: `${slug}-${d.number}.pdf` };
}
