import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { twoFactor } from "@/db/schema";
import { voidMailedCodes } from "./one-time-codes";
import { getDb, type Database } from "@/lib/db";
import { decryptSecret, encryptSecret } from "./encryption";
import { matchTotp, newTotpSecret } from "./totp";

// The user's authenticator-app secret: enrolment, confirmation and checking a code.

export async function hasTwoFactor(userId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ userId: twoFactor.userId })
    .from(twoFactor)
    .where(and(eq(twoFactor.userId, userId), isNotNull(twoFactor.confirmedAt)))
    .limit(1);
  return Boolean(row);
}

/** The time step `code` belongs to under the user's confirmed (or enrolling) secret, if valid. */
async function matchingStep(tx: Database, userId: string, state: "confirmed" | "enrolling", code: string): Promise<number | null> {
  const confirmed = state === "confirmed" ? isNotNull(twoFactor.confirmedAt) : isNull(twoFactor.confirmedAt);
  const [row] = await tx
    .select()
    .from(twoFactor)
    .where(and(eq(twoFactor.userId, userId), confirmed))
    .limit(1);
  return row ? matchTotp(decryptSecret(row.secretEncrypted), code) : null;
}

/**
 * What a TOTP code is worth: "accepted" (valid, and its step is now recorded as used), "used"
 * (valid for the current ±1 window, but this step or a later one was already accepted: a replay,
 * e.g. the same code just typed on another device) or "wrong".
 */
export type TotpCheck = "accepted" | "used" | "wrong";

/**
 * Accepts a TOTP code for a user with two-factor on: valid within ±1 step and newer than the last
 * accepted step (a code works once). The step is recorded in the caller's transaction.
 *
 * The once-only check is the conditional UPDATE (`last_used_step < step`): concurrent sign-ins with
 * one code are serialised by the row lock and the WHERE is re-checked, so exactly one gets
 * "accepted". Only when it updates nothing is the row read again, in the same transaction, to tell
 * a replay ("used") from a secret removed meanwhile ("wrong"); that read decides the message only,
 * never whether the code is accepted.
 */
export async function acceptTotp(tx: Database, userId: string, code: string): Promise<TotpCheck> {
  const step = await matchingStep(tx, userId, "confirmed", code);
  if (step === null) return "wrong";
  const [updated] = await tx
    .update(twoFactor)
    .set({ lastUsedStep: step })
    .where(and(eq(twoFactor.userId, userId), or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))))
    .returning({ userId: twoFactor.userId });
  if (updated) return "accepted";
  const [row] = await tx
    .select({ lastUsedStep: twoFactor.lastUsedStep })
    .from(twoFactor)
    .where(and(eq(twoFactor.userId, userId), isNotNull(twoFactor.confirmedAt)))
    .limit(1);
  const lastUsed = row?.lastUsedStep ?? null;
  return lastUsed !== null && lastUsed >= step ? "used" : "wrong";
}

/**
 * The secret being enrolled: kept while unconfirmed so a reload shows the same QR code, replaced
 * when `fresh` (a new activation after re-entering the password).
 */
export async function enrolmentSecret(userId: string, fresh: boolean): Promise<string | null> {
  const [existing] = await getDb().select().from(twoFactor).where(eq(twoFactor.userId, userId)).limit(1);
  if (existing?.confirmedAt) return null;
  if (existing && !fresh) return decryptSecret(existing.secretEncrypted);
  const secret = newTotpSecret();
  await getDb()
    .insert(twoFactor)
    .values({ userId, secretEncrypted: encryptSecret(secret) })
    .onConflictDoUpdate({
      target: twoFactor.userId,
      set: { secretEncrypted: encryptSecret(secret), createdAt: sql`now()`, lastUsedStep: null },
      setWhere: isNull(twoFactor.confirmedAt),
    });
  return secret;
}

/** Confirms enrolment when the code matches the unconfirmed secret. */
export async function confirmEnrolment(tx: Database, userId: string, code: string): Promise<boolean> {
  const step = await matchingStep(tx, userId, "enrolling", code);
  if (step === null) return false;
  const [updated] = await tx
    .update(twoFactor)
    .set({ confirmedAt: sql`now()`, lastUsedStep: step })
    .where(and(eq(twoFactor.userId, userId), isNull(twoFactor.confirmedAt)))
    .returning({ userId: twoFactor.userId });
  if (updated) await voidMailedCodes(tx, userId);
  return Boolean(updated);
}

export async function removeTwoFactor(tx: Database, userId: string): Promise<void> {
  await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
  await voidMailedCodes(tx, userId);
}
