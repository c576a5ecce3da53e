import "server-only";
import { eq, sql } from "drizzle-orm";
import { pendingEmailChanges, users, type User } from "@/db/schema";
import { voidMailedCodes } from "@/lib/twofactor/one-time-codes";
import { findLinkTarget, issueLink, useLink } from "@/lib/auth/one-time-link";
import { getDb } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { emailChangedEmail, emailChangeLinkEmail } from "@/lib/email/templates";
import { takeToken } from "@/lib/rate-limit/fixed-window";

// « Changer de courriel »: the password is checked by the caller; the new address becomes the
// account's only when the link sent to it is followed (proof that the doctor reads it). The link is
// a one-time token like the reset link (lib/auth/one-time-link.ts); the address waits in
// pending_email_changes.

const PURPOSE = "email_change" as const;
const LINK_MINUTES = 24 * 60;
const REQUESTS_PER_HOUR = 5;

export type EmailChangeRequest = { kind: "sent"; newEmail: string } | { kind: "same" } | { kind: "taken" } | { kind: "too-many" };

export async function requestEmailChange(user: User, newEmail: string): Promise<EmailChangeRequest> {
  if (newEmail === user.email) return { kind: "same" };
  // Telling a signed-in doctor, who just gave the password, that an address has an account reveals
  // little; a link that could never work would only confuse.
  const [existing] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, newEmail)).limit(1);
  if (existing) return { kind: "taken" };
  if (!(await takeToken(`email-change:${user.id}`, REQUESTS_PER_HOUR, 3600))) return { kind: "too-many" };
  const token = await getDb().transaction(async (tx) => {
    // A new link voids the previous one, and the address it was for.
    await tx
      .insert(pendingEmailChanges)
      .values({ userId: user.id, newEmail })
      .onConflictDoUpdate({ target: pendingEmailChanges.userId, set: { newEmail, requestedAt: sql`now()` } });
    return issueLink(tx, user.id, PURPOSE, LINK_MINUTES);
  });
  await sendEmail(newEmail, emailChangeLinkEmail(token));
  return { kind: "sent", newEmail };
}

/** The pending change a link is for, while it is valid. */
export async function findEmailChange(token: string): Promise<{ newEmail: string; oldEmail: string } | null> {
  const target = await findLinkTarget(getDb(), token, PURPOSE);
  if (!target) return null;
  const [pending] = await getDb().select().from(pendingEmailChanges).where(eq(pendingEmailChanges.userId, target.userId)).limit(1);
  return pending ? { newEmail: pending.newEmail, oldEmail: target.email } : null;
}

export type EmailChangeResult = { kind: "done"; newEmail: string } | { kind: "invalid-link" } | { kind: "taken" };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** Uses the link up and changes the address in one transaction; the old address is told. */
export async function confirmEmailChange(token: string): Promise<EmailChangeResult> {
  try {
    const changed = await getDb().transaction(async (tx) => {
      const target = await findLinkTarget(tx, token, PURPOSE);
      if (!target || !(await useLink(tx, token, PURPOSE))) return null;
      const [pending] = await tx.delete(pendingEmailChanges).where(eq(pendingEmailChanges.userId, target.userId)).returning();
      if (!pending) return null;
      await tx
        .update(users)
        .set({ email: pending.newEmail, updatedAt: sql`now()` })
        .where(eq(users.id, target.userId));
      await voidMailedCodes(tx, target.userId);
      return { oldEmail: target.email, newEmail: pending.newEmail };
    });
    if (!changed) return { kind: "invalid-link" };
    await sendEmail(changed.oldEmail, emailChangedEmail(changed.newEmail));
    return { kind: "done", newEmail: changed.newEmail };
  } catch (error) {
    // Another account took the address since the link was sent: the transaction is rolled back and
    // nothing changed.
    if (isUniqueViolation(error)) return { kind: "taken" };
    throw error;
  }
}
