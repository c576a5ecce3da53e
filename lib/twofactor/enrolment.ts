import "server-only";
import QRCode from "qrcode";
import type { Role, Session, User } from "@/db/schema";
import { openSession, revokeOtherSessions } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { twoFactorChangedEmail } from "@/lib/email/templates";
import type { RequestContext } from "@/lib/http/request-context";
import { resetCountersIfActive } from "./attempt-counter";
import { acceptTotp, confirmEnrolment, enrolmentSecret, hasTwoFactor, removeTwoFactor } from "./authenticator";
import { consumePendingStep, currentPendingStep, voidPendingSteps } from "./pending-step";
import { deleteRecoveryCodes, replaceRecoveryCodes } from "./recovery-codes";
import { groupSecret, totpUri } from "./totp";

// Turning two-factor authentication on and off, from the security page or, for roles that
// require it, during sign-in. Every change is emailed to the user.

export type Challenge = { qrDataUrl: string; secretGroups: string };

/** The QR code (issuer Doctipro, label = email) and the secret in groups of 4, for a new enrolment. */
export async function enrolmentChallenge(user: User, fresh: boolean): Promise<Challenge | null> {
  const secret = await enrolmentSecret(user.id, fresh);
  if (!secret) return null;
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, user.email), { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { qrDataUrl, secretGroups: groupSecret(secret) };
}

export type Activated = { recoveryCodes: string[]; endedSessions: number };

/**
 * Confirms the enrolment with a valid code; returns the 10 recovery codes, shown once. The
 * account's other sessions end in the same transaction, as after a password change: a session
 * opened without the second factor (perhaps by whoever made the user turn it on) does not outlive it.
 */
export async function activateTwoFactor(user: User, code: string, keepSessionId: string): Promise<Activated | null> {
  const activated = await getDb().transaction(async (tx) => {
    if (!(await confirmEnrolment(tx, user.id, code))) return null;
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    const endedSessions = await revokeOtherSessions(user.id, keepSessionId, tx, "double authentification activée");
    return { recoveryCodes, endedSessions };
  });
  if (activated) await sendEmail(user.email, twoFactorChangedEmail("activated"));
  return activated;
}

/** New recovery codes (the old ones stop working), against a valid authenticator code. */
export async function regenerateRecoveryCodes(user: User, code: string): Promise<string[] | null> {
  const codes = await getDb().transaction(async (tx) => {
    // A replayed code ("used") is refused like a wrong one: the page says « incorrect ou déjà utilisé ».
    if ((await acceptTotp(tx, user.id, code)) !== "accepted") return null;
    return replaceRecoveryCodes(tx, user.id);
  });
  if (codes) await sendEmail(user.email, twoFactorChangedEmail("recovery-regenerated"));
  return codes;
}

/** Turns two-factor off, against a valid authenticator code. */
export async function deactivateTwoFactor(user: User, code: string): Promise<boolean> {
  const done = await getDb().transaction(async (tx) => {
    if ((await acceptTotp(tx, user.id, code)) !== "accepted") return false;
    await removeTwoFactor(tx, user.id);
    await deleteRecoveryCodes(tx, user.id);
    return true;
  });
  if (done) await sendEmail(user.email, twoFactorChangedEmail("deactivated"));
  return done;
}

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
