import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { twoFactor, users, type Session, type User } from "@/db/schema";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log";
import type { RequestContext } from "@/lib/http/request-context";
import { resetCountersIfActive } from "./attempt-counter";
import { hashPassword, needsRehash, verifyPassword } from "./password-hash";
import type { Role } from "./roles";
import { openSession } from "./sessions";
import { acceptRightPassword, claimPasswordAttempt, recordWrongPassword, throttleKeys } from "./throttle";
import { twoFactorRequired } from "@/lib/twofactor/required";

export type PasswordStepResult =
  | { kind: "signed-in"; user: User; session: Session }
  /** Password right, two-factor on: the code comes next, still without a session. */
  | { kind: "second-factor"; user: User }
  /** Password right, but the role requires two-factor and it is not set up yet (support). */
  | { kind: "enrol-second-factor"; user: User }
  | { kind: "invalid-credentials" }
  | { kind: "wrong-portal" }
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "blocked" };

/**
 * The password step of signing in on a role's page. `email` is already validated and normalised
 * (lib/auth/schema.ts). Nothing in the answer tells an unknown email from a wrong password.
 */
export async function signInWithPassword(portal: Role, email: string, password: string, ctx: RequestContext): Promise<PasswordStepResult> {
  const keys = throttleKeys(email, ctx.ip);
  // Claimed (and counted as a failure) before argon2, so attempts sent together cannot all be
  // checked during one open window (docs/decisions/0004).
  // The account is read meanwhile: two round trips to the database at once, not one after the other.
  const [wait, account] = await Promise.all([claimPasswordAttempt(keys), findAccount(email)]);
  if (wait > 0) {
    logger.info({ requestId: ctx.requestId, ip: ctx.ip, wait }, "sign-in throttled");
    return { kind: "throttled", retryAfterSeconds: wait };
  }

  const user = account?.user;
  // Always one argon2 verification, against a throwaway hash when there is no account.
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  if (!user || !passwordOk) {
    await recordWrongPassword(keys);
    logger.info({ requestId: ctx.requestId, ip: ctx.ip }, "sign-in refused: invalid credentials");
    return { kind: "invalid-credentials" };
  }
  await acceptRightPassword(keys);
  await upgradeHash(user, password);

  if (user.role !== portal) return { kind: "wrong-portal" };
  if (user.status === "blocked") return { kind: "blocked" };
  if (account.twoFactorOn) return { kind: "second-factor", user };
  if (twoFactorRequired(user.role)) return { kind: "enrol-second-factor", user };

  const session = await getDb().transaction(async (tx) => {
    if (!(await resetCountersIfActive(tx, user.id))) return null;
    return openSession(tx, user, ctx.ip, ctx.userAgent);
  });
  if (!session) return { kind: "blocked" };
  logger.info({ requestId: ctx.requestId, userId: user.id, sessionId: session.id }, "signed in");
  return { kind: "signed-in", user, session };
}

/** The account with this email, and whether its two-factor authentication is on. */
async function findAccount(email: string): Promise<{ user: User; twoFactorOn: boolean } | undefined> {
  const [row] = await getDb()
    .select({ user: users, twoFactorSince: twoFactor.confirmedAt })
    .from(users)
    .leftJoin(twoFactor, and(eq(twoFactor.userId, users.id), isNotNull(twoFactor.confirmedAt)))
    .where(eq(users.email, email))
    .limit(1);
  return row && { user: row.user, twoFactorOn: row.twoFactorSince !== null };
}

/**
 * Hashes the password again with today's parameters when the stored hash is older. Only if the
 * hash is still the one just checked: a password reset in between keeps its new hash.
 */
async function upgradeHash(user: User, password: string): Promise<void> {
  if (!user.passwordHash || !needsRehash(user.passwordHash)) return;
  const passwordHash = await hashPassword(password);
  await getDb()
    .update(users)
    .set({ passwordHash })
    .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
}
