"use server";

import { redirect } from "next/navigation";
import { requirePatient } from "@/lib/auth/guards";
import { signOut } from "@/lib/auth/next-auth";
import { SIGN_IN_PATH } from "@/lib/auth/roles";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { deletePatientAccount } from "@/lib/patient-space/delete-account";
import { deleteAccountMessage } from "@/lib/patient-space/messages";
import { deleteAccountSchema } from "@/lib/patient-space/schema";

/** « Supprimer mon compte »: the password again, then the account goes and the cookie with it. */
export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requirePatient();
  const parsed = deleteAccountSchema.safeParse({ password: formData.get("password") ?? "" });
  if (!parsed.success) return invalid(parsed.error);
  const result = await deletePatientAccount(user, parsed.data.password, await requestContext());
  if (result.kind !== "done") return { status: "error", fieldErrors: { password: deleteAccountMessage(result) } };
  // The sessions went with the account; the cookie that named one goes too.
  await signOut({ redirect: false });
  redirect(`${SIGN_IN_PATH.patient}?compte=supprime`);
}
