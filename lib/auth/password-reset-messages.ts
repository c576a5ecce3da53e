import type { FormState } from "@/lib/forms/form-state";
import type { ResetRequestResult, ResetResult } from "./password-reset";

// What « Mot de passe oublié ? » answers. The same sentences whether the address has an account
// or not: each limit counts addresses without one too.

export function resetRequestAnswer(result: ResetRequestResult): FormState {
  switch (result.kind) {
    case "done":
      return {
        status: "success",
        message:
          "Si un compte Doctipro correspond à cette adresse, un courriel contenant un lien de réinitialisation vient d'être envoyé. Le lien est valable une heure.",
      };
    case "too-many-requests":
      return { status: "error", formError: "Trop de demandes de réinitialisation. Réessayez dans une heure." };
    case "daily-limit":
      return {
        status: "error",
        formError:
          "Trop de demandes de réinitialisation pour cette adresse aujourd'hui. Réessayez demain, ou écrivez au support si vous ne pouvez pas attendre.",
      };
  }
}

const LINK_REFUSED = {
  reset: "Ce lien de réinitialisation n'est plus valable. Demandez-en un nouveau.",
  invitation: "Cette invitation n'est plus valable. Demandez-en une nouvelle au support.",
} as const;

/** A new password refused, on the reset link's page or the invitation's (both answer a ResetResult's refusals). */
export function newPasswordRefusal(result: Exclude<ResetResult, { kind: "done" }>, link: keyof typeof LINK_REFUSED): FormState {
  switch (result.kind) {
    case "invalid-link":
      return { status: "error", formError: LINK_REFUSED[link] };
    case "weak":
      return { status: "error", fieldErrors: { password: result.message } };
  }
}
