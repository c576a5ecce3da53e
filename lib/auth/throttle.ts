import "server-only";
import { inArray, sql } from "drizzle-orm";
import { authThrottle } from "@/db/schema";
import { getDb } from "@/lib/db";
import { FORGET_AFTER_SECONDS, secondsToWait, type ThrottleScope } from "./throttle-rules";

export type ThrottleKey = { scope: ThrottleScope; key: string };

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { scope: "account", key: `account:${email}` },
    { scope: "ip", key: `ip:${ip}` },
  ];
}

/** The longest wait any of the keys imposes right now. */
export async function secondsBeforeNextAttempt(keys: ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await getDb()
    .select()
    .from(authThrottle)
    .where(inArray(authThrottle.key, keys.map((k) => k.key)));
  return Math.max(
    0,
    ...keys.map((k) => secondsToWait(rows.find((r) => r.key === k.key), k.scope, now)),
  );
}

/** Counts one failure on every key, atomically (concurrent failures all count). */
export async function recordFailedPassword(keys: ThrottleKey[], now = new Date()): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  for (const { key } of keys) {
    await getDb()
      .insert(authThrottle)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: sql`CASE WHEN ${authThrottle.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz THEN 1 ELSE ${authThrottle.failures} + 1 END`,
          lastFailureAt: now,
        },
      });
  }
}

/** A correct password clears the account's counter (not the IP's: one good account must not unlock a guessing IP). */
export async function clearAccountFailures(email: string): Promise<void> {
  await getDb().delete(authThrottle).where(inArray(authThrottle.key, [`account:${email}`]));
}
