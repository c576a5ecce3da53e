import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { authThrottle } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { FORGET_AFTER_SECONDS, FREE_FAILURES, MAX_DELAY_SECONDS, secondsToWait, type ThrottleScope } from "./throttle-rules";

export type ThrottleKey = { scope: ThrottleScope; key: string };

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { scope: "account", key: `account:${email}` },
    { scope: "ip", key: `ip:${ip}` },
  ];
}

/** The longest wait any of the keys imposes right now. */
export async function secondsBeforeNextAttempt(keys: ThrottleKey[], now = new Date(), db: Database = getDb()): Promise<number> {
  const rows = await db
    .select()
    .from(authThrottle)
    .where(inArray(authThrottle.key, keys.map((k) => k.key)));
  return Math.max(
    0,
    ...keys.map((k) => secondsToWait(rows.find((r) => r.key === k.key), k.scope, now)),
  );
}

/** Thrown inside the claim's transaction to undo it: one of the keys is still waiting. */
class StillWaiting extends Error {}

/**
 * delayAfterFailures (throttle-rules.ts) in SQL, on the stored row: the claim must decide on the
 * row it locks, not on a copy read earlier. throttle.test.ts checks both agree.
 */
function delaySql(scope: ThrottleScope) {
  const over = sql`${authThrottle.failures} - ${sql.raw(String(FREE_FAILURES[scope]))}`;
  return sql`CASE WHEN ${over} < 0 THEN 0 ELSE LEAST(${sql.raw(String(MAX_DELAY_SECONDS))}, POWER(2, LEAST(${over}, 30))) END`;
}

/**
 * Claims the right to check one password, before argon2 runs (docs/decisions/0004): on every key,
 * one upsert that counts the attempt as a failure only if the key's current delay is over. Counting
 * first is what makes concurrent attempts wait their turn: the row lock serialises them and each
 * one sees the count of those before it, so requests sent together get one check per delay (and
 * no more than the free failures), instead of all being checked against a count read earlier.
 * Both keys or neither: an attempt refused on one key is not counted on the other.
 *
 * Returns 0 when the password may be checked, else the seconds to wait (never counted).
 */
export async function claimPasswordAttempt(keys: ThrottleKey[], now = new Date(), db: Database = getDb()): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const forgotten = sql`${authThrottle.lastFailureAt} <= ${at} - make_interval(secs => ${sql.raw(String(FORGET_AFTER_SECONDS))})`;
  try {
    await db.transaction(async (tx) => {
      // Always account then address: concurrent claims lock rows in the same order, no deadlock.
      for (const { scope, key } of keys) {
        const claimed = await tx
          .insert(authThrottle)
          .values({ key, failures: 1, lastFailureAt: now })
          .onConflictDoUpdate({
            target: authThrottle.key,
            set: {
              failures: sql`CASE WHEN ${forgotten} THEN 1 ELSE ${authThrottle.failures} + 1 END`,
              lastFailureAt: now,
            },
            setWhere: sql`${forgotten} OR ${authThrottle.lastFailureAt} + make_interval(secs => ${delaySql(scope)}) <= ${at}`,
          })
          .returning({ key: authThrottle.key });
        if (claimed.length === 0) throw new StillWaiting();
      }
    });
    return 0;
  } catch (error) {
    if (!(error instanceof StillWaiting)) throw error;
    // Read only for the message; the decision was the upsert's. At least 1: it did refuse.
    return Math.max(1, await secondsBeforeNextAttempt(keys, now, db));
  }
}

/**
 * The claimed password was right: the account's counter is cleared, and the address gets back the
 * one failure its claim counted (not all of them: one good account must not unlock a guessing IP).
 * A wrong password needs nothing more: the claim already counted it.
 */
export async function acceptRightPassword(keys: ThrottleKey[], db: Database = getDb()): Promise<void> {
  for (const { scope, key } of keys) {
    if (scope === "account") await db.delete(authThrottle).where(eq(authThrottle.key, key));
    else
      await db
        .update(authThrottle)
        .set({ failures: sql`${authThrottle.failures} - 1` })
        .where(sql`${authThrottle.key} = ${key} AND ${authThrottle.failures} > 0`);
  }
}
