import "server-only";
import type { Role, Session } from "@/db/schema";
import { getDb } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { twoFactorChangedEmail } from "@/lib/email/templates";
import type { RequestContext } from "@/lib/http/request-context";
import { confirmEnrolment, hasTwoFactor } from "@/lib/twofactor/authenticator";
import { consumePendingStep, currentPendingStep, voidPendingSteps } from "@/lib/twofactor/pending-step";
import { replaceRecoveryCodes } from "@/lib/twofactor/recovery-codes";
import { resetCountersIfActive } from "./attempt-counter";
import { openSession } from "./sessions";

// Enrolling the second factor during sign-in, for the roles that require it (support): the code
// confirms the secret, then the session opens. Part of signing in, so it lives in lib/auth and uses
// lib/twofactor, never the reverse.

export type EnrolAtSignIn = { kind: "enrolled"; recoveryCodes: string[] } | { kind: "wrong-code" } | { kind: "expired" };

/**
 * A role that requires two-factor (support) enrols before its first session. The code confirms
 * the secret; every other pending sign-in of the account is voided, so only this browser, which
 * proved the code, can go on to open the session (completeEnrolledSignIn).
 */
export async function enrolAtSignIn(code: string): Promise<EnrolAtSignIn> {
  const step = await currentPendingStep();
  if (!step || step.kind !== "enrol" || step.user.status !== "active") return { kind: "expired" };
  const recoveryCodes = await getDb().transaction(async (tx) => {
    if (!(await confirmEnrolment(tx, step.user.id, code))) return null;
    await voidPendingSteps(tx, step.user.id, step.id);
    return replaceRecoveryCodes(tx, step.user.id);
  });
  if (!recoveryCodes) return { kind: "wrong-code" };
  await sendEmail(step.user.email, twoFactorChangedEmail("activated"));
  return { kind: "enrolled", recoveryCodes };
}

/** After enrolling at sign-in and keeping the recovery codes: the session opens. */
export async function completeEnrolledSignIn(ctx: RequestContext): Promise<{ session: Session; portal: Role; role: Role } | null> {
  const step = await currentPendingStep();
  if (!step || step.kind !== "enrol" || !(await hasTwoFactor(step.user.id))) return null;
  const session = await getDb().transaction(async (tx) => {
    if (!(await resetCountersIfActive(tx, step.user.id)) || !(await consumePendingStep(tx, step.id))) return null;
    return openSession(tx, step.user, ctx.ip, ctx.userAgent);
  });
  return session ? { session, portal: step.portal, role: step.user.role } : null;
}
