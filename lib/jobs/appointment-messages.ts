import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { appointments, jobs, onlineBookingSettings, type AppointmentRow } from "@/db/schema";
import { followCancelLinks } from "@/lib/booking/cancel-links";
import type { Database } from "@/lib/db";
import type { NewJob } from "./queue";

export type AppointmentEvent =
  /** A new appointment, written in this transaction (it has no job yet). */
  | { kind: "booked"; appointmentId: string }
  /** `change`: "duration" when only the end moved (a resize), "time" otherwise (the default). */
  | { kind: "moved"; appointmentId: string; change?: AppointmentChange }
  | { kind: "cancelled"; appointmentId: string };

/** What a « moved » notice says changed: the start (and so the end), or only the end. */
export type AppointmentChange = "time" | "duration";

/** What deciding the messages needs of the appointment (as it is now) and of its doctor's settings. */
export type AppointmentFacts = Pick<AppointmentRow, "id" | "doctorId" | "startsAt" | "endsAt" | "status" | "bookedVia" | "visitReasonId"> & {
  /** The doctor's online booking settings' key: null when the doctor has none. */
  settingsOf: string | null;
  reminderHours: number | null;
  cancellationDeadlineHours: number | null;
};

// Qualified by hand: Drizzle writes a RETURNING's columns unqualified, where doctor_id would be the subquery's own.
const settingOf = <T>(column: string) =>
  sql<T>`(SELECT s.${sql.raw(column)} FROM ${onlineBookingSettings} s WHERE s.doctor_id = "appointments"."doctor_id")`;

/**
 * The facts as columns of a query on `appointments`: a writer passes them to the RETURNING of its
 * INSERT or UPDATE, and hands the row to scheduleAppointmentMessages, which then reads nothing.
 */
export const appointmentFacts = {
  id: appointments.id,
  doctorId: appointments.doctorId,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  status: appointments.status,
  bookedVia: appointments.bookedVia,
  visitReasonId: appointments.visitReasonId,
  settingsOf: settingOf<string | null>("doctor_id"),
  reminderHours: settingOf<number | null>("reminder_hours").mapWith((v) => (v === null ? null : Number(v))),
  cancellationDeadlineHours: settingOf<number | null>("cancellation_deadline_hours").mapWith((v) => (v === null ? null : Number(v))),
};

/**
 * The one place that decides what a patient is told about an appointment, called inside the
 * transaction of every booking, move and cancellation (agenda or online), so the messages and the
 * change commit or roll back together. Whether someone can be reached (an email on the file or on
 * the booking account, a phone) is the handler's question when the job runs. `facts`: the
 * appointment as the caller's write returned it (`appointmentFacts`), else it is read here. What
 * it writes goes in one statement.
 */
export async function scheduleAppointmentMessages(tx: Database, event: AppointmentEvent, facts?: AppointmentFacts): Promise<void> {
  const appointment = facts ?? (await readFacts(tx, event.appointmentId));
  if (!appointment) return;

  const toSend: NewJob[] = [];
  if (event.kind === "booked" && appointment.bookedVia === "online") {
    toSend.push({ kind: "appointment_confirmation", appointmentId: appointment.id });
  }
  if (event.kind === "moved") {
    // The emailed cancel links follow the new time: valid until its deadline, as the page says.
    await followCancelLinks(tx, appointment.id, appointment.startsAt, appointment.cancellationDeadlineHours);
    const change = event.change ?? "time";
    toSend.push({ kind: "appointment_changed", appointmentId: appointment.id, payload: change === "time" ? {} : { change } });
  }
  if (event.kind === "cancelled") {
    toSend.push({ kind: "appointment_cancelled", appointmentId: appointment.id });
    if (appointment.visitReasonId) {
      toSend.push({
        kind: "waitlist_offer",
        appointmentId: appointment.id,
        payload: {
          doctorId: appointment.doctorId,
          visitReasonId: appointment.visitReasonId,
          startsAt: appointment.startsAt.toISOString(),
          endsAt: appointment.endsAt.toISOString(),
        },
      });
    }
  } else {
    // Practices without online booking settings still remind, 24 h before, like the column's default.
    const reminderHours = appointment.settingsOf === null ? 24 : appointment.reminderHours;
    if (reminderHours !== null && appointment.status !== "cancelled") {
      const runAt = new Date(appointment.startsAt.getTime() - reminderHours * 3_600_000);
      if (runAt.getTime() > Date.now()) toSend.push({ kind: "appointment_reminder", appointmentId: appointment.id, runAt });
    }
  }

  const steps: SQL[] = [];
  // A pending reminder always follows the appointment's current time (or goes with it). A new
  // appointment has none yet.
  if (event.kind !== "booked") {
    steps.push(sql`dropped AS (DELETE FROM ${jobs} WHERE appointment_id = ${appointment.id} AND kind = 'appointment_reminder' AND done_at IS NULL)`);
    // Every change the patient hears about raises the invitation's SEQUENCE (RFC 5546).
    steps.push(sql`raised AS (UPDATE ${appointments} SET calendar_sequence = calendar_sequence + 1 WHERE id = ${appointment.id})`);
  }
  if (steps.length === 0 && toSend.length === 0) return;
  // The new rows do not meet the DELETE: every part of one statement sees the rows as they were
  // before it.
  const insert = toSend.length
    ? sql`INSERT INTO ${jobs} (kind, appointment_id, run_at, payload) VALUES ${sql.join(
        toSend.map(
          (job) =>
            sql`(${job.kind}, ${job.appointmentId ?? null}::uuid, ${(job.runAt ?? new Date()).toISOString()}::timestamptz, ${JSON.stringify(job.payload ?? {})}::jsonb)`,
        ),
        sql`, `,
      )}`
    : sql`SELECT 1`;
  await tx.execute(steps.length ? sql`WITH ${sql.join(steps, sql`, `)} ${insert}` : insert);
}

async function readFacts(tx: Database, appointmentId: string): Promise<AppointmentFacts | null> {
  const [appointment] = await tx.select(appointmentFacts).from(appointments).where(eq(appointments.id, appointmentId));
  return appointment ?? null;
}
