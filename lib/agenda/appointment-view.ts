import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  appointments,
  patients,
  users,
  visitReasons,
  type AppointmentCanceller,
  type AppointmentChannel,
  type AppointmentStatus,
  type Role,
} from "@/db/schema";
import type { VisitReasonColour } from "@/db/visit-reason-colours";
import type { Database } from "@/lib/db";
import { displayName } from "@/lib/users/display-name";

// One appointment as the agenda shows it: times, patient, motif, status, and who created and last
// changed it (its details dialog, one appointment at a time). The week and day views read less:
// what a block draws (AgendaBlock), by a query without the authors' joins.

export type Author = { id: string; name: string; role: Role };

export type AgendaAppointment = {
  id: string;
  doctorId: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  /** « En surnombre »: booked over another appointment on purpose. */
  overbooked: boolean;
  bookedVia: AppointmentChannel;
  patient: { id: string; firstName: string; lastName: string; birthDate: string; archived: boolean };
  visitReason: { id: string; label: string; colour: VisitReasonColour; active: boolean } | null;
  note: string | null;
  cancelledBy: AppointmentCanceller | null;
  cancelledAt: Date | null;
  createdAt: Date;
  createdBy: Author | null;
  updatedAt: Date;
  updatedBy: Author | null;
};

/** An appointment as the week and day views read it: what its block draws. */
export type AgendaBlock = Pick<AgendaAppointment, "id" | "doctorId" | "startsAt" | "endsAt" | "status" | "overbooked" | "bookedVia"> & {
  patient: Pick<AgendaAppointment["patient"], "firstName" | "lastName">;
  visitReason: Pick<NonNullable<AgendaAppointment["visitReason"]>, "id" | "label" | "colour"> | null;
};

/**
 * The blocks matching `where`, in `orderBy` order: the columns a block draws, the patient's name
 * and the motif; none of the authors' joins or the appointment's other columns, which made the
 * busiest week's query several times slower (docs/benchmarks.md).
 */
export async function selectAgendaBlocks(db: Database, where: SQL | undefined, orderBy: SQL[]): Promise<AgendaBlock[]> {
  const rows = await db
    .select({
      id: appointments.id,
      doctorId: appointments.doctorId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      overbooked: appointments.overbooked,
      bookedVia: appointments.bookedVia,
      firstName: patients.firstName,
      lastName: patients.lastName,
      reasonId: visitReasons.id,
      reasonLabel: visitReasons.label,
      reasonColour: visitReasons.colour,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(visitReasons, eq(visitReasons.id, appointments.visitReasonId))
    .where(where)
    .orderBy(...orderBy);
  return rows.map((r) => ({
    id: r.id,
    doctorId: r.doctorId,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    status: r.status,
    overbooked: r.overbooked,
    bookedVia: r.bookedVia,
    patient: { firstName: r.firstName, lastName: r.lastName },
    visitReason: r.reasonId ? { id: r.reasonId, label: r.reasonLabel!, colour: r.reasonColour as VisitReasonColour } : null,
  }));
}

const creator = alias(users, "creator");
const updater = alias(users, "updater");

/** Appointments matching `where`, with their joins, in `orderBy` order. */
export async function selectAgendaAppointments(db: Database, where: SQL | undefined, orderBy: SQL[]): Promise<AgendaAppointment[]> {
  const rows = await db
    .select({
      a: appointments,
      patient: {
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        birthDate: patients.birthDate,
        archivedAt: patients.archivedAt,
      },
      reason: { id: visitReasons.id, label: visitReasons.label, colour: visitReasons.colour, active: visitReasons.active },
      creator: { id: creator.id, title: creator.title, firstName: creator.firstName, lastName: creator.lastName, role: creator.role },
      updater: { id: updater.id, title: updater.title, firstName: updater.firstName, lastName: updater.lastName, role: updater.role },
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(visitReasons, eq(visitReasons.id, appointments.visitReasonId))
    .leftJoin(creator, eq(creator.id, appointments.createdById))
    .leftJoin(updater, eq(updater.id, appointments.updatedById))
    .where(where)
    .orderBy(...orderBy);
  const author = (
    u: { id: string | null; title: string | null; firstName: string | null; lastName: string | null; role: Role | null } | null,
  ): Author | null =>
    u?.id ? { id: u.id, name: displayName({ title: u.title, firstName: u.firstName ?? "", lastName: u.lastName ?? "" }), role: u.role! } : null;
  return rows.map(({ a, patient, reason, creator: c, updater: u }) => ({
    id: a.id,
    doctorId: a.doctorId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    overbooked: a.overbooked,
    bookedVia: a.bookedVia,
    patient: {
      id: patient.id,
      firstName: patient.firstName,
      lastName: patient.lastName,
      birthDate: patient.birthDate,
      archived: patient.archivedAt !== null,
    },
    visitReason: reason?.id ? { id: reason.id, label: reason.label!, colour: reason.colour as VisitReasonColour, active: reason.active! } : null,
    note: a.note,
    cancelledBy: a.cancelledBy,
    cancelledAt: a.cancelledAt,
    createdAt: a.createdAt,
    createdBy: author(c),
    updatedAt: a.updatedAt,
    updatedBy: author(u),
  }));
}
