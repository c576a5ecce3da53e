import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { appointments, reviews, users } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/support-log";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { displayName } from "@/lib/users/display-name";

// Reviews as the practice and support see them. Patients write them (lib/patient-space/reviews.ts);
// the doctor answers once (the UPDATE only touches a review still without an answer, so two
// answers sent at once cannot both land); support hides one with a reason, written to the audit
// log in the same transaction (decision 0009). Readers never learn who wrote a review: the
// doctor's page shows the visit's date, not the patient.

export type DoctorReview = {
  id: string;
  rating: number;
  comment: string | null;
  createdAt: Date;
  visitAt: Date | null;
  answer: string | null;
  answeredAt: Date | null;
  hidden: boolean;
  hiddenReason: string | null;
};

/** What a review list shows, as both the doctor's page and support's read it. */
const REVIEW_FIELDS = {
  id: reviews.id,
  rating: reviews.rating,
  comment: reviews.comment,
  createdAt: reviews.createdAt,
  visitAt: appointments.startsAt,
  answer: reviews.answer,
  answeredAt: reviews.answeredAt,
  status: reviews.status,
  hiddenReason: reviews.hiddenReason,
};

export async function listDoctorReviews(doctorId: string, db: Database = getDb(), limit = 200): Promise<DoctorReview[]> {
  const rows = await db
    .select(REVIEW_FIELDS)
    .from(reviews)
    .leftJoin(appointments, eq(appointments.id, reviews.appointmentId))
    .where(eq(reviews.doctorId, doctorId))
    .orderBy(desc(reviews.createdAt))
    .limit(limit);
  return rows.map(({ status, ...r }) => ({ ...r, hidden: status === "hidden" }));
}

export type AnswerResult = { kind: "done" } | { kind: "not-found" } | { kind: "already-answered" };

/** The doctor's one answer to a review of their own. */
export async function answerReview(
  access: { doctor: { id: string }; user: { id: string } },
  reviewId: string,
  answer: string,
  db: Database = getDb(),
): Promise<AnswerResult> {
  if (!isUuid(reviewId)) return { kind: "not-found" };
  const updated = await db
    .update(reviews)
    .set({ answer, answeredAt: sql`now()`, answeredById: access.user.id })
    .where(and(eq(reviews.id, reviewId), eq(reviews.doctorId, access.doctor.id), isNull(reviews.answer)))
    .returning({ id: reviews.id });
  if (updated.length) return { kind: "done" };
  const [exists] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.id, reviewId), eq(reviews.doctorId, access.doctor.id)));
  return exists ? { kind: "already-answered" } : { kind: "not-found" };
}

export type SupportReview = DoctorReview & { doctorName: string; doctorId: string };

/** The latest reviews of every doctor, for support (published first is not implied: newest first). */
export async function listReviewsForSupport(db: Database = getDb(), limit = 100): Promise<SupportReview[]> {
  const rows = await db
    .select({
      ...REVIEW_FIELDS,
      doctorId: users.id,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.doctorId))
    .leftJoin(appointments, eq(appointments.id, reviews.appointmentId))
    .orderBy(desc(reviews.createdAt))
    .limit(limit);
  return rows.map(({ status, title, firstName, lastName, ...r }) => ({
    ...r,
    hidden: status === "hidden",
    doctorName: displayName({ title, firstName, lastName }),
  }));
}

export type HideResult = { kind: "done" } | { kind: "not-found" } | { kind: "already-hidden" };

/** Support hides a published review, with its reason, and the audit row in the same transaction. */
export async function hideReview(actor: Actor, reviewId: string, reason: string, db: Database = getDb()): Promise<HideResult> {
  if (!isUuid(reviewId)) return { kind: "not-found" };
  return db.transaction(async (tx) => {
    const [hidden] = await tx
      .update(reviews)
      .set({ status: "hidden", hiddenReason: reason, hiddenAt: sql`now()`, hiddenById: actor.userId })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "published")))
      .returning({ id: reviews.id, doctorId: reviews.doctorId });
    if (!hidden) {
      const [exists] = await tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, reviewId));
      return exists ? { kind: "already-hidden" } : { kind: "not-found" };
    }
    const [doctor] = await tx.select({ email: users.email }).from(users).where(eq(users.id, hidden.doctorId));
    await writeAudit(tx, actor, {
      action: "review.hide",
      targetUserId: hidden.doctorId,
      targetLabel: doctor?.email ?? null,
      reason,
      details: { review: hidden.id },
    });
    return { kind: "done" };
  });
}
