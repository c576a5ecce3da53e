"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { patientRefusalState } from "@/lib/patients/messages";
import { updatePatient } from "@/lib/patients/patients";
import { patientFormEntries, patientFormSchema, type SavedPatient } from "@/lib/patients/schema";

// Correcting a file. The patient id is bound by the page but comes back from the browser:
// lib/patients only ever looks it up together with the session's doctor.

export async function updatePatientAction(
  patientId: string,
  _previous: FormState<SavedPatient>,
  formData: FormData,
): Promise<FormState<SavedPatient>> {
  const access = await requirePracticeAccess();
  const parsed = patientFormSchema.safeParse(patientFormEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await updatePatient(access, String(patientId), parsed.data);
  if (result.kind !== "done") return patientRefusalState(result);
  revalidatePath("/patients");
  revalidatePath(`/patients/${result.patientId}`);
  redirect(`/patients/${result.patientId}?enregistre=modifie`);
}
