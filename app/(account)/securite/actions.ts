"use server";

import { revalidatePath } from "next/cache";
import type { EnrolmentData } from "@/components/twofactor/enrolment-panel";
import { requireSignedIn } from "@/lib/auth/guards";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/password-reset-schema";
import { confirmPassword, PASSWORD_CHECK_MESSAGE } from "@/lib/auth/reauthenticate";
import { ownSessionSchema, passwordAgainSchema, passwordAndCodeSchema } from "@/lib/auth/schema";
import { revokeOtherSessions, revokeOwnSession } from "@/lib/auth/sessions";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { activateTwoFactorHere } from "@/lib/auth/two-factor-activation";
import { counted } from "@/lib/format/count";
import { deactivateTwoFactor, enrolmentChallenge, regenerateRecoveryCodes, type Challenge } from "@/lib/twofactor/enrolment";
import { CODE_REFUSED, ENROLMENT_CODE_REFUSED, TWO_FACTOR_MESSAGE } from "@/lib/twofactor/messages";
import { authenticatorCodeSchema } from "@/lib/twofactor/schema";

// Every action acts on the signed-in person's own account only: the user comes from the session,
// never from the form.

/** « Activer la double authentification »: the password again, then a new secret to scan. */
export async function startActivationAction(_previous: FormState<Challenge>, formData: FormData): Promise<FormState<Challenge>> {
  const { user } = await requireSignedIn();
  const parsed = passwordAgainSchema.safeParse({ password: formData.get("password") });
  if (!parsed.success) return invalid(parsed.error);
  const check = await confirmPassword(user, parsed.data.password, await requestContext());
  if (check !== "ok") return { status: "error", fieldErrors: { password: PASSWORD_CHECK_MESSAGE[check] } };
  const challenge = await enrolmentChallenge(user, true);
  if (!challenge) return { status: "error", formError: TWO_FACTOR_MESSAGE.alreadyOn };
  return { status: "success", data: challenge };
}

/** Activates once a valid code proves the app was set up; returns the recovery codes, once. */
export async function confirmActivationAction(_previous: FormState<EnrolmentData>, formData: FormData): Promise<FormState<EnrolmentData>> {
  const { user, session } = await requireSignedIn();
  const parsed = authenticatorCodeSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error);
  const result = await activateTwoFactorHere(user, parsed.data.code, session.id);
  if (result.kind === "wrong-code") return { status: "error", fieldErrors: { code: ENROLMENT_CODE_REFUSED } };
  const others = result.endedSessions ? ` ${counted(result.endedSessions, "autre session fermée", "autres sessions fermées")}.` : "";
  return { status: "success", message: `La double authentification est activée.${others}`, data: { recoveryCodes: result.recoveryCodes } };
}

export async function regenerateCodesAction(_previous: FormState<EnrolmentData>, formData: FormData): Promise<FormState<EnrolmentData>> {
  const { user } = await requireSignedIn();
  const parsed = passwordAndCodeSchema.safeParse({ password: formData.get("password"), code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error);
  const check = await confirmPassword(user, parsed.data.password, await requestContext());
  if (check !== "ok") return { status: "error", fieldErrors: { password: PASSWORD_CHECK_MESSAGE[check] } };
  const result = await regenerateRecoveryCodes(user, parsed.data.code);
  if (result.kind === "wrong-code") return { status: "error", fieldErrors: { code: CODE_REFUSED } };
  return { status: "success", data: { recoveryCodes: result.recoveryCodes } };
}

export async function deactivateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireSignedIn();
  const parsed = passwordAndCodeSchema.safeParse({ password: formData.get("password"), code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error);
  const check = await confirmPassword(user, parsed.data.password, await requestContext());
  if (check !== "ok") return { status: "error", fieldErrors: { password: PASSWORD_CHECK_MESSAGE[check] } };
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
  if (!parsed.success || !(await revokeOwnSession(user.id, parsed.data.sessionId))) {
    return { status: "error", formError: "Cette session n'existe pas ou est déjà fermée." };
  }
  revalidatePath("/securite");
  return { status: "success", message: "Session fermée." };
}

/** « Déconnecter les autres sessions »: all but the one making the request. */
export async function revokeOtherSessionsAction(): Promise<FormState> {
  const { user, session } = await requireSignedIn();
  const count = await revokeOtherSessions(user.id, session.id);
  revalidatePath("/securite");
  return {
    status: "success",
    message: count ? `${counted(count, "autre session fermée", "autres sessions fermées")}.` : "Aucune autre session n'était ouverte.",
  };
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
  if (result.kind === "refused") return { status: "error", fieldErrors: { [result.field]: result.message } };
  revalidatePath("/securite");
  const others = result.endedSessions ? ` ${counted(result.endedSessions, "autre session fermée", "autres sessions fermées")}.` : "";
  return { status: "success", message: `Mot de passe modifié. Un courriel vous le confirme.${others}` };
}
