import type { PatientRescheduleResult } from "@/lib/booking/patient-reschedule";
import { formatDateTime } from "@/lib/format/datetime";
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

/** « Déplacer » posted without one of the free times offered (a stale or forged form). */
export const PICK_OFFERED_TIME = "Choisissez un créneau parmi ceux proposés.";
export const SLOT_JUST_TAKEN = "Ce créneau vient d'être réservé : choisissez-en un autre.";

export function rescheduleMessage(result: PatientRescheduleResult): string {
  switch (result.kind) {
    case "moved":
      return `Votre rendez-vous est déplacé au ${formatDateTime(result.startsAt)}.`;
    case "not-found":
      return NOT_YOURS;
    case "not-movable":
      return "Ce rendez-vous ne peut plus être déplacé.";
    case "too-late":
      return `Le délai pour déplacer ce rendez-vous en ligne est passé (${formatDateTime(result.deadline)}). Appelez le cabinet.`;
    case "same-time":
      return "C'est déjà l'heure de votre rendez-vous : choisissez un autre créneau.";
    case "taken":
      return SLOT_JUST_TAKEN;
    case "not-bookable":
      switch (result.reason) {
        case "booking_off":
        case "motif_not_online":
        case "new_patients_not_accepted":
          return "Ce rendez-vous ne peut pas être déplacé en ligne. Appelez le cabinet.";
        case "past":
        case "too_soon":
          return "Ce créneau est trop proche ou déjà passé : choisissez-en un plus tard.";
        case "beyond_horizon":
          return "Ce créneau est trop loin dans le temps : choisissez-en un plus proche.";
        case "not_offered":
          return "Ce créneau n'est pas proposé ou vient d'être réservé : choisissez-en un autre parmi les créneaux libres.";
      }
  }
}
