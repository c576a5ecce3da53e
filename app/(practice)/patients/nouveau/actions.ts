"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { patientRefusalState, PATIENT_DONE } from "@/lib/patients/messages";
import { createPatient, findPatient } from "@/lib/patients/patients";
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

/** The agenda's inline « Créer un dossier patient »: stays on the page and hands the new patient back. */
export async function createPatientInlineAction(_previous: FormState<SavedPatient>, formData: FormData): Promise<FormState<SavedPatient>> {
  const access = await requirePracticeAccess();
  const parsed = patientFormSchema.safeParse(patientFormEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await createPatient(access, parsed.data);
  if (result.kind !== "done") return patientRefusalState(result);
  const patient = await findPatient(access.doctor, result.patientId);
  revalidatePath("/patients");
  if (!patient) return { status: "error", formError: "Cette fiche patient est introuvable." };
  return {
    status: "success",
    message: PATIENT_DONE.created,
    data: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName, birthDate: patient.birthDate, matricule: patient.matricule },
  };
}
