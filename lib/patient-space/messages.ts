import type { DeleteAccountResult } from "./delete-account";
import type { LeaveReviewResult, WaitlistResult } from "./reviews";

// What the patient space's results say to the patient (French).

export const NOT_YOURS = "Ce rendez-vous est introuvable dans votre espace.";

export function reviewMessage(result: LeaveReviewResult): string {
  switch (result.kind) {
    case "done":
      return "Merci : votre avis est publié.";
    case "not-found":
      return NOT_YOURS;
    case "not-finished":
      return "Vous pourrez laisser un avis une fois la consultation terminée.";
    case "already-reviewed":
      return "Vous avez déjà laissé un avis pour ce rendez-vous.";
  }
}

export function waitlistMessage(result: WaitlistResult): string {
  switch (result.kind) {
    case "done":
      return result.on
        ? "C'est noté : nous vous écrirons si un créneau plus tôt se libère."
        : "Vous ne serez plus prévenu des créneaux libérés plus tôt.";
    case "not-found":
      return NOT_YOURS;
    case "not-upcoming":
      return "Ce rendez-vous n'est plus à venir.";
  }
}

export function deleteAccountMessage(result: Exclude<DeleteAccountResult, { kind: "done" }>): string {
  switch (result.kind) {
    case "wrong-password":
      return "Mot de passe incorrect : votre compte n'a pas été supprimé.";
    case "throttled":
      return "Trop de tentatives. Réessayez dans quelques minutes.";
    case "not-patient":
      return "Seul un compte patient peut être supprimé depuis cette page.";
  }
}
