import "server-only";
import { eq } from "drizzle-orm";
import { documentShares } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { findDocument, type Access } from "./documents";

// « Partager avec le patient » / « Ne plus partager ». Issued documents are immutable (a trigger
// refuses UPDATE), so the choice lives beside them in document_shares, one row per shared
// document. Only a document the caller may see can be shared (findDocument: this doctor's, and
// for a secretary only fee notes).

export type ShareResult = { kind: "done"; shared: boolean } | { kind: "not-found" };

export async function setDocumentShared(access: Access, documentId: string, shared: boolean, db: Database = getDb()): Promise<ShareResult> {
  const found = await findDocument(access, documentId, db);
  if (!found) return { kind: "not-found" };
  if (shared) await db.insert(documentShares).values({ documentId: found.document.id, sharedById: access.user.id }).onConflictDoNothing();
  else await db.delete(documentShares).where(eq(documentShares.documentId, found.document.id));
  return { kind: "done", shared };
}
