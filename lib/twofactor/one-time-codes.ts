import { and, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { pendingEmailChanges, verifications } from "@/db/schema";
import type { Database } from "@/db/client";

// The one store of one-time codes and tokens (the `verifications` table): emailed sign-in codes,
// recovery codes, reset and invitation links. Callers hash the secret (secret-hash.ts) before it
// comes here; this module only keeps, voids and uses hashes.

export type Purpose = (typeof verifications.purpose.enumValues)[number];

/** Earlier unused codes of this purpose stop working (a new email code or link voids the old one). */
export async function voidUnused(tx: Database, userId: string, purpose: Purpose): Promise<void> {
  await tx
    .update(verifications)
    .set({ usedAt: sql`now()` })
    .where(and(eq(verifications.userId, userId), eq(verifications.purpose, purpose), isNull(verifications.usedAt)));
}

export async function store(tx: Database, userId: string, purpose: Purpose, codeHashes: string[], expiresAt: Date | null): Promise<void> {
  await tx.insert(verifications).values(codeHashes.map((codeHash) => ({ userId, purpose, codeHash, expiresAt })));
}

/**
 * Uses up the code with this hash, once: unused, unexpired, of this purpose (and of this user when
 * given). Returns its id and user, or null for a wrong, used or expired code. One UPDATE, so two
 * concurrent uses cannot both succeed.
 */
export async function consume(tx: Database, purpose: Purpose, codeHash: string, userId?: string): Promise<{ id: string; userId: string } | null> {
  const [row] = await tx
    .update(verifications)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(verifications.purpose, purpose),
        eq(verifications.codeHash, codeHash),
        userId ? eq(verifications.userId, userId) : isNotNull(verifications.userId),
        isNull(verifications.usedAt),
        or(isNull(verifications.expiresAt), gt(verifications.expiresAt, sql`now()`)),
      ),
    )
    .returning({ id: verifications.id, userId: verifications.userId });
  return row?.userId ? { id: row.id, userId: row.userId } : null;
}

/** Removes every code of this purpose (recovery codes replaced or two-factor switched off). */
export async function removeAll(tx: Database, userId: string, purpose: Purpose): Promise<void> {
  await tx.delete(verifications).where(and(eq(verifications.userId, userId), eq(verifications.purpose, purpose)));
}

/**
 * What a change to the account's keys (email, password, second factor, block) must end, in the
 * caller's transaction: every unused link or code sent to a mailbox before the change (reset,
 * email change, emailed sign-in code) and the pending email change. A reset link asked for before
 * the email moved would otherwise hand the account to whoever still reads the old mailbox.
 * Recovery codes stay: the user holds them on paper, not in a mailbox.
 */
export async function voidMailedCodes(tx: Database, userId: string): Promise<void> {
  await tx
    .update(verifications)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(verifications.userId, userId),
        inArray(verifications.purpose, ["password_reset", "email_change", "sign_in_email_code"]),
        isNull(verifications.usedAt),
      ),
    );
  await tx.delete(pendingEmailChanges).where(eq(pendingEmailChanges.userId, userId));
}
