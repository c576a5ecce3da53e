import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { users, verifications } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Role } from "./roles";
import { hashOneTimeSecret, randomToken } from "@/lib/twofactor/secret-hash";
import { consume, store, voidUnused } from "@/lib/twofactor/one-time-codes";

// Links sent by email that act on an account once: password reset (1 hour), invitation
// (72 hours) and the confirmation of a new address (24 hours, lib/profile/email-change.ts). The
// token travels only in the email; the database keeps its HMAC.
// No "server-only" marker: the operators' command line invites support accounts with it.

export type LinkPurpose = "password_reset" | "invitation" | "email_change";

const hashFor = (purpose: LinkPurpose, token: string) => hashOneTimeSecret(purpose, token);

/** A new link for the user; earlier unused links of the same purpose stop working. */
export async function issueLink(tx: Database, userId: string, purpose: LinkPurpose, validMinutes: number): Promise<string> {
  const token = randomToken();
  await voidUnused(tx, userId, purpose);
  await store(tx, userId, purpose, [hashFor(purpose, token)], new Date(Date.now() + validMinutes * 60_000));
  return token;
}

export type LinkTarget = { verificationId: string; userId: string; email: string; role: Role; firstName: string; lastName: string };

/** The account a link is for, while it is unused and unexpired; null for anything else. */
export async function findLinkTarget(db: Database, token: string, purpose: LinkPurpose): Promise<LinkTarget | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({
      verificationId: verifications.id,
      userId: users.id,
      email: users.email,
      role: users.role,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(verifications)
    .innerJoin(users, eq(users.id, verifications.userId))
    .where(
      and(
        eq(verifications.codeHash, hashFor(purpose, token)),
        eq(verifications.purpose, purpose),
        isNull(verifications.usedAt),
        gt(verifications.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Uses the link up, once: false when it expired or a concurrent request already used it. */
export async function useLink(tx: Database, token: string, purpose: LinkPurpose): Promise<boolean> {
  return Boolean(await consume(tx, purpose, hashFor(purpose, token)));
}
