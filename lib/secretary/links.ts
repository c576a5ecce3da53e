import { and, eq, isNull, sql } from "drizzle-orm";
import { secretaryDoctors, sessions } from "@/db/schema";
import type { Database } from "@/db/client";

// The secretary ↔ doctor links. Detaching ends, in the same transaction, every session in which
// the secretary is working for that doctor.

/** False when the link already existed. */
export async function attach(tx: Database, secretaryId: string, doctorId: string): Promise<boolean> {
  const inserted = await tx.insert(secretaryDoctors).values({ secretaryId, doctorId }).onConflictDoNothing().returning();
  return inserted.length > 0;
}

/** False when there was no such link. */
export async function detach(tx: Database, secretaryId: string, doctorId: string): Promise<boolean> {
  const removed = await tx
    .delete(secretaryDoctors)
    .where(and(eq(secretaryDoctors.secretaryId, secretaryId), eq(secretaryDoctors.doctorId, doctorId)))
    .returning();
  if (removed.length === 0) return false;
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: "détachée du médecin" })
    .where(and(eq(sessions.userId, secretaryId), eq(sessions.actingForDoctorId, doctorId), isNull(sessions.revokedAt)));
  return true;
}
