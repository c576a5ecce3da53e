import "server-only";
import { and, eq, inArray, or, sql, TransactionRollbackError } from "drizzle-orm";
import { appointments, onlineBookingSettings, patients, waitlistEntries } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { announceAgendaChange } from "@/lib/agenda/revisions";
import { isUuid } from "@/lib/forms/ids";
import { scheduleAppointmentMessages } from "@/lib/jobs/appointment-messages";
import { cancelLinkState, cancellationDeadline, useCancelLink } from "./cancel-links";

// A patient cancels their own appointment: from the patient space (signed in) or through the link of
// a confirmation email (not signed in). Both end here, so the deadline, the messages and the agenda's
// live update are decided once.

export type PatientCanceller =
  /** Signed in: the appointment must be one the account booked or one of the account's files. */
  | { kind: "account"; userId: string; appointmentId: string }
  /** The emailed link: the token alone names the appointment. */
  | { kind: "link"; token: string };

export type PatientCancelResult =
  | { kind: "cancelled"; appointmentId: string; doctorId: string }
  /** Unknown, someone else's, or a link that names nothing: one answer, nothing revealed. */
  | { kind: "not-found" }
  | { kind: "link-used" }
  | { kind: "link-expired" }
  | { kind: "too-late"; deadline: Date }
  /** Already cancelled, or done / absent. */
  | { kind: "not-cancellable" };

type Deps = { db?: Database; now?: () => Date };

class Refused extends Error {
  constructor(readonly result: PatientCancelResult) {
    super(result.kind);
  }
}

export async function cancelAsPatient(actor: PatientCanceller, deps: Deps = {}): Promise<PatientCancelResult> {
  const db = deps.db ?? getDb();
  const now = deps.now?.() ?? new Date();

  let appointmentId: string;
  if (actor.kind === "link") {
    const state = await cancelLinkState(db, actor.token, now);
    if (state.kind === "unknown") return { kind: "not-found" };
    if (state.kind === "used") return { kind: "link-used" };
    if (state.kind === "expired") return { kind: "link-expired" };
    appointmentId = state.appointmentId;
  } else {
    if (!isUuid(actor.appointmentId)) return { kind: "not-found" };
    appointmentId = actor.appointmentId;
  }

  try {
    return await db.transaction(async (tx) => {
      const owned =
        actor.kind === "account" ? or(eq(appointments.bookedByUserId, actor.userId), eq(patients.accountUserId, actor.userId)) : undefined;
      const [row] = await tx
        .select({
          id: appointments.id,
          doctorId: appointments.doctorId,
          status: appointments.status,
          startsAt: appointments.startsAt,
          deadlineHours: onlineBookingSettings.cancellationDeadlineHours,
        })
        .from(appointments)
        .innerJoin(patients, eq(patients.id, appointments.patientId))
        .leftJoin(onlineBookingSettings, eq(onlineBookingSettings.doctorId, appointments.doctorId))
        .where(and(eq(appointments.id, appointmentId), owned))
        .for("update", { of: appointments });
      if (!row) throw new Refused({ kind: "not-found" });
      if (row.status !== "booked") throw new Refused({ kind: "not-cancellable" });
      const deadline = cancellationDeadline(row.startsAt, row.deadlineHours);
      if (now.getTime() > deadline.getTime()) throw new Refused({ kind: "too-late", deadline });
      // The link is spent in the same transaction: two clicks cancel once, and a refusal keeps it.
      if (actor.kind === "link" && !(await useCancelLink(tx, actor.token))) throw new Refused({ kind: "link-used" });

      await announceAgendaChange(tx, row.doctorId);
      const cancelled = await tx
        .update(appointments)
        .set({
          status: "cancelled",
          cancelledBy: "patient",
          cancelledAt: sql`now()`,
          updatedAt: sql`now()`,
          updatedById: actor.kind === "account" ? actor.userId : null,
        })
        .where(and(eq(appointments.id, row.id), inArray(appointments.status, ["booked"])))
        .returning({ id: appointments.id });
      if (cancelled.length !== 1) throw new Refused({ kind: "not-cancellable" });
      await tx.delete(waitlistEntries).where(eq(waitlistEntries.appointmentId, row.id));
      await scheduleAppointmentMessages(tx, { kind: "cancelled", appointmentId: row.id });
      return { kind: "cancelled" as const, appointmentId: row.id, doctorId: row.doctorId };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    if (error instanceof TransactionRollbackError) return { kind: "not-cancellable" };
    throw error;
  }
}
