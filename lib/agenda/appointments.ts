import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { appointments, patients, visitReasons, type AppointmentCanceller } from "@/db/schema";
import { EXCLUSION_VIOLATION, isDatabaseError } from "@/db/errors";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { appointmentFacts, scheduleAppointmentMessages } from "@/lib/jobs/appointment-messages";
import type { AgendaAccess } from "./access";
import { selectAgendaAppointments, type AgendaAppointment } from "./appointment-view";
import { calendarColumns, calendarFromColumns, daysOf, isWithinCalendar, isWithinOpeningHours, type CalendarColumns } from "./calendar";
import { announceAgendaChange } from "./revisions";
import { addMinutes, appointmentTimeProblem, isAppointmentDuration, MAX_NOTE_LENGTH, type TimeProblem } from "./rules";
import { CANCELLABLE, canChangeStatus, canReschedule, type SettableStatus } from "./status";

// Booking, moving and following up a doctor's appointments from the practice (issue 17).
// - Every function takes the practice access: the doctor comes from the session, and an id of
//   another doctor's appointment, patient or motif is simply not found.
// - Whether two appointments overlap is decided by the database (appointments_no_overlap,
//   docs/decisions/0025): the write is tried, and 23P01 answers « taken ». The error is caught
//   outside the transaction, which has rolled back whole: nothing is half-written.
// - Outside opening hours the practice may book, after confirming (outsideHoursConfirmed).
// - Every write records who and when, and bumps the agenda revision in its own transaction.
// - Booking, moving, resizing and cancelling schedule what the patient is told (reminder, notice,
//   invitation) in the same transaction (lib/jobs/appointment-messages.ts): a refused write sends nothing.

type Deps = { db?: Database; now?: Date };

export type AppointmentRefusal = { kind: "invalid"; problem: TimeProblem | "note" } | { kind: "outside-hours" } | { kind: "taken" };

export type CreateAppointmentInput = {
  patientId: string;
  visitReasonId: string | null;
  startsAt: Date;
  endsAt: Date;
  note?: string | null;
  /** « En surnombre »: the explicit choice to book over another appointment. */
  overbooked?: boolean;
  /** The person saw the warning that this is outside opening hours and books anyway. */
  outsideHoursConfirmed?: boolean;
};

export type CreateAppointmentResult =
  | { kind: "done"; appointmentId: string; outsideHours: boolean }
  | AppointmentRefusal
  | { kind: "patient-not-found" }
  | { kind: "patient-archived" }
  | { kind: "motif-not-found" }
  | { kind: "motif-inactive" };

export type RescheduleResult =
  | { kind: "done"; outsideHours: boolean }
  | AppointmentRefusal
  | { kind: "not-found" }
  | { kind: "not-reschedulable"; status: AgendaAppointment["status"] };

export type CancelResult = { kind: "done" } | { kind: "not-found" } | { kind: "not-cancellable"; status: AgendaAppointment["status"] };

export type StatusResult =
  | { kind: "done" }
  | { kind: "not-found" }
  | { kind: "not-allowed"; from: AgendaAppointment["status"]; to: SettableStatus }
  | { kind: "not-yet" }
  | { kind: "taken" };

export type DetailsResult =
  { kind: "done" } | { kind: "not-found" } | { kind: "invalid"; problem: "note" } | { kind: "motif-not-found" } | { kind: "motif-inactive" };

/** Thrown inside a transaction to roll it back when the row to change has gone meanwhile. */
class Vanished extends Error {}

function noteProblem(note: string | null | undefined): boolean {
  return note != null && [...note].length > MAX_NOTE_LENGTH;
}

function cleanNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim();
  return trimmed ? trimmed : null;
}

async function motifCheck(
  db: Database,
  doctorId: string,
  visitReasonId: string | null,
): Promise<null | { kind: "motif-not-found" } | { kind: "motif-inactive" }> {
  if (visitReasonId === null) return null;
  if (!isUuid(visitReasonId)) return { kind: "motif-not-found" };
  const [motif] = await db
    .select({ active: visitReasons.active })
    .from(visitReasons)
    .where(and(eq(visitReasons.id, visitReasonId), eq(visitReasons.doctorId, doctorId)))
    .limit(1);
  if (!motif) return { kind: "motif-not-found" };
  return motif.active ? null : { kind: "motif-inactive" };
}

/**
 * Runs `write` in a transaction that also bumps the agenda. The bump comes last: it takes the
 * doctor's revision row lock until commit (revisions of one agenda commit in their order), and
 * taken last that lock is held for the commit only, not for the whole write (ten bookers of one
 * doctor at once queued behind each other's every statement). A refused or thrown write never bumps.
 */
async function inAgendaTransaction<T>(db: Database, doctorId: string, write: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const written = await write(tx);
    await announceAgendaChange(tx, doctorId);
    return written;
  });
}

/** inAgendaTransaction for a write that may take a time: « taken » when the database refuses an overlap. */
async function writeAgenda<T>(db: Database, doctorId: string, write: (tx: Database) => Promise<T>): Promise<T | { kind: "taken" }> {
  try {
    return await inAgendaTransaction(db, doctorId, write);
  } catch (error) {
    if (isDatabaseError(error, EXCLUSION_VIOLATION, "appointments_no_overlap")) return { kind: "taken" };
    throw error;
  }
}

/**
 * Books the doctor's patient. Before the transaction, one query answers every check: the patient,
 * the motif, and the doctor's calendar over the appointment's days (opening hours, absences,
 * holidays opened).
 */
export async function createAppointment(access: AgendaAccess, input: CreateAppointmentInput, deps: Deps = {}): Promise<CreateAppointmentResult> {
  const db = deps.db ?? getDb();
  const doctorId = access.doctor.id;
  const problem = appointmentTimeProblem(input.startsAt, input.endsAt);
  if (problem) return { kind: "invalid", problem };
  if (noteProblem(input.note)) return { kind: "invalid", problem: "note" };
  if (!isUuid(input.patientId)) return { kind: "patient-not-found" };
  if (input.visitReasonId !== null && !isUuid(input.visitReasonId)) return { kind: "motif-not-found" };
  const days = daysOf(input.startsAt, input.endsAt);
  const checked = await db.execute(sql`
    SELECT
      (SELECT p.archived_at IS NOT NULL FROM ${patients} p WHERE p.id = ${input.patientId} AND p.doctor_id = ${doctorId}) AS patient_archived,
      ${input.visitReasonId === null ? sql`true` : sql`(SELECT m.active FROM ${visitReasons} m WHERE m.id = ${input.visitReasonId} AND m.doctor_id = ${doctorId})`} AS motif_active,
      ${calendarColumns(doctorId, days.from, days.to)}`);
  const [check] = (checked as unknown as { rows: (CalendarColumns & { patient_archived: boolean | null; motif_active: boolean | null })[] }).rows;
  if (check!.patient_archived === null) return { kind: "patient-not-found" };
  if (check!.patient_archived) return { kind: "patient-archived" };
  if (check!.motif_active === null) return { kind: "motif-not-found" };
  if (!check!.motif_active) return { kind: "motif-inactive" };
  const outsideHours = !isWithinCalendar(calendarFromColumns(check!, days.from, days.to), input.startsAt, input.endsAt);
  if (outsideHours && !input.outsideHoursConfirmed) return { kind: "outside-hours" };
  const result = await writeAgenda(db, doctorId, async (tx) => {
    const [row] = await tx
      .insert(appointments)
      .values({
        doctorId,
        patientId: input.patientId,
        visitReasonId: input.visitReasonId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        note: cleanNote(input.note),
        overbooked: input.overbooked ?? false,
        bookedVia: "practice",
        createdById: access.user.id,
        updatedById: access.user.id,
      })
      .returning(appointmentFacts);
    await scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: row!.id }, row);
    return { kind: "done" as const, appointmentId: row!.id, outsideHours };
  });
  return result;
}

async function currentOf(db: Database, doctorId: string, appointmentId: string) {
  if (!isUuid(appointmentId)) return null;
  const [row] = await db
    .select({ status: appointments.status, startsAt: appointments.startsAt, endsAt: appointments.endsAt, overbooked: appointments.overbooked })
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.doctorId, doctorId)))
    .limit(1);
  return row ?? null;
}

/**
 * Gives an appointment new times in ONE UPDATE: if the new times are taken the database refuses
 * the statement and the appointment keeps its old times; they are freed only when the new ones
 * are held. `overbooked` changes the « en surnombre » choice with the move (kept otherwise).
 */
export async function rescheduleAppointment(
  access: AgendaAccess,
  appointmentId: string,
  input: { startsAt: Date; endsAt: Date; outsideHoursConfirmed?: boolean; overbooked?: boolean },
  deps: Deps = {},
): Promise<RescheduleResult> {
  const db = deps.db ?? getDb();
  const doctorId = access.doctor.id;
  const problem = appointmentTimeProblem(input.startsAt, input.endsAt);
  if (problem) return { kind: "invalid", problem };
  const current = await currentOf(db, doctorId, appointmentId);
  if (!current) return { kind: "not-found" };
  if (!canReschedule(current.status)) return { kind: "not-reschedulable", status: current.status };
  const outsideHours = !(await isWithinOpeningHours(db, doctorId, input.startsAt, input.endsAt));
  if (outsideHours && !input.outsideHoursConfirmed) return { kind: "outside-hours" };
  try {
    return await writeAgenda(db, doctorId, async (tx) => {
      const moved = await tx
        .update(appointments)
        .set({
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          ...(input.overbooked === undefined ? {} : { overbooked: input.overbooked }),
          updatedAt: sql`now()`,
          updatedById: access.user.id,
        })
        .where(and(eq(appointments.id, appointmentId), eq(appointments.doctorId, doctorId), inArray(appointments.status, ["booked", "arrived"])))
        .returning(appointmentFacts);
      if (moved.length === 0) throw new Vanished();
      // Same start, another end: the patient is told the duration changed, not the time.
      const change = current.startsAt.getTime() === input.startsAt.getTime() ? "duration" : "time";
      await scheduleAppointmentMessages(tx, { kind: "moved", appointmentId, change }, moved[0]);
      return { kind: "done" as const, outsideHours };
    });
  } catch (error) {
    if (!(error instanceof Vanished)) throw error;
    const now = await currentOf(db, doctorId, appointmentId);
    return now ? { kind: "not-reschedulable", status: now.status } : { kind: "not-found" };
  }
}

/** Moves an appointment to `startsAt`, keeping its duration. */
export async function moveAppointment(
  access: AgendaAccess,
  appointmentId: string,
  input: { startsAt: Date; outsideHoursConfirmed?: boolean; overbooked?: boolean },
  deps: Deps = {},
): Promise<RescheduleResult> {
  const db = deps.db ?? getDb();
  const current = await currentOf(db, access.doctor.id, appointmentId);
  if (!current) return { kind: "not-found" };
  const duration = current.endsAt.getTime() - current.startsAt.getTime();
  const endsAt = new Date((input.startsAt instanceof Date ? input.startsAt.getTime() : Number.NaN) + duration);
  return rescheduleAppointment(access, appointmentId, { ...input, endsAt }, { ...deps, db });
}

/** Gives an appointment a new duration, keeping its start. */
export async function resizeAppointment(
  access: AgendaAccess,
  appointmentId: string,
  input: { durationMinutes: number; outsideHoursConfirmed?: boolean },
  deps: Deps = {},
): Promise<RescheduleResult> {
  if (!isAppointmentDuration(input.durationMinutes)) return { kind: "invalid", problem: "duration" };
  const db = deps.db ?? getDb();
  const current = await currentOf(db, access.doctor.id, appointmentId);
  if (!current) return { kind: "not-found" };
  return rescheduleAppointment(
    access,
    appointmentId,
    { startsAt: current.startsAt, endsAt: addMinutes(current.startsAt, input.durationMinutes), outsideHoursConfirmed: input.outsideHoursConfirmed },
    { ...deps, db },
  );
}

/**
 * Cancels a booked (or arrived) appointment, saying who cancelled. Its time is free at once. The
 * UPDATE itself checks that it may be cancelled (canCancel's statuses): only when it changes
 * nothing is the appointment read, to say why.
 */
export async function cancelAppointment(
  access: AgendaAccess,
  appointmentId: string,
  by: AppointmentCanceller,
  deps: Deps = {},
): Promise<CancelResult> {
  const db = deps.db ?? getDb();
  const doctorId = access.doctor.id;
  if (by !== "patient" && by !== "practice") throw new Error("cancelAppointment: unknown canceller");
  if (!isUuid(appointmentId)) return { kind: "not-found" };
  const result = await inAgendaTransaction(db, doctorId, async (tx) => {
    const [cancelled] = await tx
      .update(appointments)
      .set({ status: "cancelled", cancelledBy: by, cancelledAt: sql`now()`, updatedAt: sql`now()`, updatedById: access.user.id })
      .where(and(eq(appointments.id, appointmentId), eq(appointments.doctorId, doctorId), inArray(appointments.status, CANCELLABLE)))
      .returning(appointmentFacts);
    // Our own class, not tx.rollback(): Next's build holds several copies of drizzle-orm, and
    // its TransactionRollbackError from one copy is not an instance of another's.
    if (!cancelled) throw new Vanished();
    await scheduleAppointmentMessages(tx, { kind: "cancelled", appointmentId }, cancelled);
    return { kind: "done" as const };
  }).catch(async (error: unknown) => {
    if (!(error instanceof Vanished)) throw error;
    const now = await currentOf(db, doctorId, appointmentId);
    return now ? ({ kind: "not-cancellable", status: now.status } as const) : ({ kind: "not-found" } as const);
  });
  return result;
}

/**
 * Marks an appointment arrived, done or absent (« absent non excusé »), or undoes an arrival or a
 * no-show back to booked, along STATUS_TRANSITIONS. Nobody is absent before their time.
 */
export async function setAppointmentStatus(access: AgendaAccess, appointmentId: string, to: SettableStatus, deps: Deps = {}): Promise<StatusResult> {
  const db = deps.db ?? getDb();
  const doctorId = access.doctor.id;
  const now = deps.now ?? new Date();
  const current = await currentOf(db, doctorId, appointmentId);
  if (!current) return { kind: "not-found" };
  if (!canChangeStatus(current.status, to)) return { kind: "not-allowed", from: current.status, to };
  if (to === "no_show" && current.startsAt > now) return { kind: "not-yet" };
  try {
    return await writeAgenda(db, doctorId, async (tx) => {
      const changed = await tx
        .update(appointments)
        .set({ status: to, updatedAt: sql`now()`, updatedById: access.user.id })
        // Only from the status the decision was made on: a concurrent change wins, this one is redone.
        .where(and(eq(appointments.id, appointmentId), eq(appointments.doctorId, doctorId), eq(appointments.status, current.status)))
        .returning({ id: appointments.id });
      if (changed.length === 0) throw new Vanished();
      return { kind: "done" as const };
    });
  } catch (error) {
    if (!(error instanceof Vanished)) throw error;
    const again = await currentOf(db, doctorId, appointmentId);
    return again ? { kind: "not-allowed", from: again.status, to } : { kind: "not-found" };
  }
}

/** Changes the motif and the note of an appointment (its times and patient stay). */
export async function updateAppointmentDetails(
  access: AgendaAccess,
  appointmentId: string,
  input: { visitReasonId: string | null; note: string | null },
  deps: Deps = {},
): Promise<DetailsResult> {
  const db = deps.db ?? getDb();
  const doctorId = access.doctor.id;
  if (noteProblem(input.note)) return { kind: "invalid", problem: "note" };
  const current = await currentOf(db, doctorId, appointmentId);
  if (!current) return { kind: "not-found" };
  const motif = await motifCheck(db, doctorId, input.visitReasonId);
  // A motif turned inactive since may stay on the appointments that have it.
  if (motif?.kind === "motif-not-found") return motif;
  if (motif?.kind === "motif-inactive") {
    const [same] = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.id, appointmentId), eq(appointments.visitReasonId, input.visitReasonId!)))
      .limit(1);
    if (!same) return motif;
  }
  return db.transaction(async (tx) => {
    await announceAgendaChange(tx, doctorId);
    const changed = await tx
      .update(appointments)
      .set({ visitReasonId: input.visitReasonId, note: cleanNote(input.note), updatedAt: sql`now()`, updatedById: access.user.id })
      .where(and(eq(appointments.id, appointmentId), eq(appointments.doctorId, doctorId)))
      .returning({ id: appointments.id });
    return changed.length ? { kind: "done" as const } : { kind: "not-found" as const };
  });
}

/** One of the doctor's appointments with its patient, motif and authors; null if not theirs. */
export async function findAppointment(access: AgendaAccess, appointmentId: string, deps: Deps = {}): Promise<AgendaAppointment | null> {
  if (!isUuid(appointmentId)) return null;
  const [found] = await selectAgendaAppointments(
    deps.db ?? getDb(),
    and(eq(appointments.id, appointmentId), eq(appointments.doctorId, access.doctor.id)),
    [],
  );
  return found ?? null;
}
