import "server-only";
import { and, eq, or, type SQL } from "drizzle-orm";
import { appointments, patients } from "@/db/schema";
import type { Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";

// What a patient account may reach, said once. An appointment is the account's when it is on a
// file the account holds (its « self » file or a relative's, patients.account_user_id), or when the
// account booked it online (appointments.booked_by_user_id). Every query of lib/patient-space
// joins `patients` on the appointment's patient and adds this condition: an id from a URL or a
// form is only ever looked up together with the signed-in account, so another person's
// appointment, document or review is simply « not found ».

/** The SQL condition; the query must join `patients` on `appointments.patient_id`. */
export function appointmentOwnedBy(userId: string): SQL {
  return or(eq(patients.accountUserId, userId), eq(appointments.bookedByUserId, userId))!;
}

/** A document is the account's when its patient file is one the account holds. */
export function fileHeldBy(userId: string): SQL {
  return eq(patients.accountUserId, userId);
}

/**
 * The account's appointment with that id, locked for the transaction when `forUpdate`; null when
 * the id is malformed, unknown, or someone else's.
 */
export async function ownedAppointment(tx: Database, userId: string, appointmentId: string, forUpdate = false) {
  if (!isUuid(appointmentId)) return null;
  const query = tx
    .select({
      id: appointments.id,
      doctorId: appointments.doctorId,
      patientId: appointments.patientId,
      visitReasonId: appointments.visitReasonId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      bookedVia: appointments.bookedVia,
    })
    .from(appointments)
    .innerJoin(patients, and(eq(patients.id, appointments.patientId), eq(patients.doctorId, appointments.doctorId)))
    .where(and(eq(appointments.id, appointmentId), appointmentOwnedBy(userId)))
    .limit(1);
  const [row] = forUpdate ? await query.for("update", { of: appointments }) : await query;
  return row ?? null;
}
