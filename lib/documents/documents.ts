import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, getTableColumns, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { doctorSignatures, documents, type DocumentRow, type User } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { logger } from "@/lib/log";
import { isUuid } from "@/lib/forms/ids";
import { findPatient } from "@/lib/patients/patients";
import { objectStore, type ObjectStore } from "@/lib/storage";
import { allocateDocumentNumber, luxembourgYear } from "./numbering";
import { documentHeader } from "./header";
import { DOCUMENT_KINDS, mayIssue, parseDocument, type DocumentContent, type DocumentKind } from "./schema";
import { totalCents } from "./totals";

// Issuing and reading documents (issue 6). The rules live here, not in the pages: the doctor comes
// from the guard, a patient or document id from a request is looked up with that doctor's id, a
// secretary issues and sees fee notes only, and the signature is applied on the doctor's own
// action only. Documents are never updated: a correction is a new document that cancels the old.

export type Access = { doctor: User; user: User; mode: "direct" | "secretary" };
type Deps = { db?: Database; store?: ObjectStore; now?: Date };

export type IssueOutcome =
  | { kind: "issued"; document: DocumentRow }
  /** Not this doctor's patient (or no such id). */
  | { kind: "not-found" }
  /** A secretary asked for a prescription or a certificate. */
  | { kind: "forbidden" }
  | { kind: "invalid"; fieldErrors: Record<string, string> }
  /** The document to correct is not this patient's, of this kind. */
  | { kind: "correction-not-found" }
  /** The document to correct was corrected already (possibly a moment ago, by someone else). */
  | { kind: "already-corrected" };

/** The kinds `mode` may issue and see. */
export function visibleKinds(mode: Access["mode"]): DocumentKind[] {
  return DOCUMENT_KINDS.filter((k) => mayIssue(mode, k));
}

/** The signature image to copy onto a new document: only when the doctor acts in person and ticked the box. */
async function signatureToApply(db: Database, store: ObjectStore, access: Access, ticked: boolean): Promise<Buffer | null> {
  if (access.mode !== "direct" || !ticked) return null;
  const [row] = await db.select().from(doctorSignatures).where(eq(doctorSignatures.doctorId, access.doctor.id)).limit(1);
  return row ? store.get(row.storageKey) : null;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, constraint: name, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === "23505" && (name === constraint || message?.includes(constraint))) return true;
  }
  return false;
}

/**
 * Issues a document of `kind` for the doctor's patient `patientId` from a raw form (see
 * formInput in schema.ts). Nothing is written unless everything is valid.
 */
export async function issueDocument(
  access: Access,
  patientId: string,
  kind: DocumentKind,
  raw: Record<string, unknown>,
  deps: Deps = {},
): Promise<IssueOutcome> {
  const db = deps.db ?? getDb();
  const store = deps.store ?? objectStore();
  if (!mayIssue(access.mode, kind)) return { kind: "forbidden" };
  const patient = await findPatient(access.doctor, patientId, db);
  if (!patient) return { kind: "not-found" };
  const parsed = parseDocument(kind, raw);
  if (!parsed.ok) return { kind: "invalid", fieldErrors: parsed.fieldErrors };

  const { replaces, issuedOn } = parsed.data;
  if (replaces) {
    const target = correctableDocument(await findDocument(access, replaces, db), patient.id, kind);
    if (target.kind === "not-found") return { kind: "correction-not-found" };
    if (target.kind === "already-corrected") return { kind: "already-corrected" };
  }

  let content: DocumentContent;
  let fee: { totalCents: number; paid: boolean } | null = null;
  if (parsed.kind === "fee_note") {
    content = { lines: parsed.data.lines };
    fee = { totalCents: totalCents(parsed.data.lines), paid: parsed.data.paid };
  } else if (parsed.kind === "prescription") {
    content = { lines: parsed.data.lines, notes: parsed.data.notes };
  } else {
    const { certificateKind, periodFrom, periodTo, body } = parsed.data;
    content = { certificateKind, periodFrom, periodTo, body };
  }

  const { header, stamp, signature: signatureTicked } = await documentHeader(db, access.doctor, patient, kind);
  const signaturePng = await signatureToApply(db, store, access, signatureTicked);
  const id = randomUUID();
  const signatureKey = signaturePng ? `documents/${access.doctor.id}/${id}-signature.png` : null;
  // The copy is this document's own: replacing or deleting the signature later leaves it as issued.
  if (signaturePng && signatureKey) await store.put(signatureKey, signaturePng, "image/png");

  try {
    const document = await db.transaction(async (tx) => {
      const number = await allocateDocumentNumber(tx, access.doctor.id, luxembourgYear(deps.now ?? new Date()));
      const [row] = await tx
        .insert(documents)
        .values({
          id,
          doctorId: access.doctor.id,
          patientId: patient.id,
          kind,
          ...number,
          issuedOn,
          content,
          totalCents: fee?.totalCents ?? null,
          paid: fee?.paid ?? null,
          header,
          withStamp: stamp,
          signatureKey,
          replacesId: replaces,
          createdById: access.user.id,
          createdVia: access.mode,
        })
        .returning();
      return row!;
    });
    return { kind: "issued", document };
  } catch (error) {
    if (signatureKey) await store.delete(signatureKey).catch(() => logger.warn({ key: signatureKey }, "document signature copy not removed"));
    if (isUniqueViolation(error, "documents_replaces_key")) return { kind: "already-corrected" };
    throw error;
  }
}

export type DocumentListItem = {
  id: string;
  kind: DocumentKind;
  number: string;
  issuedOn: string;
  createdAt: Date;
  totalCents: number | null;
  paid: boolean | null;
  withSignature: boolean;
  createdVia: "direct" | "secretary";
  replacesNumber: string | null;
  cancelledByNumber: string | null;
  content: DocumentContent;
};

const replaced = alias(documents, "replaced");
const correction = alias(documents, "correction");

function listQuery(db: Database) {
  return db
    .select({
      ...getTableColumns(documents),
      replacesNumber: replaced.number,
      cancelledByNumber: correction.number,
    })
    .from(documents)
    .leftJoin(replaced, eq(replaced.id, documents.replacesId))
    .leftJoin(correction, eq(correction.replacesId, documents.id));
}

/** The patient's documents the caller may see, newest first; null when the patient is not the doctor's. */
export async function listPatientDocuments(access: Access, patientId: string, db: Database = getDb()): Promise<DocumentListItem[] | null> {
  const patient = await findPatient(access.doctor, patientId, db);
  if (!patient) return null;
  const rows = await listQuery(db)
    .where(and(eq(documents.doctorId, access.doctor.id), eq(documents.patientId, patient.id), inArray(documents.kind, visibleKinds(access.mode))))
    .orderBy(desc(documents.createdAt), desc(documents.sequence));
  return rows.map(({ replacesNumber, cancelledByNumber, ...d }) => ({
    id: d.id,
    kind: d.kind,
    number: d.number,
    issuedOn: d.issuedOn,
    createdAt: d.createdAt,
    totalCents: d.totalCents,
    paid: d.paid,
    withSignature: d.signatureKey !== null,
    createdVia: d.createdVia,
    replacesNumber,
    cancelledByNumber,
    content: d.content as DocumentContent,
  }));
}

export type Correctable = { kind: "correctable" } | { kind: "not-found" } | { kind: "already-corrected" };

/**
 * Which document may be corrected: one the caller may see (`found`, from findDocument), of this
 * patient (and of `kind` when the correction's kind is known), that no correction has cancelled
 * yet. The one rule behind the patient page's « Corriger » form and issueDocument; the database's
 * unique `replaces_id` still settles two corrections sent at once.
 */
export function correctableDocument(
  found: { document: Pick<DocumentRow, "patientId" | "kind">; cancelledByNumber: string | null } | null,
  patientId: string,
  kind?: DocumentKind,
): Correctable {
  if (!found || found.document.patientId !== patientId || (kind && found.document.kind !== kind)) return { kind: "not-found" };
  return found.cancelledByNumber ? { kind: "already-corrected" } : { kind: "correctable" };
}

/** One document of the doctor's that the caller may see, with its correction links; null otherwise (→ 404). */
export async function findDocument(access: Access, documentId: string, db: Database = getDb()) {
  if (!isUuid(documentId)) return null;
  const [row] = await listQuery(db)
    .where(and(eq(documents.id, documentId), eq(documents.doctorId, access.doctor.id)))
    .limit(1);
  if (!row || !mayIssue(access.mode, row.kind)) return null;
  const { replacesNumber, cancelledByNumber, ...document } = row;
  return { document: document as DocumentRow, replacesNumber, cancelledByNumber };
}
