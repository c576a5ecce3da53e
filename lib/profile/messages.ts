import type { FormState } from "@/lib/forms/form-state";
import type { EmailChangeRequest, EmailChangeResult } from "./email-change";

// What the profile's results say (French).

/** The answer of the page reached from the link sent to the new address. */
export function emailChangeAnswer(result: EmailChangeResult): { ok: boolean; text: string } {
  switch (result.kind) {
    case "done":
      return { ok: true, text: `C'est fait : votre compte utilise désormais l'adresse ${result.newEmail}. Connectez-vous avec elle.` };
    case "taken":
      return { ok: false, text: "Cette adresse est entre-temps devenue celle d'un autre compte : votre adresse n'a pas changé." };
    case "invalid-link":
      return { ok: false, text: "Ce lien n'est plus valable : il a déjà servi, a expiré (24 heures) ou est incomplet." };
  }
}

/** « Changer de courriel »: the link is sent to the new address, or why not. */
export function emailChangeRequestAnswer(result: EmailChangeRequest): FormState {
  switch (result.kind) {
    case "sent":
      return {
        status: "success",
        message: `Un lien de confirmation a été envoyé à ${result.newEmail}. Votre adresse actuelle reste celle du compte jusqu'à ce que vous le suiviez.`,
      };
    case "same":
      return { status: "error", fieldErrors: { newEmail: "C'est déjà l'adresse de votre compte." } };
    case "taken":
      return { status: "error", fieldErrors: { newEmail: "Cette adresse est déjà celle d'un autre compte Doctipro." } };
    case "too-many":
      return { status: "error", formError: "Trop de demandes de changement d'adresse. Réessayez dans une heure." };
  }
}

/** What each of the profile's cards says once saved; a setting emptied says it is removed. */
export const PROFILE_SAVED = {
  details: "Coordonnées enregistrées.",
  bank: (kept: boolean) => (kept ? "Coordonnées bancaires enregistrées." : "Coordonnées bancaires supprimées."),
  payconiq: (kept: boolean) => (kept ? "ID Marchand Payconiq enregistré." : "ID Marchand Payconiq supprimé."),
  shownOnDocuments: (what: "stamp" | "signature", show: boolean) =>
    `${what === "stamp" ? "Le cachet" : "La signature"} ${show ? "figurera" : "ne figurera plus"} sur vos documents.`,
} as const;
