import { FIX_FIELDS } from "@/lib/forms/form-state";
import { formatDateTime } from "@/lib/format/datetime";
import type { CheckBookableResult } from "./availability";
import type { PatientCancelResult } from "./patient-cancel";

// What online booking's results say to the patient (French); the domain returns kinds (decision 0020).

export function patientCancelMessage(result: PatientCancelResult): string {
  switch (result.kind) {
    case "cancelled":
      return "Votre rendez-vous est annulé.";
    case "not-found":
      return "Ce rendez-vous est introuvable.";
    case "link-used":
      return "Ce lien d'annulation a déjà servi.";
    case "link-expired":
      return "Ce lien d'annulation a expiré : le délai d'annulation en ligne est passé. Appelez le cabinet.";
    case "too-late":
      return `Le délai d'annulation en ligne est passé (${formatDateTime(result.deadline)}). Appelez le cabinet.`;
    case "not-cancellable":
      return "Ce rendez-vous ne peut plus être annulé.";
  }
}

export const SETTINGS_INVALID = FIX_FIELDS;
export const SETTINGS_SAVED = {
  on: "Réservation en ligne enregistrée : votre page publique est ouverte.",
  off: "Réglages enregistrés : la réservation en ligne est désactivée.",
} as const;
export const MOTIF_UNKNOWN = "Un des motifs n'existe plus : rechargez la page. Rien n'a été enregistré.";

/** Why a time cannot be booked online (the booking flow and the patient's move use these). */
export const BOOKABLE_REFUSAL: Record<Exclude<CheckBookableResult["kind"], "ok">, string> = {
  booking_off: "Ce médecin ne prend pas de rendez-vous en ligne pour le moment. Contactez le cabinet par téléphone.",
  motif_not_online: "Ce motif ne se réserve pas en ligne. Choisissez un autre motif ou contactez le cabinet.",
  new_patients_not_accepted: "Ce motif est réservé aux patients déjà suivis par ce médecin. Choisissez un autre motif ou contactez le cabinet.",
  past: "Ce créneau est déjà passé. Choisissez un autre créneau.",
  too_soon: "Ce créneau est trop proche : le cabinet demande un délai minimum. Choisissez un créneau plus tard.",
  beyond_horizon: "Ce créneau est trop loin : les réservations en ligne ne sont pas encore ouvertes à cette date.",
  not_offered: "Ce créneau n'est pas disponible. Choisissez un des créneaux proposés.",
};

/** « 2 h », « 30 min », « 1 jour » for a notice in minutes. */
export function noticeLabel(minutes: number): string {
  if (minutes === 0) return "aucun";
  if (minutes < 60) return `${minutes} min`;
  if (minutes % 1440 === 0) return minutes === 1440 ? "1 jour" : `${minutes / 1440} jours`;
  return `${minutes / 60} h`;
}

/** « 24 h avant », « aucune limite » for a cancellation deadline in hours. */
export function cancellationLabel(hours: number): string {
  return hours === 0 ? "jusqu'à l'heure du rendez-vous" : `jusqu'à ${hours} h avant`;
}

/** Why /rdv/annuler/<token> offers no cancellation (lib/booking/cancel-link-view.ts). */
export function cancelLinkRefusalMessage(kind: "used" | "expired" | "unknown" | "not-cancellable"): string {
  switch (kind) {
    case "used":
      return "Ce lien d'annulation a déjà servi : le rendez-vous a été annulé.";
    case "expired":
      return "Ce lien d'annulation a expiré : le délai d'annulation en ligne est passé. Appelez le cabinet.";
    case "unknown":
      return "Ce lien d'annulation n'est pas valable. Vérifiez qu'il est complet, tel qu'il figure dans le courriel de confirmation.";
    case "not-cancellable":
      return "Ce rendez-vous ne peut plus être annulé en ligne : il a déjà été annulé ou a eu lieu.";
  }
}
