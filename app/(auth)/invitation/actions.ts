"use server";

import { redirect } from "next/navigation";
import { acceptInvitation } from "@/lib/auth/invitation";
import { newPasswordRefusal } from "@/lib/auth/password-reset-messages";
import { newPasswordSchema } from "@/lib/auth/password-reset-schema";
import { SIGN_IN_PATH } from "@/lib/auth/roles";
import { invalid, type FormState } from "@/lib/forms/form-state";

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = newPasswordSchema.safeParse({
    token: formData.get("token"),
    password: formData.get("password"),
    confirmation: formData.get("confirmation"),
  });
  if (!parsed.success) return invalid(parsed.error, ["token"]);
  const result = await acceptInvitation(parsed.data.token, parsed.data.password);
  if (result.kind !== "done") return newPasswordRefusal(result, "invitation");
  redirect(`${SIGN_IN_PATH[result.role]}?bienvenue=1`);
}
