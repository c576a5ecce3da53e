"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireDoctor } from "@/lib/auth/guards";
import type { FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { detachFromDoctor } from "@/lib/secretary/doctors";

/** The doctor detaches a secretary from their practice; her sessions for this doctor end at once. */
export async function detachSecretaryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = z.object({ secretaryId: z.uuid() }).safeParse({ secretaryId: formData.get("secretaryId") });
  if (!parsed.success || !(await detachFromDoctor(doctor, parsed.data.secretaryId, await requestContext()))) {
    return { status: "error", formError: "Cette personne n'est pas rattachée à votre cabinet." };
  }
  revalidatePath("/secretaires");
  revalidatePath("/profile");
  return { status: "success", message: "Secrétaire détachée ; ses sessions pour votre cabinet sont fermées." };
}
