import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { doctorProfiles, doctorSignatures, users, type DoctorSignature, type User } from "@/db/schema";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log";
import { objectStore } from "@/lib/storage";
import type { CheckedSignature } from "./image-check";

// The doctor's signature: the checked PNG goes to storage under a fresh random key, the row points
// at it. Only after the row changed is the old file removed, so a failure never leaves the doctor
// without the signature the row names.

export async function findSignature(doctor: User): Promise<DoctorSignature | null> {
  const [row] = await getDb().select().from(doctorSignatures).where(eq(doctorSignatures.doctorId, doctor.id)).limit(1);
  return row ?? null;
}

/** The stored PNG's bytes, for the guarded route that shows it. */
export async function readSignature(doctor: User): Promise<{ png: Buffer; signature: DoctorSignature } | null> {
  const signature = await findSignature(doctor);
  if (!signature) return null;
  const png = await objectStore().get(signature.storageKey);
  return png ? { png, signature } : null;
}

async function removeFile(key: string): Promise<void> {
  try {
    await objectStore().delete(key);
  } catch (error) {
    // A leftover file is unreachable (no row names it); log it for cleanup, do not fail the request.
    logger.warn({ key, err: error instanceof Error ? error.message : "unknown" }, "signature file not removed");
  }
}

/** Stores a new signature, replacing the doctor's current one. */
export async function saveSignature(doctor: User, checked: CheckedSignature): Promise<DoctorSignature> {
  const key = `signatures/${doctor.id}/${randomUUID()}.png`;
  await objectStore().put(key, checked.png, "image/png");
  try {
    const { saved, previousKey } = await getDb().transaction(async (tx) => {
      // Locking the doctor's row serialises two uploads at once: each sees the other's file as the one to remove.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, doctor.id)).for("update");
      const [previous] = await tx.select({ key: doctorSignatures.storageKey }).from(doctorSignatures).where(eq(doctorSignatures.doctorId, doctor.id));
      const values = { storageKey: key, width: checked.width, height: checked.height, byteSize: checked.png.length, opaque: checked.opaque };
      const [row] = await tx
        .insert(doctorSignatures)
        .values({ doctorId: doctor.id, ...values })
        .onConflictDoUpdate({ target: doctorSignatures.doctorId, set: { ...values, uploadedAt: sql`now()` } })
        .returning();
      return { saved: row!, previousKey: previous?.key };
    });
    if (previousKey) await removeFile(previousKey);
    return saved;
  } catch (error) {
    await removeFile(key);
    throw error;
  }
}

/** Deletes the signature and stops showing it on documents. False when there was none. */
export type DeleteSignatureResult = { kind: "done" } | { kind: "none" };

export async function deleteSignature(doctor: User): Promise<DeleteSignatureResult> {
  const removed = await getDb().transaction(async (tx) => {
    const [row] = await tx.delete(doctorSignatures).where(eq(doctorSignatures.doctorId, doctor.id)).returning({ key: doctorSignatures.storageKey });
    await tx
      .update(doctorProfiles)
      .set({ signatureOnDocuments: false, updatedAt: sql`now()` })
      .where(eq(doctorProfiles.doctorId, doctor.id));
    return row;
  });
  if (!removed) return { kind: "none" };
  await removeFile(removed.key);
  return { kind: "done" };
}
