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
    .where(
      inArray(
        authThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  return Math.max(
    0,
    ...keys.map((k) =>
      secondsToWait(
        rows.find((r) => r.key === k.key),
        k.scope,
        now,
      ),
    ),
  );
}

/**
 * delayAfterFailures (throttle-rules.ts) in SQL, on the stored row: the claim must decide on the
 * row it locks, not on a copy read earlier. throttle.test.ts checks both agree.
 */
function delaySql(scope: ThrottleScope) {
  const over = sql`${authThrottle.failures} - ${sql.raw(String(FREE_FAILURES[scope]))}`;
  return sql`CASE WHEN ${over} < 0 THEN 0 ELSE LEAST(${sql.raw(String(MAX_DELAY_SECONDS))}, POWER(2, LEAST(${over}, 30))) END`;
}

/**
 * Counts one failure on a key in one upsert (concurrent ones all count), starting again from 1 when
 * the last one is forgotten. With `onlyIfDelayOver`, only when that scope's delay since the last
 * failure is over: the row comes back when counted, none when the key is still waiting.
 */
function countFailure(db: Database, key: string, now: Date, onlyIfDelayOver?: ThrottleScope) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const forgotten = sql`${authThrottle.lastFailureAt} <= ${at} - make_interval(secs => ${sql.raw(String(FORGET_AFTER_SECONDS))})`;
  return db
    .insert(authThrottle)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: { failures: sql`CASE WHEN ${forgotten} THEN 1 ELSE ${authThrottle.failures} + 1 END`, lastFailureAt: now },
      ...(onlyIfDelayOver
        ? { setWhere: sql`${forgotten} OR ${authThrottle.lastFailureAt} + make_interval(secs => ${delaySql(onlyIfDelayOver)}) <= ${at}` }
        : {}),
    })
    .returning({ key: authThrottle.key });
}

/**
 * Claims the right to check one password, before argon2 runs (docs/decisions/0004). The account is
 * claimed: one upsert that counts the attempt as a failure only if its current delay is over, so
 * the row lock makes attempts sent together queue, each seeing the ones before it, and a burst gets
 * no more checks than the same attempts one by one. The address is only checked here and counted
 * when the password turns out wrong (recordWrongPassword): a practice or a hospital signs in from
 * one NAT address, and its colleagues signing in at the same moment must not throttle each other.
 *
 * Returns 0 when the password may be checked, else the seconds to wait (never counted).
 */
export async function claimPasswordAttempt(keys: ThrottleKey[], now = new Date(), db: Database = getDb()): Promise<number> {
  const addresses = keys.filter((k) => k.scope === "ip");
  if (addresses.length) {
    const wait = await secondsBeforeNextAttempt(addresses, now, db);
    if (wait > 0) return wait;
  }
  for (const { scope, key } of keys.filter((k) => k.scope === "account")) {
    const claimed = await countFailure(db, key, now, scope);
    // Read only for the message; the decision was the upsert's. At least 1: it did refuse.
    if (claimed.length === 0) return Math.max(1, await secondsBeforeNextAttempt([{ scope, key }], now, db));
  }
  return 0;
}

/** The claimed password was wrong: the address counts it too (the account's claim already did). */
export async function recordWrongPassword(keys: ThrottleKey[], now = new Date(), db: Database = getDb()): Promise<void> {
  for (const { key } of keys.filter((k) => k.scope === "ip")) await countFailure(db, key, now);
}

/**
 * The claimed password was right: the account's counter is cleared (not the address's: one good
 * account must not unlock a guessing address).
 */
export async function acceptRightPassword(keys: ThrottleKey[], db: Database = getDb()): Promise<void> {
  for (const { key } of keys.filter((k) => k.scope === "account")) await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
