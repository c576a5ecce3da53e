import { counted } from "@/lib/format/count";
import type { FormState } from "@/lib/forms/form-state";
import type { ActivationResult } from "@/lib/twofactor/enrolment";
import { ENROLMENT_CODE_REFUSED } from "@/lib/twofactor/messages";
import type { ChangePasswordResult } from "./change-password";
import type { PasswordCheck } from "./reauthenticate";
import type { RevokeOwnSessionResult } from "./sessions";

// What the security page's results say (French): the password asked again before a sensitive
// setting, the password change, the second factor turned on, the sessions ended
// (docs/decisions/0020).

type Refused<T extends { kind: string }> = Exclude<T, { kind: "ok" | "done" }>;

const PASSWORD_CHECK_REFUSED: Record<Refused<PasswordCheck>["kind"], string> = {
  "wrong-password": "Mot de passe incorrect.",
  throttled: "Trop de tentatives. Réessayez dans quelques minutes.",
};

/** The password asked again was refused: said under the field that asked it. */
export function passwordCheckRefused<Data = undefined>(check: Refused<PasswordCheck>, field = "password"): FormState<Data> {
  return { status: "error", fieldErrors: { [field]: PASSWORD_CHECK_REFUSED[check.kind] } };
}

/** « 2 autres sessions fermées. », after a sentence; nothing when none was open. */
function otherSessionsEnded(count: number): string {
  return count ? ` ${counted(count, "autre session fermée", "autres sessions fermées")}.` : "";
}

export function changePasswordAnswer(result: ChangePasswordResult): FormState {
  switch (result.kind) {
    case "done":
      return { status: "success", message: `Mot de passe modifié. Un courriel vous le confirme.${otherSessionsEnded(result.endedSessions)}` };
    case "wrong-password":
    case "throttled":
      return passwordCheckRefused(result, "current");
    case "same-password":
      return { status: "error", fieldErrors: { password: "Le nouveau mot de passe doit être différent de l'actuel." } };
    case "weak-password":
      return { status: "error", fieldErrors: { password: result.message } };
  }
}

/** « Activer »: the recovery codes are shown once, with the sessions the activation ended. */
export function activationAnswer(result: ActivationResult): FormState<{ recoveryCodes: string[] }> {
  switch (result.kind) {
    case "done":
      return {
        status: "success",
        message: `La double authentification est activée.${otherSessionsEnded(result.endedSessions)}`,
        data: { recoveryCodes: result.recoveryCodes },
      };
    case "wrong-code":
      return { status: "error", fieldErrors: { code: ENROLMENT_CODE_REFUSED } };
  }
}

export function revokeSessionAnswer(result: RevokeOwnSessionResult): FormState {
  switch (result.kind) {
    case "done":
      return { status: "success", message: "Session fermée." };
    case "not-found":
      return { status: "error", formError: "Cette session n'existe pas ou est déjà fermée." };
  }
}

/** « Déconnecter les autres sessions »: how many it ended. */
export function revokeOthersAnswer(ended: number): FormState {
  return { status: "success", message: ended ? otherSessionsEnded(ended).trim() : "Aucune autre session n'était ouverte." };
}
