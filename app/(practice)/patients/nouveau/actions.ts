"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { patientRefusalState } from "@/lib/patients/messages";
import { createPatient } from "@/lib/patients/patients";
import { patientFormEntries, patientFormSchema, type SavedPatient } from "@/lib/patients/schema";

// A new patient file, for the doctor or a secretary working for them. The doctor is the
// session's; who created the file is recorded by lib/patients.

/** « Nouveau patient »: on success, to the new file. */
export async function createPatientAction(_previous: FormState<SavedPatient>, formData: FormData): Promise<FormState<SavedPatient>> {
  const access = await requirePracticeAccess();
  const parsed = patientFormSchema.safeParse(patientFormEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await createPatient(access, parsed.data);
  if (result.kind !== "done") return patientRefusalState(result);
  revalidatePath("/patients");
  redirect(`/patients/${result.patientId}?enregistre=cree`);
}
