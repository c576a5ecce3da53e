"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireSecretary } from "@/lib/auth/guards";
import { requestContext } from "@/lib/http/request-context";
import type { FormState } from "@/lib/forms/form-state";
import { startWorkingFor } from "@/lib/secretary/doctors";

const chooseDoctorSchema = z.object({ doctorId: z.uuid() });

/** The secretary starts working for one of her doctors, then lands on that doctor's dashboard. */
export async function chooseDoctorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const live = await requireSecretary();
  const parsed = chooseDoctorSchema.safeParse({ doctorId: formData.get("doctorId") });
  const refused: FormState = { status: "error", formError: "Ce médecin ne fait pas partie de vos cabinets." };
  if (!parsed.success) return refused;
  if (!(await startWorkingFor(live, parsed.data.doctorId, await requestContext()))) return refused;
  redirect("/dashboard");
}
