import type { EmailChangeResult } from "./email-change";

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
