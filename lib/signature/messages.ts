import type { FormState } from "@/lib/forms/form-state";
import type { DeleteSignatureResult } from "./signature";

// What the signature's results say on the profile page (French; docs/decisions/0020).

export function deleteSignatureAnswer(result: DeleteSignatureResult): FormState {
  switch (result.kind) {
    case "done":
      return { status: "success", message: "Signature supprimée." };
    case "none":
      return { status: "error", formError: "Aucune signature à supprimer." };
  }
}
