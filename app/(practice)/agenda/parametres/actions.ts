"use server";

import { revalidatePath } from "next/cache";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { createAbsence, deleteAbsence } from "@/lib/agenda/absences";
import { setHolidayOpen } from "@/lib/agenda/holiday-openings";
import { ABSENCE_GONE, agendaRefusalMessage, DONE, FIX_HOURS, MOTIF_NOT_FOUND, ROWS_INCOMPLETE } from "@/lib/agenda/messages";
import { replaceOpeningHours } from "@/lib/agenda/opening-hours";
import { absenceSchema, holidayOpeningSchema, HOURS_PROBLEM_MESSAGE, openingHoursSchema, visitReasonSchema } from "@/lib/agenda/schema";
import { createVisitReason, deleteVisitReason, reorderVisitReasons, setVisitReasonActive, updateVisitReason } from "@/lib/agenda/visit-reasons";
import { MOTIF_UNKNOWN, SETTINGS_INVALID, SETTINGS_SAVED } from "@/lib/booking/messages";
import { onlineBookingSettingsSchema } from "@/lib/booking/schema";
import { saveOnlineBookingSettings } from "@/lib/booking/settings";
import { FIX_FIELDS, invalid, type FormState } from "@/lib/forms/form-state";

// « Paramètres de l'agenda »: the doctor, or a secretary for the doctor she works for (the
// session's, never the form's). Ids bound by the page come back from the browser: lib/agenda only
// ever touches them together with that doctor's id, so another doctor's are « not found ».

type AbsenceSaved = { appointmentsDuring: number };

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
const texts = (formData: FormData, name: string) => formData.getAll(name).map((v) => (typeof v === "string" ? v : ""));

function done(message: string): FormState {
  revalidatePath("/agenda/parametres");
  revalidatePath("/agenda");
  return { status: "success", message };
}

/** The whole week at once; each bad row gets its message under « intervals.<index>.<start|end> ». */
export async function saveOpeningHoursAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const [weekdays, starts, ends] = [texts(formData, "weekday"), texts(formData, "start"), texts(formData, "end")];
  if (weekdays.length !== starts.length || weekdays.length !== ends.length) return { status: "error", formError: ROWS_INCOMPLETE.hours };
  const parsed = openingHoursSchema.safeParse({ intervals: weekdays.map((weekday, i) => ({ weekday, start: starts[i]!, end: ends[i]! })) });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.slice(0, 3).join(".")] ??= issue.message;
    return { status: "error", formError: FIX_HOURS, fieldErrors };
  }
  const result = await replaceOpeningHours(access, parsed.data);
  if (result.kind !== "done") {
    const fieldErrors = Object.fromEntries(result.problems.map((p) => [`intervals.${p.index}.start`, HOURS_PROBLEM_MESSAGE[p.problem]]));
    return { status: "error", formError: agendaRefusalMessage(result), fieldErrors };
  }
  return done(DONE.hours);
}

/** An absence; `data.appointmentsDuring` says how many appointments are still booked during it. */
export async function createAbsenceAction(_previous: FormState<AbsenceSaved>, formData: FormData): Promise<FormState<AbsenceSaved>> {
  const access = await requirePracticeAccess();
  const parsed = absenceSchema.safeParse({
    startDay: text(formData, "startDay"),
    startTime: text(formData, "startTime"),
    endDay: text(formData, "endDay"),
    endTime: text(formData, "endTime"),
    label: text(formData, "label"),
  });
  if (!parsed.success) return { ...invalid<AbsenceSaved>(parsed.error), formError: FIX_FIELDS };
  const result = await createAbsence(access, parsed.data);
  if (result.kind !== "done") return { status: "error", formError: agendaRefusalMessage(result) };
  return { ...done(DONE.absenceCreated(result.appointmentsDuring)), status: "success", data: { appointmentsDuring: result.appointmentsDuring } };
}

export async function deleteAbsenceAction(absenceId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const result = await deleteAbsence(access, String(absenceId));
  if (result.kind !== "done") return { status: "error", formError: ABSENCE_GONE };
  return done(DONE.absenceDeleted);
}

export async function setHolidayOpenAction(day: string, open: boolean, _previous: FormState, _formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const parsed = holidayOpeningSchema.safeParse({ day: String(day), open: open === true });
  if (!parsed.success) return { status: "error", formError: agendaRefusalMessage({ kind: "not-a-holiday" }) };
  const result = await setHolidayOpen(access, parsed.data.day, parsed.data.open);
  if (result.kind !== "done") return { status: "error", formError: agendaRefusalMessage(result) };
  return done(parsed.data.open ? DONE.holidayOpened(parsed.data.day) : DONE.holidayClosed(parsed.data.day));
}

/** Creates a motif (`motifId` null) or changes one. */
export async function saveMotifAction(motifId: string | null, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const parsed = visitReasonSchema.safeParse({
    label: text(formData, "label"),
    durationMinutes: text(formData, "durationMinutes"),
    colour: text(formData, "colour"),
    active: text(formData, "active"),
  });
  if (!parsed.success) return { ...invalid(parsed.error), formError: FIX_FIELDS };
  const result = motifId === null ? await createVisitReason(access, parsed.data) : await updateVisitReason(access, String(motifId), parsed.data);
  if (result.kind === "duplicate-label")
    return { status: "error", fieldErrors: { label: agendaRefusalMessage(result) }, formError: agendaRefusalMessage(result) };
  if (result.kind === "not-found") return { status: "error", formError: MOTIF_NOT_FOUND };
  if (result.kind !== "done") return { status: "error", formError: agendaRefusalMessage(result) };
  return done(DONE.motifSaved);
}

/** The motifs in a new order: every id of the doctor's motifs once (« ids », comma-separated). */
export async function reorderMotifsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const ids = text(formData, "ids").split(",").filter(Boolean).slice(0, 500);
  const result = await reorderVisitReasons(access, ids);
  if (result.kind !== "done") return { status: "error", formError: agendaRefusalMessage(result) };
  return done(DONE.motifsReordered);
}

export async function setMotifActiveAction(motifId: string, active: boolean, _previous: FormState, _formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const result = await setVisitReasonActive(access, String(motifId), active === true);
  if (result.kind !== "done") return { status: "error", formError: MOTIF_NOT_FOUND };
  return done(DONE.motifActive(active));
}

export async function deleteMotifAction(motifId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const result = await deleteVisitReason(access, String(motifId));
  if (result.kind === "not-found") return { status: "error", formError: MOTIF_NOT_FOUND };
  if (result.kind !== "done") return { status: "error", formError: agendaRefusalMessage(result) };
  return done(DONE.motifDeleted);
}

/** « Prise de rendez-vous en ligne », saved whole; the slug is made on the first save. */
export async function saveOnlineBookingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requirePracticeAccess();
  const [weekdays, starts, ends] = [texts(formData, "weekday"), texts(formData, "start"), texts(formData, "end")];
  if (weekdays.length !== starts.length || weekdays.length !== ends.length) return { status: "error", formError: ROWS_INCOMPLETE.windows };
  const parsed = onlineBookingSettingsSchema.safeParse({
    enabled: text(formData, "enabled"),
    windowsMode: text(formData, "windowsMode"),
    intervals: weekdays.map((weekday, i) => ({ weekday, start: starts[i]!, end: ends[i]! })),
    minNoticeMinutes: text(formData, "minNoticeMinutes"),
    horizonWeeks: text(formData, "horizonWeeks"),
    cancellationDeadlineHours: text(formData, "cancellationDeadlineHours"),
    reminder: text(formData, "reminder"),
    showReviews: text(formData, "showReviews"),
    motifs: texts(formData, "motif").map((id) => ({
      id,
      bookableOnline: text(formData, `online-${id}`),
      openToNewPatients: text(formData, `new-${id}`),
    })),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.slice(0, 3).join(".")] ??= issue.message;
    return { status: "error", formError: SETTINGS_INVALID, fieldErrors };
  }
  const result = await saveOnlineBookingSettings(access, parsed.data);
  if (result.kind === "motif-not-found") return { status: "error", formError: MOTIF_UNKNOWN };
  if (result.kind !== "done") return { status: "error", formError: SETTINGS_INVALID };
  revalidatePath("/agenda/parametres");
  revalidatePath(`/rdv/${result.slug}`);
  return { status: "success", message: result.enabled ? SETTINGS_SAVED.on : SETTINGS_SAVED.off };
}
