"use server";

import { requestPasswordReset } from "@/lib/auth/password-reset";
import { resetRequestAnswer } from "@/lib/auth/password-reset-messages";
import { resetRequestSchema } from "@/lib/auth/password-reset-schema";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";

/** Always the same answer for a well-formed address, whether it has an account or not. */
export async function requestResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetRequestSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return invalid(parsed.error);
  return resetRequestAnswer(await requestPasswordReset(parsed.data.email, await requestContext()));
}
