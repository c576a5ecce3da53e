import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { documents, documentShares, patients, users, type DocumentRow } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { drawDocumentPdf } from "@/lib/documents/document-pdf";
import type { DocumentKind } from "@/lib/documents/schema";
import { isUuid } from "@/lib/forms/ids";
import type { ObjectStore } from "@/lib/storage";
import { displayName } from "@/lib/users/display-name";
import { fileHeldBy } from "./ownership";

// The documents a doctor chose to share (document_shares) about a file the account holds: its
// own or a relative's. Anything else — not shared, shared about another person, unknown — is the
// same « not found », for the list and for the PDF alike.

export type SharedDocument = {
  id: string;
  kind: DocumentKind;
  number: string;
  issuedOn: string;
  sharedAt: Date;
  doctorName: string;
  forWhom: { firstName: string; lastName: string };
  cancelledByNumber: string | null;
};

const correction = alias(documents, "correction");
const replaced = alias(documents, "replaced");

export async function listSharedDocuments(userId: string, db: Database = getDb()): Promise<SharedDocument[]> {
  const rows = await db
    .select({
      id: documents.id,
      kind: documents.kind,
      number: documents.number,
      issuedOn: documents.issuedOn,
      sharedAt: documentShares.sharedAt,
      title: users.title,
      doctorFirstName: users.firstName,
      doctorLastName: users.lastName,
      firstName: patients.firstName,
      lastName: patients.lastName,
      cancelledByNumber: correction.number,
    })
    .from(documentShares)
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .innerJoin(patients, and(eq(patients.id, documents.patientId), eq(patients.doctorId, documents.doctorId)))
    .innerJoin(users, eq(users.id, documents.doctorId))
    .leftJoin(correction, eq(correction.replacesId, documents.id))
    .where(fileHeldBy(userId))
    .orderBy(desc(documents.createdAt));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    issuedOn: r.issuedOn,
    sharedAt: r.sharedAt,
    doctorName: displayName({ title: r.title, firstName: r.doctorFirstName, lastName: r.doctorLastName }),
    forWhom: { firstName: r.firstName, lastName: r.lastName },
    cancelledByNumber: r.cancelledByNumber,
  }));
}

/** The account's shared document, as lib/documents draws it; null otherwise (→ the same 404). */
export async function sharedDocumentPdf(userId: string, documentId: string, deps: { db?: Database; store?: ObjectStore } = {}) {
  if (!isUuid(documentId)) return null;
  const db = deps.db ?? getDb();
  const [row] = await db
    .select({ document: documents, replacesNumber: replaced.number, cancelledByNumber: correction.number })
    .from(documentShares)
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .innerJoin(patients, and(eq(patients.id, documents.patientId), eq(patients.doctorId, documents.doctorId)))
    .leftJoin(replaced, eq(replaced.id, documents.replacesId))
    .leftJoin(correction, eq(correction.replacesId, documents.id))
    .where(and(eq(documents.id, documentId), fileHeldBy(userId)))
    .limit(1);
  if (!row) return null;
  return drawDocumentPdf(
    { document: row.document as DocumentRow, replacesNumber: row.replacesNumber, cancelledByNumber: row.cancelledByNumber },
    deps,
  );
}
