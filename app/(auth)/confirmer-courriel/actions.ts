"use server";

import { z } from "zod";
import type { FormState } from "@/lib/forms/form-state";
import { confirmEmailChange } from "@/lib/profile/email-change";

// Reached from the link sent to the new address: the token is the proof, like a reset link.
export async function confirmEmailChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = z.string().max(200).safeParse(formData.get("token"));
  const result = token.success ? await confirmEmailChange(token.data) : ({ kind: "invalid-link" } as const);
  switch (result.kind) {
    case "done":
      return { status: "success", message: `C'est fait : votre compte utilise désormais l'adresse ${result.newEmail}. Connectez-vous avec elle.` };
    case "taken":
      return { status: "error", formError: "Cette adresse est entre-temps devenue celle d'un autre compte : votre adresse n'a pas changé." };
    case "invalid-link":
      return { status: "error", formError: "Ce lien n'est plus valable : il a déjà servi, a expiré (24 heures) ou est incomplet." };
  }
}
