import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { users, verifications } from "@/db/schema";
import { voidMailedCodes } from "@/lib/twofactor/one-time-codes";
import { getDb, type Database } from "@/lib/db";
import { CODE_ATTEMPTS, EMAIL_CODE_REQUESTS } from "@/lib/twofactor/limits";
import { revokeAllSessions } from "./sessions";

// The account's second-factor counters (docs/decisions/0036, which supersedes the counting part
// of 0006). Each change is one UPDATE whose WHERE clause holds the rule, so concurrent requests —
// on one instance or several sharing one PostgreSQL — are serialised by the row lock. Nothing is
// read first and decided in JavaScript.

/** Why the account was blocked, so the blocked page can say what happened. */
export type BlockReason = "wrong-codes" | "email-codes";

export type CountOutcome =
  | { kind: "counted"; remaining: number }
  /** `justBlocked` is true for the one request that blocked the account (it sends the email). */
  | { kind: "blocked"; justBlocked: boolean; reason?: BlockReason };

/** What comparing one code gave: a right code, a replayed authenticator code, or a wrong one. */
export type CodeCheck = "accepted" | "used" | "wrong";

export type AttemptOutcome<T> =
  | { kind: "accepted"; value: T }
  | { kind: "wrong"; remaining: number }
  /** A replayed authenticator code: refused, and its attempt given back. */
  | { kind: "used"; remaining: number }
  | { kind: "blocked"; justBlocked: boolean; reason?: BlockReason }
  /** The sign-in this attempt belongs to was finished (or ended) meanwhile: nothing compared. */
  | { kind: "expired" };

/** Undoes the attempt's transaction: what it was taken for is gone. */
class AttemptVoid extends Error {}

/** Blocks the account in the caller's transaction: status, every session, every mailed code. */
async function block(tx: Database, userId: string, onlyIf?: ReturnType<typeof and>): Promise<boolean> {
  const [row] = await tx
    .update(users)
    .set({ status: "blocked", blockedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), eq(users.status, "active"), onlyIf))
    .returning({ id: users.id });
  if (!row) return false;
  await revokeAllSessions(userId, "compte bloqué", tx);
  await voidMailedCodes(tx, userId);
  return true;
}

/**
 * The guide's rule for emailed codes: once the third (last) code was sent, the account is blocked
 * when that code is no longer live — it expired unused. Checked at the next attempt, no timer: a
 * used code would have signed in and reset the counter, a voided one came with a block or a change
 * of the account's keys.
 */
function blockIfLastEmailCodeExpired(tx: Database, userId: string): Promise<boolean> {
  return block(
    tx,
    userId,
    and(
      gte(users.emailCodeRequests, EMAIL_CODE_REQUESTS),
      sql`NOT EXISTS (SELECT 1 FROM ${verifications} WHERE ${verifications.userId} = ${userId}
        AND ${verifications.purpose} = 'sign_in_email_code' AND ${verifications.usedAt} IS NULL
        AND ${verifications.expiresAt} > now())`,
    ),
  );
}

/**
 * One second-factor attempt. The attempt is TAKEN before the code is compared — one conditional
 * UPDATE (`failed_code_attempts + 1 … WHERE failed_code_attempts < 3 RETURNING`) — and the row
 * lock it takes is held until this transaction ends, so concurrent attempts wait and see its
 * outcome: no more than three codes are ever compared per block, under any concurrency, on one
 * instance or many. The taken attempt is then settled in the same transaction:
 *  - right code: both counters back to 0 and `onAccepted` runs (it may throw to undo it all,
 *    which gives the attempt back too);
 *  - replayed authenticator code: the attempt is given back (0036; not a guess);
 *  - wrong code: the attempt stays; the account is blocked when it was the third, or when the
 *    code came after the last emailed code (`lastEmailCodeCounts`: that code failed).
 */
export async function attemptCode<T>(
  db: Database,
  userId: string,
  compare: (tx: Database) => Promise<CodeCheck>,
  onAccepted: (tx: Database) => Promise<T>,
  options: { lastEmailCodeCounts: boolean; stillLive?: (tx: Database) => Promise<boolean> } = { lastEmailCodeCounts: true },
): Promise<AttemptOutcome<T>> {
  return db
    .transaction(async (tx): Promise<AttemptOutcome<T>> => {
      if (await blockIfLastEmailCodeExpired(tx, userId)) return { kind: "blocked", justBlocked: true, reason: "email-codes" };
      const [taken] = await tx
        .update(users)
        .set({ failedCodeAttempts: sql`${users.failedCodeAttempts} + 1`, updatedAt: sql`now()` })
        .where(and(eq(users.id, userId), eq(users.status, "active"), lt(users.failedCodeAttempts, CODE_ATTEMPTS)))
        .returning({ attempts: users.failedCodeAttempts, emailRequests: users.emailCodeRequests });
      // No attempt left: the third wrong code blocked the account in its own transaction.
      if (!taken) return { kind: "blocked", justBlocked: false };
      // Checked under the row lock: a racer whose sign-in was just finished by a right code must not
      // compare (nor count against the fresh counters); rolling back gives its attempt back.
      if (options.stillLive && !(await options.stillLive(tx))) throw new AttemptVoid();

      const check = await compare(tx);
      if (check === "accepted") {
        await tx.update(users).set({ failedCodeAttempts: 0, emailCodeRequests: 0 }).where(eq(users.id, userId));
        return { kind: "accepted", value: await onAccepted(tx) };
      }
      if (check === "used") {
        await tx
          .update(users)
          .set({ failedCodeAttempts: sql`${users.failedCodeAttempts} - 1` })
          .where(eq(users.id, userId));
        return { kind: "used", remaining: CODE_ATTEMPTS - (taken.attempts - 1) };
      }
      if (taken.attempts >= CODE_ATTEMPTS) {
        await block(tx, userId);
        return { kind: "blocked", justBlocked: true, reason: "wrong-codes" };
      }
      if (options.lastEmailCodeCounts && taken.emailRequests >= EMAIL_CODE_REQUESTS) {
        await block(tx, userId);
        return { kind: "blocked", justBlocked: true, reason: "email-codes" };
      }
      return { kind: "wrong", remaining: CODE_ATTEMPTS - taken.attempts };
    })
    .catch((error: unknown) => {
      if (error instanceof AttemptVoid) return { kind: "expired" as const };
      throw error;
    });
}

/** One more wrong second-factor code, compared by nobody (tests and tools that need a block). */
export async function recordFailedCode(userId: string, db: Database = getDb()): Promise<CountOutcome> {
  const outcome = await attemptCode(
    db,
    userId,
    async () => "wrong" as const,
    async () => null,
    { lastEmailCodeCounts: false },
  );
  if (outcome.kind === "wrong") return { kind: "counted", remaining: outcome.remaining };
  if (outcome.kind === "blocked") return outcome;
  throw new Error("unreachable: a wrong code cannot be accepted");
}

/**
 * One more request for an emailed code. The first three are counted and each sends a code (the
 * third one is the last: `remaining` 0); a fourth request without a successful sign-in blocks.
 */
export async function recordEmailCodeRequest(userId: string, db: Database = getDb()): Promise<CountOutcome> {
  return db.transaction(async (tx): Promise<CountOutcome> => {
    const [row] = await tx
      .update(users)
      .set({ emailCodeRequests: sql`${users.emailCodeRequests} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, userId), eq(users.status, "active"), lt(users.emailCodeRequests, EMAIL_CODE_REQUESTS)))
      .returning({ value: users.emailCodeRequests });
    if (row) return { kind: "counted", remaining: EMAIL_CODE_REQUESTS - row.value };
    if (await block(tx, userId)) return { kind: "blocked", justBlocked: true, reason: "email-codes" };
    return { kind: "blocked", justBlocked: false };
  });
}

/**
 * A successful sign-in resets both counters, only if the account is still active: false means it
 * was blocked meanwhile, and the sign-in must be refused.
 */
export async function resetCountersIfActive(tx: Database, userId: string): Promise<boolean> {
  const [row] = await tx
    .update(users)
    .set({ failedCodeAttempts: 0, emailCodeRequests: 0 })
    .where(and(eq(users.id, userId), eq(users.status, "active")))
    .returning({ id: users.id });
  return Boolean(row);
}
