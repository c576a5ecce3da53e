import type { FormState } from "@/lib/forms/form-state";
import type { DeleteSignatureResult } from "./signature";

// What the signature's results say on the profile page (French; docs/decisions/0020).

/** GET of the signature when the doctor has none. */
export const NO_SIGNATURE = "Aucune signature.";
/** An upload sent by another site's page (its browser says so). */
export const UPLOAD_FROM_ELSEWHERE = "Requête refusée.";

/** A saved upload; an opaque background hides what lies under it on the documents. */
export function savedSignatureMessage(opaque: boolean): string {
  return opaque
    ? "Signature enregistrée. Attention : son fond est opaque (sans transparence) et masquera ce qui se trouve dessous sur vos documents ; un PNG à fond transparent rend mieux."
    : "Signature enregistrée.";
}

export function deleteSignatureAnswer(result: DeleteSignatureResult): FormState {
  switch (result.kind) {
    case "done":
      return { status: "success", message: "Signature supprimée." };
    case "none":
      return { status: "error", formError: "Aucune signature à supprimer." };
  }
}
