"use server";

import { revalidatePath } from "next/cache";
import type { EnrolmentData } from "@/components/twofactor/enrolment-panel";
import { requireSignedIn } from "@/lib/auth/guards";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/password-reset-schema";
import { confirmPassword } from "@/lib/auth/reauthenticate";
import { ownSessionSchema, passwordAgainSchema, passwordAndCodeSchema } from "@/lib/auth/schema";
import { activationAnswer, changePasswordAnswer, passwordCheckRefused, revokeOthersAnswer, revokeSessionAnswer } from "@/lib/auth/security-messages";
import { revokeOtherSessions, revokeOwnSession } from "@/lib/auth/sessions";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { activateTwoFactorHere } from "@/lib/auth/two-factor-activation";
import { deactivateTwoFactor, enrolmentChallenge, regenerateRecoveryCodes, type Challenge } from "@/lib/twofactor/enrolment";
import { CODE_REFUSED, TWO_FACTOR_MESSAGE } from "@/lib/twofactor/messages";
import { authenticatorCodeSchema } from "@/lib/twofactor/schema";

// Every action acts on the signed-in person's own account only: the user comes from the session,
// never from the form.

/** « Activer la double authentification »: the password again, then a new secret to scan. */
export async function startActivationAction(_previous: FormState<Challenge>, formData: FormData): Promise<FormState<Challenge>> {
  const { user } = await requireSignedIn();
  const parsed = passwordAgainSchema.safeParse({ password: formData.get("password") });
  if (!parsed.success) return invalid(parsed.error);
  const check = await confirmPassword(user, parsed.data.password, await requestContext());
  if (check.kind !== "ok") return passwordCheckRefused(check);
  const result = await enrolmentChallenge(user, true);
  if (result.kind === "already-on") return { status: "error", formError: TWO_FACTOR_MESSAGE.alreadyOn };
  return { status: "success", data: result.challenge };
}

/** Activates once a valid code proves the app was set up; returns the recovery codes, once. */
export async function confirmActivationAction(_previous: FormState<EnrolmentData>, formData: FormData): Promise<FormState<EnrolmentData>> {
  const { user, session } = await requireSignedIn();
  const parsed = authenticatorCodeSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error);
  return activationAnswer(await activateTwoFactorHere(user, parsed.data.code, session.id));
}

export async function regenerateCodesAction(_previous: FormState<EnrolmentData>, formData: FormData): Promise<FormState<EnrolmentData>> {
  const { user } = await requireSignedIn();
  const parsed = passwordAndCodeSchema.safeParse({ password: formData.get("password"), code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error);
  const check = await confirmPassword(user, parsed.data.password, await requestContext());
  if (check.kind !== "ok") return passwordCheckRefused(check);
  const result = await regenerateRecoveryCodes(user, parsed.data.code);
  if (result.kind === "wrong-code") return { status: "error", fieldErrors: { code: CODE_REFUSED } };
  return { status: "success", data: { recoveryCodes: result.recoveryCodes } };
}

export async function deactivateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireSignedIn();
  const parsed = passwordAndCodeSchema.safeParse({ password: formData.get("password"), code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error);
  const check = await confirmPassword(user, parsed.data.password, await requestContext());
  if (check.kind !== "ok") return passwordCheckRefused(check);
  const result = await deactivateTwoFactor(user, parsed.data.code);
  switch (result.kind) {
    case "required-for-role":
      return { status: "error", formError: TWO_FACTOR_MESSAGE.requiredForRole };
    case "wrong-code":
      return { status: "error", fieldErrors: { code: CODE_REFUSED } };
    case "done":
      return { status: "success", message: TWO_FACTOR_MESSAGE.deactivated };
  }
}

/** « Déconnecter » one of the user's own sessions (never someone else's: the user is in the WHERE). */
export async function revokeSessionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireSignedIn();
  const parsed = ownSessionSchema.safeParse({ sessionId: formData.get("sessionId") });
  // A malformed id is no open session of this user either.
  const result = parsed.success ? await revokeOwnSession(user.id, parsed.data.sessionId) : ({ kind: "not-found" } as const);
  if (result.kind === "done") revalidatePath("/securite");
  return revokeSessionAnswer(result);
}

/** « Déconnecter les autres sessions »: all but the one making the request. */
export async function revokeOtherSessionsAction(): Promise<FormState> {
  const { user, session } = await requireSignedIn();
  const ended = await revokeOtherSessions(user.id, session.id);
  revalidatePath("/securite");
  return revokeOthersAnswer(ended);
}

/** « Changer le mot de passe »: this browser stays signed in, the other sessions end. */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, session } = await requireSignedIn();
  const parsed = changePasswordSchema.safeParse({
    current: formData.get("current"),
    password: formData.get("password"),
    confirmation: formData.get("confirmation"),
  });
  if (!parsed.success) return invalid(parsed.error);
  const result = await changePassword(user, session.id, parsed.data.current, parsed.data.password, await requestContext());
  if (result.kind === "done") revalidatePath("/securite");
  return changePasswordAnswer(result);
}
