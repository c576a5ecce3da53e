import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { appointments, onlineBookingSettings } from "@/db/schema";
import { EXCLUSION_VIOLATION, isDatabaseError } from "@/db/errors";
import { announceAgendaChange } from "@/lib/agenda/revisions";
import { getDb, type Database } from "@/lib/db";
import { scheduleAppointmentMessages } from "@/lib/jobs/appointment-messages";
import { ownedAppointment } from "@/lib/patient-space/ownership";
import { checkBookableTime, type CheckBookableResult } from "./availability";
import { cancellationDeadline } from "./cancel-links";

// « Déplacer »: a patient moves their own appointment to another free time of the same motif.
// One UPDATE of starts_at/ends_at: the old time is freed only when the new one is taken, in the
// same statement, so a patient who loses the race for the new time keeps the old one. The new
// time must be one the public page would offer right now (checkBookableTime, with the patient's
// own appointment not blocking itself); the exclusion constraint still decides a race with
// another booking. Allowed up to the cancellation deadline, like « Annuler ».

export type PatientRescheduleResult =
  | { kind: "moved"; appointmentId: string; startsAt: Date }
  /** Unknown, someone else's: one answer, nothing revealed. */
  | { kind: "not-found" }
  /** Cancelled, done or absent, or without a motif to book again. */
  | { kind: "not-movable" }
  | { kind: "too-late"; deadline: Date }
  | { kind: "same-time" }
  /** Someone took the time between the page and the click. */
  | { kind: "taken" }
  | { kind: "not-bookable"; reason: Exclude<CheckBookableResult, { kind: "ok" }>["kind"] };

class Refused extends Error {
  constructor(readonly result: PatientRescheduleResult) {
    super(result.kind);
  }
}

export async function rescheduleAsPatient(
  input: { userId: string; appointmentId: string; startsAt: Date },
  deps: { db?: Database; now?: Date } = {},
): Promise<PatientRescheduleResult> {
  const db = deps.db ?? getDb();
  const now = deps.now ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const current = await ownedAppointment(tx, input.userId, input.appointmentId, true);
      if (!current) throw new Refused({ kind: "not-found" });
      if (current.status !== "booked" || !current.visitReasonId) throw new Refused({ kind: "not-movable" });
      const [settings] = await tx
        .select({ hours: onlineBookingSettings.cancellationDeadlineHours })
        .from(onlineBookingSettings)
        .where(eq(onlineBookingSettings.doctorId, current.doctorId));
      const deadline = cancellationDeadline(current.startsAt, settings?.hours);
      if (now > deadline) throw new Refused({ kind: "too-late", deadline });
      if (current.startsAt.getTime() === input.startsAt.getTime()) throw new Refused({ kind: "same-time" });
      const check = await checkBookableTime(tx, {
        doctorId: current.doctorId,
        visitReasonId: current.visitReasonId,
        startsAt: input.startsAt,
        newPatient: false,
        now,
        ignoreAppointmentId: current.id,
      });
      if (check.kind !== "ok") throw new Refused({ kind: "not-bookable", reason: check.kind });

      await announceAgendaChange(tx, current.doctorId);
      const moved = await tx
        .update(appointments)
        .set({ startsAt: input.startsAt, endsAt: check.endsAt, updatedAt: sql`now()`, updatedById: input.userId })
        .where(and(eq(appointments.id, current.id), eq(appointments.status, "booked")))
        .returning({ id: appointments.id });
      if (moved.length !== 1) throw new Refused({ kind: "not-movable" });
      await scheduleAppointmentMessages(tx, { kind: "moved", appointmentId: current.id });
      return { kind: "moved" as const, appointmentId: current.id, startsAt: input.startsAt };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    if (isDatabaseError(error, EXCLUSION_VIOLATION, "appointments_no_overlap")) return { kind: "taken" };
    throw error;
  }
}
