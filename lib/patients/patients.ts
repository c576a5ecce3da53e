import "server-only";
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { appointments, patients, users, visitReasons, type AppointmentStatus, type PatientRow, type Role } from "@/db/schema";
import { isDatabaseError, UNIQUE_VIOLATION } from "@/db/errors";
import type { VisitReasonColour } from "@/db/visit-reason-colours";
import { announceAgendaChange } from "@/lib/agenda/revisions";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { cleanSearchText, escapeLike } from "@/lib/forms/search-text";
import { containsFolded } from "@/lib/search/folded-match";
import { displayName } from "@/lib/users/display-name";
import { parseBirthDate, patientProblem, type PatientInput, type PatientProblem } from "./file-rules";

// A doctor's patient files. Every function takes the doctor the guard returned (and, to write,
// who acts): a patient id from a URL is only ever looked up together with that doctor's id, so
// another doctor's patient is simply « not found ». Files are archived, never deleted.

export type PatientSummary = Pick<PatientRow, "id" | "firstName" | "lastName" | "birthDate" | "matricule"> & { archived: boolean };

export const PATIENTS_PER_PAGE = 25;

type Deps = { db?: Database; now?: Date };
type Actor = { doctor: { id: string }; user: { id: string } };

export type SavePatientResult =
  | { kind: "done"; patientId: string }
  | { kind: "invalid"; problem: PatientProblem }
  | { kind: "duplicate-matricule"; existingId: string }
  | { kind: "not-found" };

export type ArchiveResult = { kind: "done" } | { kind: "not-found" };

/**
 * What the search box matches: a birth date (« 12/03/1985 », « 12.03.1985 », « 1985-03-12 »), the
 * matricule's digits (a prefix), or every word in the name (either order, with or without accents).
 */
function searchCondition(query: string): SQL | undefined {
  const birthDate = parseBirthDate(query);
  if (birthDate) return eq(patients.birthDate, birthDate);
  const digits = query.replace(/\s/g, "");
  if (/^\d{2,13}$/.test(digits)) return ilike(patients.matricule, `${escapeLike(digits)}%`);
  const words = query.split(/\s+/).filter(Boolean).slice(0, 4);
  if (!words.length) return undefined;
  return and(...words.map((w) => or(containsFolded(patients.lastName, w), containsFolded(patients.firstName, w))));
}

const summaryColumns = {
  id: patients.id,
  firstName: patients.firstName,
  lastName: patients.lastName,
  birthDate: patients.birthDate,
  matricule: patients.matricule,
  archived: sql<boolean>`${patients.archivedAt} IS NOT NULL`,
};
const byName = [asc(sql`lower(${patients.lastName})`), asc(sql`lower(${patients.firstName})`), asc(patients.id)];

/** /patients: a page of the doctor's files matching `query`; archived ones only with `includeArchived`. */
export async function searchPatients(
  doctor: { id: string },
  { query, page, includeArchived = false }: { query: string; page: number; includeArchived?: boolean },
  db: Database = getDb(),
): Promise<{ rows: PatientSummary[]; total: number; page: number; pages: number }> {
  const where = and(
    eq(patients.doctorId, doctor.id),
    searchCondition(cleanSearchText(query, 80)),
    includeArchived ? undefined : isNull(patients.archivedAt),
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(patients).where(where);
  const pages = Math.max(1, Math.ceil(total / PATIENTS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db
    .select(summaryColumns)
    .from(patients)
    .where(where)
    .orderBy(...byName)
    .limit(PATIENTS_PER_PAGE)
    .offset((current - 1) * PATIENTS_PER_PAGE);
  return { rows, total, page: current, pages };
}

/** The agenda's patient finder, as one types: the first `limit` active files matching (none for an empty query). */
export async function findPatientsForBooking(
  doctor: { id: string },
  query: string,
  { limit = 10 }: { limit?: number } = {},
  db: Database = getDb(),
): Promise<PatientSummary[]> {
  const typed = cleanSearchText(query, 80);
  if (typed === "") return [];
  return db
    .select(summaryColumns)
    .from(patients)
    .where(and(eq(patients.doctorId, doctor.id), isNull(patients.archivedAt), searchCondition(typed)))
    .orderBy(...byName)
    .limit(Math.min(Math.max(1, limit), 50));
}

/** The doctor's patient `patientId`, or null (unknown id, malformed id, another doctor's patient). */
export async function findPatient(doctor: { id: string }, patientId: string, db: Database = getDb()) {
  if (!isUuid(patientId)) return null;
  const [row] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.doctorId, doctor.id)))
    .limit(1);
  return row ?? null;
}

export type FileAuthor = { id: string; name: string; role: Role };
export type PatientFile = PatientRow & { createdBy: FileAuthor | null; updatedBy: FileAuthor | null };

const creator = alias(users, "creator");
const updater = alias(users, "updater");

/** The file with who created and last changed it (the doctor, or which secretary); null if not the doctor's. */
export async function patientFile(doctor: { id: string }, patientId: string, db: Database = getDb()): Promise<PatientFile | null> {
  if (!isUuid(patientId)) return null;
  const [row] = await db
    .select({
      patient: patients,
      creator: { id: creator.id, title: creator.title, firstName: creator.firstName, lastName: creator.lastName, role: creator.role },
      updater: { id: updater.id, title: updater.title, firstName: updater.firstName, lastName: updater.lastName, role: updater.role },
    })
    .from(patients)
    .leftJoin(creator, eq(creator.id, patients.createdById))
    .leftJoin(updater, eq(updater.id, patients.updatedById))
    .where(and(eq(patients.id, patientId), eq(patients.doctorId, doctor.id)))
    .limit(1);
  if (!row) return null;
  const author = (u: typeof row.creator): FileAuthor | null =>
    u?.id ? { id: u.id, name: displayName({ title: u.title, firstName: u.firstName ?? "", lastName: u.lastName ?? "" }), role: u.role! } : null;
  return { ...row.patient, createdBy: author(row.creator), updatedBy: author(row.updater) };
}

async function holderOf(db: Database, doctorId: string, matricule: string | null, except?: string): Promise<string | null> {
  if (matricule === null) return null;
  const [row] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.doctorId, doctorId), eq(patients.matricule, matricule)))
    .limit(1);
  return row && row.id !== except ? row.id : null;
}

/** Runs a write; a matricule taken meanwhile (unique index) is the duplicate it would have been. */
async function savingFile(
  db: Database,
  doctorId: string,
  matricule: string | null,
  write: () => Promise<SavePatientResult>,
): Promise<SavePatientResult> {
  try {
    return await write();
  } catch (error) {
    if (!isDatabaseError(error, UNIQUE_VIOLATION, "patients_doctor_matricule_key")) throw error;
    const existingId = await holderOf(db, doctorId, matricule);
    if (!existingId) throw error;
    return { kind: "duplicate-matricule", existingId };
  }
}

/** A new file. A matricule already on one of the doctor's files (archived or not) is refused with that file's id. */
export async function createPatient(access: Actor, input: PatientInput, deps: Deps = {}): Promise<SavePatientResult> {
  const db = deps.db ?? getDb();
  const problem = patientProblem(input, deps.now);
  if (problem) return { kind: "invalid", problem };
  const doctorId = access.doctor.id;
  const existingId = await holderOf(db, doctorId, input.matricule);
  if (existingId) return { kind: "duplicate-matricule", existingId };
  return savingFile(db, doctorId, input.matricule, async () => {
    const [row] = await db
      .insert(patients)
      .values({ ...input, doctorId, createdById: access.user.id, updatedById: access.user.id })
      .returning({ id: patients.id });
    return { kind: "done", patientId: row!.id };
  });
}

/** Corrects a file; the agenda shows the new name at once (its revision is bumped). */
export async function updatePatient(access: Actor, patientId: string, input: PatientInput, deps: Deps = {}): Promise<SavePatientResult> {
  const db = deps.db ?? getDb();
  if (!isUuid(patientId)) return { kind: "not-found" };
  const problem = patientProblem(input, deps.now);
  if (problem) return { kind: "invalid", problem };
  const doctorId = access.doctor.id;
  if (!(await findPatient(access.doctor, patientId, db))) return { kind: "not-found" };
  const existingId = await holderOf(db, doctorId, input.matricule, patientId);
  if (existingId) return { kind: "duplicate-matricule", existingId };
  return savingFile(db, doctorId, input.matricule, () =>
    db.transaction(async (tx) => {
      await announceAgendaChange(tx, doctorId);
      const updated = await tx
        .update(patients)
        .set({ ...input, updatedAt: sql`now()`, updatedById: access.user.id })
        .where(and(eq(patients.id, patientId), eq(patients.doctorId, doctorId)))
        .returning({ id: patients.id });
      return updated.length ? { kind: "done" as const, patientId } : { kind: "not-found" as const };
    }),
  );
}

async function setArchived(access: Actor, patientId: string, archived: boolean, db: Database): Promise<ArchiveResult> {
  if (!isUuid(patientId)) return { kind: "not-found" };
  const doctorId = access.doctor.id;
  return db.transaction(async (tx) => {
    await announceAgendaChange(tx, doctorId);
    const updated = await tx
      .update(patients)
      .set({ archivedAt: archived ? sql`coalesce(${patients.archivedAt}, now())` : null, updatedAt: sql`now()`, updatedById: access.user.id })
      .where(and(eq(patients.id, patientId), eq(patients.doctorId, doctorId)))
      .returning({ id: patients.id });
    return updated.length ? { kind: "done" as const } : { kind: "not-found" as const };
  });
}

/** Archives a file: kept, hidden from the agenda's search, no new appointment. Its appointments stay. */
export function archivePatient(access: Actor, patientId: string, deps: Deps = {}): Promise<ArchiveResult> {
  return setArchived(access, patientId, true, deps.db ?? getDb());
}

export function restorePatient(access: Actor, patientId: string, deps: Deps = {}): Promise<ArchiveResult> {
  return setArchived(access, patientId, false, deps.db ?? getDb());
}

export type PatientAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  overbooked: boolean;
  visitReason: { label: string; colour: VisitReasonColour } | null;
  cancelledBy: "patient" | "practice" | null;
};

/**
 * The file's appointments: upcoming (not ended yet, soonest first) and past (latest first, at most
 * `pastLimit`), each with its status. Null when the patient is not the doctor's.
 */
export async function patientAppointments(
  doctor: { id: string },
  patientId: string,
  { now = new Date(), pastLimit = 50 }: { now?: Date; pastLimit?: number } = {},
  db: Database = getDb(),
): Promise<{ upcoming: PatientAppointment[]; past: PatientAppointment[] } | null> {
  if (!(await findPatient(doctor, patientId, db))) return null;
  const columns = {
    id: appointments.id,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    status: appointments.status,
    overbooked: appointments.overbooked,
    cancelledBy: appointments.cancelledBy,
    reasonLabel: visitReasons.label,
    reasonColour: visitReasons.colour,
  };
  const mine = and(eq(appointments.patientId, patientId), eq(appointments.doctorId, doctor.id));
  const [upcoming, past] = await Promise.all([
    db
      .select(columns)
      .from(appointments)
      .leftJoin(visitReasons, eq(visitReasons.id, appointments.visitReasonId))
      .where(and(mine, gte(appointments.endsAt, now)))
      .orderBy(asc(appointments.startsAt)),
    db
      .select(columns)
      .from(appointments)
      .leftJoin(visitReasons, eq(visitReasons.id, appointments.visitReasonId))
      .where(and(mine, lt(appointments.endsAt, now)))
      .orderBy(desc(appointments.startsAt))
      .limit(pastLimit),
  ]);
  const view = ({ reasonLabel, reasonColour, ...a }: (typeof upcoming)[number]): PatientAppointment => ({
    ...a,
    visitReason: reasonLabel ? { label: reasonLabel, colour: reasonColour as VisitReasonColour } : null,
  });
  return { upcoming: upcoming.map(view), past: past.map(view) };
}
