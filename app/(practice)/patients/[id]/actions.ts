"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { issueDocument } from "@/lib/documents/documents";
import { issueRefusalMessage, UNKNOWN_KIND } from "@/lib/documents/messages";
import { DOCUMENT_KINDS, formInput, type DocumentKind } from "@/lib/documents/schema";
import type { FormState } from "@/lib/forms/form-state";
import { PATIENT_DONE, patientRefusalMessage } from "@/lib/patients/messages";
import { archivePatient, restorePatient } from "@/lib/patients/patients";

// Issuing a document from the patient page. The patient id and the kind are bound by the page but
// come back from the browser: lib/documents checks the patient is this doctor's, and that the
// person (doctor or secretary) may issue this kind, before reading anything else.

/** On success, back to the patient page, which then shows the new document with its PDF links. */
export async function issueDocumentAction(patientId: string, kind: DocumentKind, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  if (!DOCUMENT_KINDS.includes(kind)) return { status: "error", formError: UNKNOWN_KIND };
  const outcome = await issueDocument(access, String(patientId), kind, formInput(kind, formData));
  if (outcome.kind !== "issued") {
    const fieldErrors = outcome.kind === "invalid" ? outcome.fieldErrors : undefined;
    return { status: "error", fieldErrors, formError: issueRefusalMessage(outcome) };
  }
  revalidatePath(`/patients/${outcome.document.patientId}`);
  redirect(`/patients/${outcome.document.patientId}?document=${outcome.document.id}`);
}

/** « Archiver » / « Restaurer » the file (kept either way; archived, it leaves the searches). */
export async function setArchivedAction(patientId: string, archived: boolean, _previous: FormState, _formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const result = archived ? await archivePatient(access, String(patientId)) : await restorePatient(access, String(patientId));
  if (result.kind !== "done") return { status: "error", formError: patientRefusalMessage(result) };
  revalidatePath("/patients");
  revalidatePath(`/patients/${patientId}`);
  return { status: "success", message: archived ? PATIENT_DONE.archived : PATIENT_DONE.restored };
}
