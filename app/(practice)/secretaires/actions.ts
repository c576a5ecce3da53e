"use server";

import { revalidatePath } from "next/cache";
import { requireDoctor } from "@/lib/auth/guards";
import type { FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { detachFromDoctor } from "@/lib/secretary/doctors";
import { SECRETARY_MESSAGE, secretaryRefusalMessage } from "@/lib/secretary/messages";
import { secretaryChoiceSchema } from "@/lib/secretary/schema";

/** The doctor detaches a secretary from their practice; her sessions for this doctor end at once. */
export async function detachSecretaryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = secretaryChoiceSchema.safeParse({ secretaryId: formData.get("secretaryId") });
  if (!parsed.success) return { status: "error", formError: SECRETARY_MESSAGE.notAttached };
  const result = await detachFromDoctor(doctor, parsed.data.secretaryId, await requestContext());
  if (result.kind !== "detached") return { status: "error", formError: secretaryRefusalMessage(result) };
  revalidatePath("/secretaires");
  revalidatePath("/profile");
  return { status: "success", message: SECRETARY_MESSAGE.detached };
}
