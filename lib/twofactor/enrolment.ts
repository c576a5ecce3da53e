import "server-only";
import QRCode from "qrcode";
import type { User } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { twoFactorChangedEmail } from "@/lib/email/templates";
import { acceptTotp, confirmEnrolment, enrolmentSecret, removeTwoFactor } from "./authenticator";
import { deleteRecoveryCodes, replaceRecoveryCodes } from "./recovery-codes";
import { twoFactorRequired } from "./required";
import { groupSecret, totpUri } from "./totp";

// Turning two-factor authentication on and off from the security page (enrolling during sign-in,
// for the roles that require it, is lib/auth/enrol-at-sign-in.ts). Every change is emailed to the user.

export type Challenge = { qrDataUrl: string; secretGroups: string };
export type ChallengeResult = { kind: "ready"; challenge: Challenge } | { kind: "already-on" };

/**
 * The QR code (issuer Doctipro, label = email) and the secret in groups of 4, for a new enrolment;
 * « already-on » when the second factor is already confirmed.
 */
export async function enrolmentChallenge(user: User, fresh: boolean): Promise<ChallengeResult> {
  const secret = await enrolmentSecret(user.id, fresh);
  if (!secret) return { kind: "already-on" };
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, user.email), { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { kind: "ready", challenge: { qrDataUrl, secretGroups: groupSecret(secret) } };
}

export type RecoveryCodesResult = { kind: "done"; recoveryCodes: string[] } | { kind: "wrong-code" };
export type ActivationResult = { kind: "done"; recoveryCodes: string[]; endedSessions: number } | { kind: "wrong-code" };

/**
 * Confirms the enrolment with a valid code; returns the 10 recovery codes, shown once.
 * `endOtherSessions` runs in the same transaction: the caller (lib/auth, which knows sessions)
 * ends the account's other sessions there, as a password change does, so that a session opened
 * without the second factor does not outlive its activation.
 */
export async function activateTwoFactor(user: User, code: string, endOtherSessions: (tx: Database) => Promise<number>): Promise<ActivationResult> {
  const done = await getDb().transaction(async (tx) => {
    if (!(await confirmEnrolment(tx, user.id, code))) return null;
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    return { recoveryCodes, endedSessions: await endOtherSessions(tx) };
  });
  if (!done) return { kind: "wrong-code" };
  await sendEmail(user.email, twoFactorChangedEmail("activated"));
  return { kind: "done", ...done };
}

/** New recovery codes (the old ones stop working), against a valid authenticator code. */
export async function regenerateRecoveryCodes(user: User, code: string): Promise<RecoveryCodesResult> {
  const codes = await getDb().transaction(async (tx) => {
    // A replayed code ("used") is refused like a wrong one: the page says « incorrect ou déjà utilisé ».
    if ((await acceptTotp(tx, user.id, code)) !== "accepted") return null;
    return replaceRecoveryCodes(tx, user.id);
  });
  if (!codes) return { kind: "wrong-code" };
  await sendEmail(user.email, twoFactorChangedEmail("recovery-regenerated"));
  return { kind: "done", recoveryCodes: codes };
}

export type DeactivateResult = { kind: "done" } | { kind: "required-for-role" } | { kind: "wrong-code" };

/**
 * A user turns their own two-factor off, against a valid authenticator code; never a role that
 * requires it (support), whatever the form says. Support resetting a colleague's lost
 * authenticator is removeTwoFactor, through lib/support (decision 0009).
 */
export async function deactivateTwoFactor(user: User, code: string): Promise<DeactivateResult> {
  if (twoFactorRequired(user.role)) return { kind: "required-for-role" };
  const done = await getDb().transaction(async (tx) => {
    if ((await acceptTotp(tx, user.id, code)) !== "accepted") return false;
    await removeTwoFactor(tx, user.id);
    await deleteRecoveryCodes(tx, user.id);
    return true;
  });
  if (!done) return { kind: "wrong-code" };
  await sendEmail(user.email, twoFactorChangedEmail("deactivated"));
  return { kind: "done" };
}
