"use server";

import { revalidatePath } from "next/cache";
import { requirePracticeAccess } from "@/lib/auth/guards";
import type { FormState } from "@/lib/forms/form-state";
import { onlineFileMessage } from "@/lib/patients/messages";
import { resolveOnlineFile } from "@/lib/patients/online-duplicates";

/** « C'est la même personne » / « Personnes différentes » on a file of « À vérifier ». */
export async function resolveOnlineFileAction(
  fileId: string,
  decision: "same" | "distinct",
  _previous: FormState,
  _formData: FormData,
): Promise<FormState> {
  const access = await requirePracticeAccess();
  const result = await resolveOnlineFile(access, String(fileId), decision);
  if (result.kind === "not-found" || result.kind === "already-linked") return { status: "error", formError: onlineFileMessage(result) };
  revalidatePath("/patients/a-verifier");
  revalidatePath("/patients");
  return { status: "success", message: onlineFileMessage(result) };
}
