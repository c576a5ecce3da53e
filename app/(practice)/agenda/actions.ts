"use server";

import { revalidatePath } from "next/cache";
import type { AgendaFormState, BookingPatient } from "@/lib/agenda/action-state";
import type { AgendaAppointment } from "@/lib/agenda/appointment-view";
import {
  cancelAppointment,
  createAppointment,
  findAppointment,
  moveAppointment,
  resizeAppointment,
  setAppointmentStatus,
  updateAppointmentDetails,
} from "@/lib/agenda/appointments";
import { agendaRefusalMessage, DONE, OUTSIDE_HOURS, STATUS_UNKNOWN, TAKEN } from "@/lib/agenda/messages";
import {
  appointmentDetailsSchema,
  appointmentStatusSchema,
  cancelAppointmentSchema,
  createAppointmentSchema,
  moveAppointmentSchema,
  resizeAppointmentSchema,
} from "@/lib/agenda/schema";
import { requireAgendaAccess } from "@/lib/auth/guards";
import { FIX_FIELDS, invalid, type FormState } from "@/lib/forms/form-state";
import { cleanSearchText } from "@/lib/forms/search-text";
import { PATIENT_DONE, patientRefusalState } from "@/lib/patients/messages";
import { createPatient, findPatient, findPatientsForBooking } from "@/lib/patients/patients";
import { patientFormEntries, patientFormSchema, type SavedPatient } from "@/lib/patients/schema";

// The agenda's server actions. Each form posts plain field names (those of lib/agenda/schema.ts),
// plus `appointmentId` for an existing appointment and, in a secretary's side-by-side day view,
// `doctorId` for the column's doctor (requireAgendaAccess checks she works for that doctor; for
// anyone else another doctor's id is a 404). The doctor always comes from the guard.

function text(formData: FormData, name: string): string | null {
  const value = formData.get(name);
  return typeof value === "string" && value !== "" ? value : null;
}

/** The form's text fields (files are never expected here). */
function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !(key in out)) out[key] = value;
  return out;
}

/**
 * A refusal that comes from the agenda having changed under the form (« Ce créneau n'est plus
 * libre », an appointment gone): the answer carries the agenda redrawn. A change that went
 * through is answered with its result only: the agenda's live event (decision 0028) makes every
 * open agenda of that doctor, this tab's included, read itself again once — redrawing the week in
 * this answer too drew it twice per change (decision 0049).
 */
function refresh() {
  revalidatePath("/agenda");
  revalidatePath("/dashboard");
}

function refusedFields(error: Parameters<typeof invalid>[0]): AgendaFormState {
  const state = invalid<{ ask?: "occurrence" }>(error);
  const ambiguous = error.issues.some((i) => i.path[0] === "occurrence");
  return { ...state, formError: FIX_FIELDS, ...(ambiguous ? { data: { ask: "occurrence" } } : {}) };
}

/** « Nouveau rendez-vous ». */
export async function createAppointmentAction(_previous: AgendaFormState, formData: FormData): Promise<AgendaFormState> {
  const access = await requireAgendaAccess(text(formData, "doctorId"));
  const parsed = createAppointmentSchema.safeParse(fields(formData));
  if (!parsed.success) return refusedFields(parsed.error);
  const result = await createAppointment(access, parsed.data);
  switch (result.kind) {
    case "done":
      return {
        status: "success",
        message: result.outsideHours ? DONE.createdOutsideHours : DONE.created,
        data: { appointmentId: result.appointmentId },
      };
    case "taken":
      refresh();
      return { status: "error", formError: TAKEN, data: { ask: "overbook" } };
    case "outside-hours":
      return { status: "error", formError: OUTSIDE_HOURS, data: { ask: "outside-hours" } };
    default:
      return { status: "error", formError: agendaRefusalMessage(result) };
  }
}

/** Moves an appointment (form or drag), keeping its duration. */
export async function moveAppointmentAction(_previous: AgendaFormState, formData: FormData): Promise<AgendaFormState> {
  const access = await requireAgendaAccess(text(formData, "doctorId"));
  const parsed = moveAppointmentSchema.safeParse(fields(formData));
  if (!parsed.success) return refusedFields(parsed.error);
  const result = await moveAppointment(access, text(formData, "appointmentId") ?? "", parsed.data);
  return rescheduled(result, DONE.moved);
}

/** Changes an appointment's duration. */
export async function resizeAppointmentAction(_previous: AgendaFormState, formData: FormData): Promise<AgendaFormState> {
  const access = await requireAgendaAccess(text(formData, "doctorId"));
  const parsed = resizeAppointmentSchema.safeParse(fields(formData));
  if (!parsed.success) return refusedFields(parsed.error);
  const result = await resizeAppointment(access, text(formData, "appointmentId") ?? "", parsed.data);
  return rescheduled(result, DONE.resized);
}

function rescheduled(result: Awaited<ReturnType<typeof moveAppointment>>, done: string): AgendaFormState {
  switch (result.kind) {
    case "done":
      return { status: "success", message: result.outsideHours ? `${done} ${OUTSIDE_HOURS.split(".")[0]}.` : done };
    case "taken":
      refresh();
      return { status: "error", formError: TAKEN, data: { ask: "overbook" } };
    case "outside-hours":
      return { status: "error", formError: OUTSIDE_HOURS, data: { ask: "outside-hours" } };
    default:
      refresh();
      return { status: "error", formError: agendaRefusalMessage(result) };
  }
}

/** Cancels, saying who cancelled (`by`: patient | practice). */
export async function cancelAppointmentAction(_previous: AgendaFormState, formData: FormData): Promise<AgendaFormState> {
  const access = await requireAgendaAccess(text(formData, "doctorId"));
  const parsed = cancelAppointmentSchema.safeParse(fields(formData));
  if (!parsed.success) return { ...invalid(parsed.error), formError: FIX_FIELDS };
  const result = await cancelAppointment(access, text(formData, "appointmentId") ?? "", parsed.data.by);
  if (result.kind !== "done") {
    refresh();
    return { status: "error", formError: agendaRefusalMessage(result) };
  }
  return { status: "success", message: DONE.cancelled };
}

/** « Arrivé », « Terminé », « Absent non excusé », or back to « Prévu ». */
export async function setAppointmentStatusAction(_previous: AgendaFormState, formData: FormData): Promise<AgendaFormState> {
  const access = await requireAgendaAccess(text(formData, "doctorId"));
  const parsed = appointmentStatusSchema.safeParse(fields(formData));
  if (!parsed.success) return { status: "error", formError: STATUS_UNKNOWN };
  const result = await setAppointmentStatus(access, text(formData, "appointmentId") ?? "", parsed.data.status);
  if (result.kind !== "done") {
    refresh();
    return { status: "error", formError: agendaRefusalMessage(result) };
  }
  return { status: "success", message: DONE.status(parsed.data.status) };
}

/** The motif and the note. */
export async function updateAppointmentDetailsAction(_previous: AgendaFormState, formData: FormData): Promise<AgendaFormState> {
  const access = await requireAgendaAccess(text(formData, "doctorId"));
  const parsed = appointmentDetailsSchema.safeParse(fields(formData));
  if (!parsed.success) return { ...invalid(parsed.error), formError: FIX_FIELDS };
  const result = await updateAppointmentDetails(access, text(formData, "appointmentId") ?? "", parsed.data);
  if (result.kind !== "done") return { status: "error", formError: agendaRefusalMessage(result) };
  return { status: "success", message: DONE.details };
}

/**
 * One appointment whole (authors, note, patient, motif), for its details dialog: the grid holds
 * only what it draws. Null when it is not the doctor's (or no longer exists).
 */
export async function readAppointmentAction(doctorId: string | null, appointmentId: string): Promise<AgendaAppointment | null> {
  const access = await requireAgendaAccess(doctorId);
  return findAppointment(access, typeof appointmentId === "string" ? appointmentId : "");
}

/** The booking dialog's patient search, as the person types (name, matricule or birth date). */
export async function searchBookingPatientsAction(doctorId: string | null, query: string): Promise<BookingPatient[]> {
  const access = await requireAgendaAccess(doctorId);
  const cleaned = cleanSearchText(query, 100);
  if (cleaned.length < 2) return [];
  const found = await findPatientsForBooking(access.doctor, cleaned, { limit: 8 });
  return found.map((p) => ({
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    matricule: p.matricule,
    archived: p.archived,
  }));
}

/**
 * « Créer un dossier patient » from the booking dialog (the patient form, inline): the new file is
 * picked for the appointment. The column's doctor (side-by-side view) owns the file.
 */
export async function createBookingPatientAction(_previous: FormState<SavedPatient>, formData: FormData): Promise<FormState<SavedPatient>> {
  const access = await requireAgendaAccess(text(formData, "doctorId"));
  const parsed = patientFormSchema.safeParse(patientFormEntries(formData));
  if (!parsed.success) return { ...invalid(parsed.error), formError: FIX_FIELDS };
  const result = await createPatient(access, parsed.data);
  if (result.kind !== "done") return patientRefusalState(result);
  const patient = await findPatient(access.doctor, result.patientId);
  // Answered without revalidating: the dialog picks the new file from this answer, and any path
  // revalidated would make Next render the whole agenda week into it (decision 0049). The patient
  // list and the dashboard are dynamic pages, read afresh on the next visit; the booking that
  // follows refreshes the tab on its live event, which empties the router's cache.
  if (!patient) return patientRefusalState({ kind: "not-found" });
  return {
    status: "success",
    message: PATIENT_DONE.created,
    data: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName, birthDate: patient.birthDate, matricule: patient.matricule },
  };
}
