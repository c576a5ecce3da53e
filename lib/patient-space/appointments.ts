import "server-only";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import {
  appointments,
  doctorProfiles,
  onlineBookingSettings,
  patients,
  reviews,
  users,
  visitReasons,
  waitlistEntries,
  type AppointmentCanceller,
  type AppointmentStatus,
} from "@/db/schema";
import { cancellationDeadline } from "@/lib/booking/cancel-links";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { displayName } from "@/lib/users/display-name";
import { appointmentOwnedBy } from "./ownership";

// The patient's appointments, as /patient lists them: what is coming (with what may still be done
// about it) and what is past (with its review). Only the account's own (ownership.ts).

export type PatientAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  cancelledBy: AppointmentCanceller | null;
  bookedOnline: boolean;
  doctor: { id: string; name: string; specialty: string | null };
  practice: { street: string | null; postcode: string | null; locality: string | null; phone: string | null };
  motif: { id: string; label: string } | null;
  /** Who the appointment is for: the account holder or a relative. */
  forWhom: { firstName: string; lastName: string; relative: boolean };
  /** Until when « Annuler » and « Déplacer » are offered. */
  changeableUntil: Date;
  /** « Déplacer » needs the doctor's online booking to be on and the motif to be bookable online. */
  movableOnline: boolean;
  waitlist: boolean;
  review: { rating: number; comment: string | null; answer: string | null; hidden: boolean } | null;
};

function baseQuery(db: Database) {
  return db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      cancelledBy: appointments.cancelledBy,
      bookedVia: appointments.bookedVia,
      doctorId: users.id,
      doctorTitle: users.title,
      doctorFirstName: users.firstName,
      doctorLastName: users.lastName,
      specialty: users.specialty,
      street: doctorProfiles.street,
      postcode: doctorProfiles.postcode,
      locality: doctorProfiles.locality,
      phone: doctorProfiles.phone,
      motifId: visitReasons.id,
      motifLabel: visitReasons.label,
      motifOnline: visitReasons.bookableOnline,
      patientFirstName: patients.firstName,
      patientLastName: patients.lastName,
      relation: patients.accountRelation,
      accountUserId: patients.accountUserId,
      deadlineHours: onlineBookingSettings.cancellationDeadlineHours,
      bookingOn: onlineBookingSettings.enabled,
      waitlist: sql<boolean>`${waitlistEntries.appointmentId} IS NOT NULL`,
      reviewRating: reviews.rating,
      reviewComment: reviews.comment,
      reviewAnswer: reviews.answer,
      reviewStatus: reviews.status,
    })
    .from(appointments)
    .innerJoin(patients, and(eq(patients.id, appointments.patientId), eq(patients.doctorId, appointments.doctorId)))
    .innerJoin(users, eq(users.id, appointments.doctorId))
    .leftJoin(doctorProfiles, eq(doctorProfiles.doctorId, appointments.doctorId))
    .leftJoin(visitReasons, eq(visitReasons.id, appointments.visitReasonId))
    .leftJoin(onlineBookingSettings, eq(onlineBookingSettings.doctorId, appointments.doctorId))
    .leftJoin(waitlistEntries, eq(waitlistEntries.appointmentId, appointments.id))
    .leftJoin(reviews, eq(reviews.appointmentId, appointments.id))
    .$dynamic();
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

function toAppointment(r: Row, userId: string): PatientAppointment {
  return {
    id: r.id,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    status: r.status,
    cancelledBy: r.cancelledBy,
    bookedOnline: r.bookedVia === "online",
    doctor: {
      id: r.doctorId,
      name: displayName({ title: r.doctorTitle, firstName: r.doctorFirstName, lastName: r.doctorLastName }),
      specialty: r.specialty,
    },
    practice: { street: r.street, postcode: r.postcode, locality: r.locality, phone: r.phone },
    motif: r.motifId && r.motifLabel ? { id: r.motifId, label: r.motifLabel } : null,
    forWhom: {
      firstName: r.patientFirstName,
      lastName: r.patientLastName,
      // A file booked for by this account but held by nobody (a relative's, unlinked) is not « me ».
      relative: !(r.relation === "self" && r.accountUserId === userId),
    },
    changeableUntil: cancellationDeadline(r.startsAt, r.deadlineHours),
    movableOnline: r.bookingOn === true && r.motifOnline === true,
    waitlist: r.waitlist,
    review:
      r.reviewRating === null
        ? null
        : { rating: r.reviewRating, comment: r.reviewComment, answer: r.reviewAnswer, hidden: r.reviewStatus === "hidden" },
  };
}

/** Upcoming (not cancelled, not yet started; soonest first) and past or cancelled (latest first, at most `pastLimit`). */
export async function listPatientAppointments(
  userId: string,
  { db = getDb(), now = new Date(), pastLimit = 30 }: { db?: Database; now?: Date; pastLimit?: number } = {},
): Promise<{ upcoming: PatientAppointment[]; past: PatientAppointment[] }> {
  const [upcoming, past] = await Promise.all([
    baseQuery(db)
      .where(and(appointmentOwnedBy(userId), gte(appointments.startsAt, now), sql`${appointments.status} <> 'cancelled'`))
      .orderBy(asc(appointments.startsAt)),
    baseQuery(db)
      .where(and(appointmentOwnedBy(userId), sql`(${appointments.startsAt} < ${now} OR ${appointments.status} = 'cancelled')`))
      .orderBy(desc(appointments.startsAt))
      .limit(pastLimit),
  ]);
  return { upcoming: upcoming.map((r) => toAppointment(r, userId)), past: past.map((r) => toAppointment(r, userId)) };
}

/** One of the account's appointments as the page shows it (the « Déplacer » page); null if not the account's. */
export async function findPatientAppointment(userId: string, appointmentId: string, db: Database = getDb()): Promise<PatientAppointment | null> {
  if (!isUuid(appointmentId)) return null;
  const [row] = await baseQuery(db)
    .where(and(appointmentOwnedBy(userId), eq(appointments.id, appointmentId)))
    .limit(1);
  return row ? toAppointment(row, userId) : null;
}
