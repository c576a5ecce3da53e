import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { appointments, doctorProfiles, onlineBookingSettings, patients, users, visitReasons } from "@/db/schema";
import { calendarUidDomain, emailFrom } from "@/config/email";
import { invitationAttachment, type InvitationMethod } from "@/lib/calendar/invitation";
import type { Database } from "@/lib/db";
import type { EmailAttachment } from "@/lib/email/templates";
import { formatAddress } from "@/lib/format/address";
import { displayName } from "@/lib/users/display-name";

/** What every message about an appointment says, read when the job runs (never stale). */
export type AppointmentFacts = {
  id: string;
  doctorId: string;
  status: (typeof appointments.$inferSelect)["status"];
  startsAt: Date;
  endsAt: Date;
  visitReasonId: string | null;
  calendarUid: string;
  calendarSequence: number;
  doctorName: string;
  /** « 12, rue de l'Église, L-1234 Luxembourg », or null when the profile has none. */
  address: string | null;
  practicePhone: string | null;
  motif: string | null;
  patientName: string;
  /** The file's email, else the booking account's; null: nobody to write to. */
  email: string | null;
  /** E.164 from the file, or null. */
  phone: string | null;
  slug: string | null;
  cancellationDeadlineHours: number | null;
};

export async function loadAppointmentFacts(db: Database, appointmentId: string): Promise<AppointmentFacts | null> {
  const doctor = alias(users, "doctor");
  const fileAccount = alias(users, "file_account");
  const booker = alias(users, "booker");
  const [row] = await db
    .select({
      id: appointments.id,
      doctorId: appointments.doctorId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      visitReasonId: appointments.visitReasonId,
      calendarUid: appointments.calendarUid,
      calendarSequence: appointments.calendarSequence,
      doctorTitle: doctor.title,
      doctorFirstName: doctor.firstName,
      doctorLastName: doctor.lastName,
      street: doctorProfiles.street,
      postcode: doctorProfiles.postcode,
      locality: doctorProfiles.locality,
      practicePhone: doctorProfiles.phone,
      motif: visitReasons.label,
      patientFirstName: patients.firstName,
      patientLastName: patients.lastName,
      patientEmail: patients.email,
      patientPhone: patients.phone,
      fileAccountEmail: fileAccount.email,
      bookerEmail: booker.email,
      slug: onlineBookingSettings.slug,
      cancellationDeadlineHours: onlineBookingSettings.cancellationDeadlineHours,
    })
    .from(appointments)
    .innerJoin(doctor, eq(doctor.id, appointments.doctorId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(doctorProfiles, eq(doctorProfiles.doctorId, appointments.doctorId))
    .leftJoin(visitReasons, eq(visitReasons.id, appointments.visitReasonId))
    .leftJoin(fileAccount, eq(fileAccount.id, patients.accountUserId))
    .leftJoin(booker, eq(booker.id, appointments.bookedByUserId))
    .leftJoin(onlineBookingSettings, eq(onlineBookingSettings.doctorId, appointments.doctorId))
    .where(eq(appointments.id, appointmentId))
    .limit(1);
  if (!row) return null;
  const address = formatAddress(row) || null;
  return {
    id: row.id,
    doctorId: row.doctorId,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    visitReasonId: row.visitReasonId,
    calendarUid: row.calendarUid,
    calendarSequence: row.calendarSequence,
    doctorName: displayName({ title: row.doctorTitle, firstName: row.doctorFirstName, lastName: row.doctorLastName }),
    address,
    practicePhone: row.practicePhone,
    motif: row.motif,
    patientName: `${row.patientFirstName} ${row.patientLastName}`,
    email: row.patientEmail?.trim() || row.fileAccountEmail || row.bookerEmail || null,
    phone: row.patientPhone,
    slug: row.slug,
    cancellationDeadlineHours: row.cancellationDeadlineHours,
  };
}

/** The address part of EMAIL_FROM (« Doctipro <no-reply@doctipro.lu> » → no-reply@doctipro.lu). */
function senderAddress(): string {
  const from = emailFrom();
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/** The invitation for the appointment as it stands, to `email`. */
export function appointmentInvitation(facts: AppointmentFacts, method: InvitationMethod, email: string): EmailAttachment {
  const motif = facts.motif ?? "Rendez-vous";
  return invitationAttachment({
    method,
    calendarUid: facts.calendarUid,
    sequence: facts.calendarSequence,
    startsAt: facts.startsAt,
    endsAt: facts.endsAt,
    summary: `${motif} — ${facts.doctorName}`,
    description: `Rendez-vous avec ${facts.doctorName}. Motif : ${motif}.`,
    location: facts.address,
    // The practice organises; replies go to the app's sending address, never a doctor's login.
    organizer: { name: facts.doctorName, email: senderAddress() },
    attendee: { name: facts.patientName, email },
    uidDomain: calendarUidDomain(),
  });
}
