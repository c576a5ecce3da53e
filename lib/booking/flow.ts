import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { appointments, patients, visitReasons } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { checkBookableTime, type CheckBookableResult } from "./availability";
import { bookingChoiceSchema } from "./flow-schema";
import { findDoctorBySlug, listOnlineMotifs, type PublicDoctor, type PublicMotif } from "./public-doctor";

// What the booking flow's pages read (/rdv/<médecin>/reserver and its confirmation).

/** The path back to the flow with the same choice: every step returns here. */
export function bookingPath(slug: string, motif: string, startsAt: Date, step?: string): string {
  const query = new URLSearchParams({ motif, debut: startsAt.toISOString() });
  if (step) query.set("etape", step);
  return `/rdv/${encodeURIComponent(slug)}/reserver?${query.toString()}`;
}

export type BookingChoice =
  | { kind: "unknown-doctor" }
  | { kind: "bad-choice"; doctor: PublicDoctor; message: string }
  | { kind: "booking-off"; doctor: PublicDoctor }
  | { kind: "motif-not-online"; doctor: PublicDoctor }
  | { kind: "ready"; doctor: PublicDoctor; motif: PublicMotif; startsAt: Date; check: CheckBookableResult };

/**
 * The doctor, motif and time a free time's link names, and whether the time is still offered (to
 * a patient the practice knows: whether this person is new is decided at confirmation).
 */
export async function readBookingChoice(slug: string, query: { motif?: unknown; debut?: unknown }, now = new Date()): Promise<BookingChoice> {
  const doctor = await findDoctorBySlug(slug);
  if (!doctor) return { kind: "unknown-doctor" };
  if (!doctor.enabled) return { kind: "booking-off", doctor };
  const parsed = bookingChoiceSchema.safeParse({ motif: query.motif, debut: query.debut });
  if (!parsed.success) return { kind: "bad-choice", doctor, message: parsed.error.issues[0]!.message };
  const motif = (await listOnlineMotifs(doctor.id)).find((m) => m.id === parsed.data.motif);
  if (!motif) return { kind: "motif-not-online", doctor };
  const check = await checkBookableTime(getDb(), {
    doctorId: doctor.id,
    visitReasonId: motif.id,
    startsAt: parsed.data.debut,
    newPatient: false,
    now,
  });
  return { kind: "ready", doctor, motif, startsAt: parsed.data.debut, check };
}

export type BookingPeople = {
  /** The account's own file at this practice, if it has one (then nothing more is asked). */
  self: { id: string; firstName: string; lastName: string } | null;
  relatives: { id: string; firstName: string; lastName: string; birthDate: string }[];
};

/** Whom this account already booked for at this practice: itself and its relatives. */
export async function bookingPeople(accountId: string, doctorId: string, db: Database = getDb()): Promise<BookingPeople> {
  const rows = await db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      birthDate: patients.birthDate,
      relation: patients.accountRelation,
    })
    .from(patients)
    .where(and(eq(patients.doctorId, doctorId), eq(patients.accountUserId, accountId), isNull(patients.archivedAt)))
    .orderBy(asc(patients.firstName));
  const self = rows.find((r) => r.relation === "self");
  return {
    self: self ? { id: self.id, firstName: self.firstName, lastName: self.lastName } : null,
    relatives: rows.filter((r) => r.relation === "relative").map(({ relation: _relation, ...r }) => r),
  };
}

export type BookedAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  motif: string | null;
  person: { firstName: string; lastName: string };
};

/** An appointment this account booked online (the confirmation page); null for anyone else's. */
export async function bookedAppointment(accountId: string, appointmentId: string, db: Database = getDb()): Promise<BookedAppointment | null> {
  if (!isUuid(appointmentId)) return null;
  const [row] = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      motif: visitReasons.label,
      firstName: patients.firstName,
      lastName: patients.lastName,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(visitReasons, eq(visitReasons.id, appointments.visitReasonId))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.bookedByUserId, accountId)))
    .limit(1);
  if (!row) return null;
  const { firstName, lastName, ...rest } = row;
  return { ...rest, person: { firstName, lastName } };
}
