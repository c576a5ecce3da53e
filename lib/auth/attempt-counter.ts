import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { voidMailedCodes } from "@/lib/twofactor/one-time-codes";
import { getDb, type Database } from "@/lib/db";
import { CODE_ATTEMPTS, EMAIL_CODE_REQUESTS } from "@/lib/twofactor/limits";
import { revokeAllSessions } from "./sessions";

// The account's second-factor counters (docs/decisions/0006). Each change is one UPDATE whose
// WHERE clause holds the rule, so concurrent requests — on one instance or several sharing one
// PostgreSQL — are serialised by the row lock: exactly 3 failures count and exactly one of them
// blocks. Nothing is read first and decided in JavaScript.

export type CountOutcome =
  | { kind: "counted"; remaining: number }
  /** `justBlocked` is true for the one request that blocked the account (it sends the email). */
  | { kind: "blocked"; justBlocked: boolean };

type Counter = typeof users.failedCodeAttempts | typeof users.emailCodeRequests;

async function count(db: Database, userId: string, column: Counter, limit: number): Promise<CountOutcome> {
  return db.transaction(async (tx) => {
    const blocks = sql`${column} + 1 >= ${limit}`;
    const [row] = await tx
      .update(users)
      .set({
        [column === users.failedCodeAttempts ? "failedCodeAttempts" : "emailCodeRequests"]: sql`${column} + 1`,
        status: sql`CASE WHEN ${blocks} THEN 'blocked'::user_status ELSE ${users.status} END`,
        blockedAt: sql`CASE WHEN ${blocks} THEN now() ELSE ${users.blockedAt} END`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.id, userId), eq(users.status, "active"), lt(column, limit)))
      .returning({ value: column, status: users.status });
    if (!row) return { kind: "blocked", justBlocked: false };
    if (row.status === "blocked") {
      // Every session ends in the same transaction as the block.
      await revokeAllSessions(userId, "compte bloqué", tx);
      await voidMailedCodes(tx, userId);
      return { kind: "blocked", justBlocked: true };
    }
    return { kind: "counted", remaining: limit - row.value };
  });
}

/** One more wrong second-factor code (TOTP, emailed code or recovery code). */
export function recordFailedCode(userId: string, db: Database = getDb()): Promise<CountOutcome> {
  return count(db, userId, users.failedCodeAttempts, CODE_ATTEMPTS);
}

/** One more request for an emailed code; the third one without a successful sign-in blocks. */
export function recordEmailCodeRequest(userId: string, db: Database = getDb()): Promise<CountOutcome> {
  return count(db, userId, users.emailCodeRequests, EMAIL_CODE_REQUESTS);
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
