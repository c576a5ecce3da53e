import "server-only";
import { eq, sql } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import { getDb } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { passwordChangedEmail } from "@/lib/email/templates";
import type { RequestContext } from "@/lib/http/request-context";
import { voidPendingSteps } from "@/lib/twofactor/pending-step";
import { voidMailedCodes } from "@/lib/twofactor/one-time-codes";
import { hashPassword } from "./password-hash";
import { passwordProblem } from "./password-policy";
import { confirmPassword } from "./reauthenticate";
import { revokeOtherSessions } from "./sessions";

export type ChangePasswordResult =
  | { kind: "done"; endedSessions: number }
  | { kind: "wrong-password" }
  | { kind: "throttled" }
  | { kind: "same-password" }
  /** The strength rule's own words (passwordProblem), shown under the new password like a field message. */
  | { kind: "weak-password"; message: string };

/**
 * A signed-in user changes their password: the current one first (counted like a sign-in), the
 * same strength rule as a reset. The other sessions and pending sign-ins end with the old password
 * (whoever knew it is out); this browser stays signed in. The user is told by email.
 */
export async function changePassword(
  user: User,
  sessionId: string,
  current: string,
  next: string,
  ctx: RequestContext,
): Promise<ChangePasswordResult> {
  const check = await confirmPassword(user, current, ctx);
  if (check.kind !== "ok") return check;
  if (next === current) return { kind: "same-password" };
  const problem = passwordProblem(next, [user.email, user.firstName, user.lastName]);
  if (problem) return { kind: "weak-password", message: problem };
  const passwordHash = await hashPassword(next);
  const endedSessions = await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    await voidPendingSteps(tx, user.id);
    await voidMailedCodes(tx, user.id);
    return revokeOtherSessions(user.id, sessionId, tx);
  });
  await sendEmail(user.email, passwordChangedEmail("others"));
  return { kind: "done", endedSessions };
}
