import "server-only";
import { eq } from "drizzle-orm";
import { reviews, waitlistEntries } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { ownedAppointment } from "./ownership";
import type { ReviewInput } from "./schema";

// « Laisser un avis » and « Me prévenir si un créneau se libère plus tôt »: both about one of the
// account's own appointments (ownership.ts), never about an id alone.

export type LeaveReviewResult = { kind: "done" } | { kind: "not-found" } | { kind: "not-finished" } | { kind: "already-reviewed" };

/**
 * Once per appointment (the unique appointment_id decides, whatever the race), only after it took
 * place (status 'done'). The review is about the appointment's doctor and file, taken from the row.
 */
export async function leaveReview(userId: string, appointmentId: string, input: ReviewInput, db: Database = getDb()): Promise<LeaveReviewResult> {
  return db.transaction(async (tx) => {
    const appointment = await ownedAppointment(tx, userId, appointmentId);
    if (!appointment) return { kind: "not-found" };
    if (appointment.status !== "done") return { kind: "not-finished" };
    const inserted = await tx
      .insert(reviews)
      .values({
        doctorId: appointment.doctorId,
        patientId: appointment.patientId,
        appointmentId: appointment.id,
        authorUserId: userId,
        rating: input.rating,
        comment: input.comment,
      })
      .onConflictDoNothing({ target: reviews.appointmentId })
      .returning({ id: reviews.id });
    return inserted.length ? { kind: "done" } : { kind: "already-reviewed" };
  });
}

export type WaitlistResult = { kind: "done"; on: boolean } | { kind: "not-found" } | { kind: "not-upcoming" };

/** Turns « prévenez-moi » on or off for an upcoming, still booked appointment of the account. */
export async function setWaitlist(
  userId: string,
  appointmentId: string,
  on: boolean,
  { db = getDb(), now = new Date() }: { db?: Database; now?: Date } = {},
): Promise<WaitlistResult> {
  return db.transaction(async (tx) => {
    const appointment = await ownedAppointment(tx, userId, appointmentId, true);
    if (!appointment) return { kind: "not-found" };
    if (appointment.status !== "booked" || appointment.startsAt <= now) return { kind: "not-upcoming" };
    if (on) await tx.insert(waitlistEntries).values({ appointmentId: appointment.id }).onConflictDoNothing();
    else await tx.delete(waitlistEntries).where(eq(waitlistEntries.appointmentId, appointment.id));
    return { kind: "done", on };
  });
}
