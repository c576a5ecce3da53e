import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { appointments, patients, users, waitlistEntries, type User } from "@/db/schema";
import { announceAgendaChange } from "@/lib/agenda/revisions";
import { confirmPassword } from "@/lib/auth/reauthenticate";
import { getDb, type Database } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { scheduleAppointmentMessages } from "@/lib/jobs/appointment-messages";
import { appointmentOwnedBy } from "./ownership";

// « Supprimer mon compte » (docs/decisions/0046). Deleted: the account, its sessions, second
// factor, connection history and chat (all by the users row's ON DELETE CASCADE), its waitlist
// entries; its future online appointments are cancelled first, so each practice's agenda frees the
// time and the patient is told like after any cancellation. Kept by the practices: their patient
// files (only the link to the account goes, by ON DELETE SET NULL), past appointments and
// appointments the practice booked itself, issued documents, and reviews (no longer tied to an
// account).

export type DeleteAccountResult = { kind: "done"; cancelled: number } | { kind: "wrong-password" } | { kind: "throttled" } | { kind: "not-patient" };

export async function deletePatientAccount(
  user: User,
  password: string,
  ctx: RequestContext,
  { db = getDb(), now = new Date() }: { db?: Database; now?: Date } = {},
): Promise<DeleteAccountResult> {
  if (user.role !== "patient") return { kind: "not-patient" };
  const check = await confirmPassword(user, password, ctx);
  if (check.kind !== "ok") return check;
  return db.transaction(async (tx) => {
    const owned = tx
      .select({ id: appointments.id })
      .from(appointments)
      .innerJoin(patients, and(eq(patients.id, appointments.patientId), eq(patients.doctorId, appointments.doctorId)))
      .where(appointmentOwnedBy(user.id));
    await tx.delete(waitlistEntries).where(inArray(waitlistEntries.appointmentId, owned));

    const cancelled = await tx
      .update(appointments)
      .set({ status: "cancelled", cancelledBy: "patient", cancelledAt: sql`now()`, updatedAt: sql`now()`, updatedById: null })
      .where(
        and(
          eq(appointments.bookedByUserId, user.id),
          eq(appointments.bookedVia, "online"),
          eq(appointments.status, "booked"),
          gt(appointments.startsAt, now),
        ),
      )
      .returning({ id: appointments.id, doctorId: appointments.doctorId });
    for (const { id } of cancelled) await scheduleAppointmentMessages(tx, { kind: "cancelled", appointmentId: id });
    for (const doctorId of new Set(cancelled.map((c) => c.doctorId))) await announceAgendaChange(tx, doctorId);

    // Explicitly, with the relation: ON DELETE SET NULL would clear the account alone, and the
    // check patients_account_relation_with_account refuses one without the other.
    await tx.update(patients).set({ accountUserId: null, accountRelation: null }).where(eq(patients.accountUserId, user.id));
    await tx.delete(users).where(and(eq(users.id, user.id), eq(users.role, "patient")));
    return { kind: "done", cancelled: cancelled.length };
  });
}
