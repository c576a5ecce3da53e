import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { appointments, jobs, onlineBookingSettings } from "@/db/schema";
import { followCancelLinks } from "@/lib/booking/cancel-links";
import type { Database } from "@/lib/db";
import { enqueueJob } from "./queue";

export type AppointmentEvent =
  | { kind: "booked"; appointmentId: string }
  /** `change`: "duration" when only the end moved (a resize), "time" otherwise (the default). */
  | { kind: "moved"; appointmentId: string; change?: AppointmentChange }
  | { kind: "cancelled"; appointmentId: string };

/** What a « moved » notice says changed: the start (and so the end), or only the end. */
export type AppointmentChange = "time" | "duration";

/**
 * The one place that decides what a patient is told about an appointment, called inside the
 * transaction of every booking, move and cancellation (agenda or online), so the messages and the
 * change commit or roll back together. Whether someone can be reached (an email on the file or on
 * the booking account, a phone) is the handler's question when the job runs.
 */
export async function scheduleAppointmentMessages(tx: Database, event: AppointmentEvent): Promise<void> {
  const [appointment] = await tx
    .select({
      id: appointments.id,
      doctorId: appointments.doctorId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      bookedVia: appointments.bookedVia,
      visitReasonId: appointments.visitReasonId,
      settingsOf: onlineBookingSettings.doctorId,
      reminderHours: onlineBookingSettings.reminderHours,
      cancellationDeadlineHours: onlineBookingSettings.cancellationDeadlineHours,
    })
    .from(appointments)
    .leftJoin(onlineBookingSettings, eq(onlineBookingSettings.doctorId, appointments.doctorId))
    .where(eq(appointments.id, event.appointmentId));
  if (!appointment) return;

  // A pending reminder always follows the appointment's current time (or goes with it).
  await tx.delete(jobs).where(and(eq(jobs.appointmentId, appointment.id), eq(jobs.kind, "appointment_reminder"), isNull(jobs.doneAt)));

  if (event.kind !== "booked") {
    // Every change the patient hears about raises the invitation's SEQUENCE (RFC 5546).
    await tx
      .update(appointments)
      .set({ calendarSequence: sql`${appointments.calendarSequence} + 1` })
      .where(eq(appointments.id, appointment.id));
  }

  if (event.kind === "booked" && appointment.bookedVia === "online") {
    await enqueueJob(tx, { kind: "appointment_confirmation", appointmentId: appointment.id });
  }
  if (event.kind === "moved") {
    // The emailed cancel links follow the new time: valid until its deadline, as the page says.
    await followCancelLinks(tx, appointment.id, appointment.startsAt, appointment.cancellationDeadlineHours);
    const change = event.change ?? "time";
    await enqueueJob(tx, { kind: "appointment_changed", appointmentId: appointment.id, payload: change === "time" ? {} : { change } });
  }
  if (event.kind === "cancelled") {
    await enqueueJob(tx, { kind: "appointment_cancelled", appointmentId: appointment.id });
    if (appointment.visitReasonId) {
      await enqueueJob(tx, {
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
    return;
  }

  // Practices without online booking settings still remind, 24 h before, like the column's default.
  const reminderHours = appointment.settingsOf === null ? 24 : appointment.reminderHours;
  if (reminderHours !== null && appointment.status !== "cancelled") {
    const runAt = new Date(appointment.startsAt.getTime() - reminderHours * 3_600_000);
    if (runAt.getTime() > Date.now()) await enqueueJob(tx, { kind: "appointment_reminder", appointmentId: appointment.id, runAt });
  }
}
