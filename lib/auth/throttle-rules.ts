// The arithmetic of the failed-password throttle (docs/decisions/0004). Pure, so it is unit-tested
// apart from the database.

export type ThrottleScope = "account" | "ip";

/** Failures allowed without any delay. An IP may be a whole practice behind one NAT. */
export const FREE_FAILURES: Record<ThrottleScope, number> = { account: 5, ip: 20 };
export const MAX_DELAY_SECONDS = 15 * 60;
/** Failures are forgotten this long after the last one: a delay, never a permanent block. */
export const FORGET_AFTER_SECONDS = 60 * 60;

/** Delay imposed after the n-th consecutive failure: 1 s at the threshold, doubling, capped. */
export function delayAfterFailures(failures: number, scope: ThrottleScope): number {
  const over = failures - FREE_FAILURES[scope];
  if (over < 0) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** Math.min(over, 30));
}

/** Seconds to wait before the next attempt is even checked (0: go ahead). */
export function secondsToWait(row: { failures: number; lastFailureAt: Date } | undefined, scope: ThrottleScope, now: Date): number {
  if (!row) return 0;
  const sinceLast = (now.getTime() - row.lastFailureAt.getTime()) / 1000;
  if (sinceLast >= FORGET_AFTER_SECONDS) return 0;
  return Math.max(0, Math.ceil(delayAfterFailures(row.failures, scope) - sinceLast));
}
