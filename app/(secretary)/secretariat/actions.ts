"use server";

import { redirect } from "next/navigation";
import { requireSecretary } from "@/lib/auth/guards";
import { requestContext } from "@/lib/http/request-context";
import type { FormState } from "@/lib/forms/form-state";
import { startWorkingFor } from "@/lib/secretary/doctors";
import { SECRETARY_MESSAGE, secretaryRefusalMessage } from "@/lib/secretary/messages";
import { doctorChoiceSchema } from "@/lib/secretary/schema";

/** The secretary starts working for one of her doctors, then lands on that doctor's dashboard. */
export async function chooseDoctorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const live = await requireSecretary();
  const parsed = doctorChoiceSchema.safeParse({ doctorId: formData.get("doctorId") });
  if (!parsed.success) return { status: "error", formError: SECRETARY_MESSAGE.notHerDoctor };
  const result = await startWorkingFor(live, parsed.data.doctorId, await requestContext());
  if (result.kind !== "working") return { status: "error", formError: secretaryRefusalMessage(result) };
  redirect("/dashboard");
}
