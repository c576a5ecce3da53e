import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { emailChangeRequests, users, type User } from "@/db/schema";
import { getDb } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { emailChangedEmail, emailChangeLinkEmail } from "@/lib/email/templates";
import { takeToken } from "@/lib/rate-limit/fixed-window";
import { hashOneTimeSecret, randomToken } from "@/lib/twofactor/secret-hash";

// « Changer de courriel »: the password is checked by the caller; the new address becomes the
// account's only when the link sent to it is followed (proof that the doctor reads it).

const PURPOSE = "email_change";
const LINK_HOURS = 24;
const REQUESTS_PER_HOUR = 5;
const hashFor = (token: string) => hashOneTimeSecret(PURPOSE, token);

export type EmailChangeRequest = "sent" | "same" | "taken" | "too-many";

export async function requestEmailChange(user: User, newEmail: string): Promise<EmailChangeRequest> {
  if (newEmail === user.email) return "same";
  // Telling a signed-in doctor, who just gave the password, that an address has an account reveals
  // little; a link that could never work would only confuse.
  const [existing] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, newEmail)).limit(1);
  if (existing) return "taken";
  if (!(await takeToken(`email-change:${user.id}`, REQUESTS_PER_HOUR, 3600))) return "too-many";
  const token = randomToken();
  await getDb().transaction(async (tx) => {
    // A new request voids the previous ones.
    await tx
      .update(emailChangeRequests)
      .set({ usedAt: sql`now()` })
      .where(and(eq(emailChangeRequests.userId, user.id), isNull(emailChangeRequests.usedAt)));
    await tx.insert(emailChangeRequests).values({
      userId: user.id,
      newEmail,
      tokenHash: hashFor(token),
      expiresAt: new Date(Date.now() + LINK_HOURS * 3600_000),
    });
  });
  await sendEmail(newEmail, emailChangeLinkEmail(token));
  return "sent";
}

/** The pending change a link is for, while it is valid. */
export async function findEmailChange(token: string): Promise<{ newEmail: string; oldEmail: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await getDb()
    .select({ newEmail: emailChangeRequests.newEmail, oldEmail: users.email })
    .from(emailChangeRequests)
    .innerJoin(users, eq(users.id, emailChangeRequests.userId))
    .where(and(eq(emailChangeRequests.tokenHash, hashFor(token)), isNull(emailChangeRequests.usedAt), gt(emailChangeRequests.expiresAt, sql`now()`)))
    .limit(1);
  return row ?? null;
}

export type EmailChangeResult = { kind: "done"; newEmail: string } | { kind: "invalid-link" } | { kind: "taken" };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** Uses the link up and changes the address in one transaction; the old address is told. */
export async function confirmEmailChange(token: string): Promise<EmailChangeResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { kind: "invalid-link" };
  try {
    const changed = await getDb().transaction(async (tx) => {
      const [request] = await tx
        .update(emailChangeRequests)
        .set({ usedAt: sql`now()` })
        .where(and(eq(emailChangeRequests.tokenHash, hashFor(token)), isNull(emailChangeRequests.usedAt), gt(emailChangeRequests.expiresAt, sql`now()`)))
        .returning({ userId: emailChangeRequests.userId, newEmail: emailChangeRequests.newEmail });
      if (!request) return null;
      const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, request.userId)).for("update");
      await tx.update(users).set({ email: request.newEmail, updatedAt: sql`now()` }).where(eq(users.id, request.userId));
      return { oldEmail: before!.email, newEmail: request.newEmail };
    });
    if (!changed) return { kind: "invalid-link" };
    await sendEmail(changed.oldEmail, emailChangedEmail(changed.newEmail));
    return { kind: "done", newEmail: changed.newEmail };
  } catch (error) {
    // Another account took the address since the link was sent: nothing changed.
    if (isUniqueViolation(error)) return { kind: "taken" };
    throw error;
  }
}
