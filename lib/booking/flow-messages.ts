import type { FormState } from "@/lib/forms/form-state";
import { formatDateTime } from "@/lib/format/datetime";
import { PATIENT_PROBLEM_MESSAGE } from "@/lib/patients/schema";
import type { BookingRefusal } from "./book";
import type { CreateAccountResult, SignUpCodeCheck, SignUpCodeRequest } from "./sign-up";

// What the booking flow says (French): the account step and the booking's refusals.

export const TAKEN = "Ce créneau vient d'être réservé.";

export function signUpRequestMessage(result: Exclude<SignUpCodeRequest, { kind: "sent" }>): string {
  return result.kind === "daily-limit"
    ? "Trop de codes envoyés à cette adresse aujourd'hui. Réessayez demain, ou connectez-vous si vous avez déjà un compte."
    : "Trop de demandes de code. Patientez une heure avant de réessayer.";
}

export const CODE_SENT = (email: string) =>
  `Si l'adresse ${email} est valide, un code à 6 chiffres vient d'y être envoyé. Il est valable 10 minutes : gardez cette page ouverte.`;

export function signUpCheckMessage(result: Exclude<SignUpCodeCheck, { kind: "verified" }>): string {
  switch (result.kind) {
    case "wrong-code":
      return `Code incorrect. Encore ${result.remaining} essai${result.remaining > 1 ? "s" : ""} pour ce code.`;
    case "expired":
      return "Ce code n'est plus valable (expiré, déjà utilisé ou trop d'essais). Demandez-en un nouveau.";
    case "too-many-attempts":
      return "Trop de codes essayés depuis votre connexion. Patientez une heure avant de réessayer.";
  }
}

export function createAccountMessage(result: Exclude<CreateAccountResult, { kind: "signed-in" }>): string {
  return result.kind === "weak-password" ? result.message : "Cette adresse a déjà un compte : saisissez son mot de passe pour continuer.";
}

/** The second factor's pending sign-in is gone: inside the flow, the page asks for the password again. */
export const SIGN_IN_STEP_EXPIRED_IN_FLOW =
  "Votre demande de connexion a expiré ou a déjà servi. Rechargez la page et saisissez à nouveau votre mot de passe.";

/** The doctor, motif or time the page bound came back changed or malformed. */
export const STALE_BOOKING_LINK = "Ce lien de réservation n'est pas valide. Choisissez un horaire sur la page du médecin.";

export const PROOF_EXPIRED = "Votre adresse n'est plus vérifiée (30 minutes écoulées). Recommencez avec votre courriel.";

/** A refused booking, as the confirmation form shows it; a time just taken offers the next ones. */
export function bookingRefusal(result: BookingRefusal, bookingHref: (startsAt: Date) => string): FormState {
  switch (result.kind) {
    case "taken":
      return {
        status: "error",
        formError:
          result.nextTimes.length > 0
            ? `${TAKEN} Prochains créneaux disponibles :`
            : `${TAKEN} Aucun autre créneau n'est libre pour ce motif dans les semaines ouvertes à la réservation.`,
        links: result.nextTimes.map((at) => ({ href: bookingHref(at), label: formatDateTime(at) })),
      };
    case "booking_off":
      return { status: "error", formError: "Ce médecin ne prend pas de rendez-vous en ligne pour l'instant. Appelez le cabinet." };
    case "motif_not_online":
      return { status: "error", formError: "Ce motif ne peut pas être réservé en ligne. Choisissez-en un autre sur la page du médecin." };
    case "new_patients_not_accepted":
      return {
        status: "error",
        formError: "Ce motif est réservé aux patients déjà suivis par le cabinet. Choisissez un autre motif ou appelez le cabinet.",
      };
    case "past":
      return { status: "error", formError: "Cet horaire est déjà passé. Choisissez un autre créneau." };
    case "too_soon":
      return { status: "error", formError: "Cet horaire est trop proche : le cabinet demande un délai minimum. Choisissez un créneau plus tard." };
    case "beyond_horizon":
      return { status: "error", formError: "Cet horaire est trop lointain : le cabinet n'ouvre pas encore ses rendez-vous à cette date." };
    case "not_offered":
      return { status: "error", formError: "Cet horaire n'est pas proposé pour ce motif. Choisissez un créneau sur la page du médecin." };
    case "too-many-appointments":
      return {
        status: "error",
        formError: "Cette personne a déjà 2 rendez-vous à venir pris en ligne chez ce médecin : annulez-en un ou appelez le cabinet.",
      };
    case "person-not-found":
      return { status: "error", formError: "Cette personne est introuvable parmi vos proches. Rechargez la page." };
    case "file-needed":
      return { status: "error", formError: "Indiquez votre date de naissance et votre matricule pour votre première réservation chez ce médecin." };
    case "invalid-file":
      return { status: "error", formError: PATIENT_PROBLEM_MESSAGE[result.problem] };
    case "rate-limited":
      return { status: "error", formError: "Trop de réservations essayées en peu de temps. Patientez une heure avant de réessayer." };
  }
}
