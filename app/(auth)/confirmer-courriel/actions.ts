"use server";

import type { FormState } from "@/lib/forms/form-state";
import { confirmEmailChange } from "@/lib/profile/email-change";
import { emailChangeAnswer } from "@/lib/profile/messages";
import { emailChangeTokenSchema } from "@/lib/profile/schema";

// Reached from the link sent to the new address: the token is the proof, like a reset link.
export async function confirmEmailChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = emailChangeTokenSchema.safeParse(formData.get("token"));
  const result = token.success ? await confirmEmailChange(token.data) : ({ kind: "invalid-link" } as const);
  const { ok, text } = emailChangeAnswer(result);
  return ok ? { status: "success", message: text } : { status: "error", formError: text };
}
