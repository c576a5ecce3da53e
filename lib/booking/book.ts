import "server-only";
import { and, count, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { appointments, patients, users, visitReasons, type PatientRow } from "@/db/schema";
import { EXCLUSION_VIOLATION, isDatabaseError, UNIQUE_VIOLATION } from "@/db/errors";
import { announceAgendaChange } from "@/lib/agenda/revisions";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { clientNetwork } from "@/lib/http/client-ip";
import { scheduleAppointmentMessages } from "@/lib/jobs/appointment-messages";
import { logger } from "@/lib/log";
import { patientProblem, type PatientInput, type PatientProblem } from "@/lib/patients/file-rules";
import { takeToken } from "@/lib/rate-limit/fixed-window";
import { checkBookableTime, nextFreeTimes, type CheckBookableResult } from "./availability";

// Booking a free time online (issue 18), for the signed-in patient account or one of its
// relatives. Everything happens in ONE transaction: the file of the person booked for (created
// « en ligne » the first time, flagged when it may be an existing file of the practice; an
// existing one locked, so one person's bookings are counted one after the other), the rules of
// online booking (availability.ts), the per-person limit, the appointment, the messages the patient
// will get and the agenda's revision. A refusal rolls everything back; the exclusion constraint has
// the last word on races (docs/decisions/0025), and its loser is offered the next free times.
// The agenda's revision row is locked last, so bookings of one doctor run side by side and queue
// only for their commit: 200 patients racing for one doctor's 20 times do not hold the connection
// pool while they wait for each other (scripts/bench/booking-race.ts).

/** Future online appointments one person may hold at one practice (a parent books for each child). */
export const MAX_FUTURE_ONLINE_PER_PERSON = 2;
/** Booking attempts, refused ones included: per account, and per client network. */
export const BOOKING_LIMITS = { perAccount: 10, perNetwork: 30, windowSeconds: 3600 };
export const NEXT_TIMES_OFFERED = 3;
/**
 * Bookings one instance runs at once. The others wait their turn here, in memory, not on the
 * connection pool, whose wait ends in an error after a few seconds: a burst of patients on a
 * popular doctor's times is served in turn instead of answered with 500s. Below the pool's size so
 * sign-ins and pages keep connections of their own meanwhile.
 */
export const BOOKINGS_AT_ONCE = Number(process.env.BOOKINGS_AT_ONCE || 4);

type Gate = { running: number; waiting: (() => void)[] };
// One gate per process, kept on globalThis: Next bundles a module more than once (docs/stack.md).
const gate: Gate = ((globalThis as { [key: symbol]: Gate })[Symbol.for("doctipro.booking-gate")] ??= { running: 0, waiting: [] });

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (gate.running >= BOOKINGS_AT_ONCE) await new Promise<void>((resolve) => gate.waiting.push(resolve));
  else gate.running += 1;
  try {
    return await work();
  } finally {
    const next = gate.waiting.shift();
    if (next) next();
    else gate.running -= 1;
  }
}

export type BookingPerson =
  /** The account holder; `file` is needed the first time at this practice. */
  | { kind: "self"; file?: PatientInput }
  /** A relative this account already booked for at this practice. */
  | { kind: "relative"; patientId: string }
  | { kind: "new-relative"; file: PatientInput };

export type BookOnlineInput = { doctorId: string; visitReasonId: string; startsAt: Date; person: BookingPerson };

/** What checkBookableTime refuses (it is thrown as is), then what booking itself may refuse. */
export type BookingRefusal =
  | Exclude<CheckBookableResult, { kind: "ok" }>
  | { kind: "taken"; nextTimes: Date[] }
  | { kind: "too-many-appointments" }
  | { kind: "person-not-found" }
  | { kind: "file-needed" }
  | { kind: "invalid-file"; problem: PatientProblem }
  | { kind: "rate-limited" };

export type BookOnlineResult = { kind: "done"; appointmentId: string; patientId: string; newFile: boolean } | BookingRefusal;

type Account = { id: string };
type Deps = { db?: Database; now?: Date; ip?: string };

/** Thrown inside the transaction to roll it back with the refusal to answer. */
class Refused extends Error {
  constructor(readonly result: BookingRefusal) {
    super(result.kind);
  }
}

const sameName = (file: Pick<PatientInput, "firstName" | "lastName" | "birthDate">) =>
  and(
    sql`lower(${patients.firstName}) = lower(${file.firstName})`,
    sql`lower(${patients.lastName}) = lower(${file.lastName})`,
    eq(patients.birthDate, file.birthDate),
  );

/**
 * An existing file of the practice that may be this person: same matricule first, else same
 * names and birth date. Archived files and the account's own files are left out.
 */
async function possibleDuplicate(
  tx: Database,
  doctorId: string,
  account: Account,
  file: PatientInput,
): Promise<{ id: string; sameMatricule: boolean } | null> {
  const notMine = or(isNull(patients.accountUserId), ne(patients.accountUserId, account.id));
  const base = and(eq(patients.doctorId, doctorId), isNull(patients.archivedAt), notMine);
  if (file.matricule) {
    const [byMatricule] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.doctorId, doctorId), eq(patients.matricule, file.matricule)))
      .limit(1);
    if (byMatricule) return { id: byMatricule.id, sameMatricule: true };
  }
  const [byName] = await tx
    .select({ id: patients.id })
    .from(patients)
    .where(and(base, sameName(file)))
    .limit(1);
  return byName ? { id: byName.id, sameMatricule: false } : null;
}

/** A new file « créé en ligne » for the account; flagged « À vérifier » when it may be an existing one. */
async function createOnlineFile(
  tx: Database,
  doctorId: string,
  account: Account & { email: string },
  relation: "self" | "relative",
  file: PatientInput,
) {
  const duplicate = await possibleDuplicate(tx, doctorId, account, file);
  // A matricule is unique per practice: when it is already on a file, the new file keeps it as its
  // other identifier until the practice decides whether they are one person.
  const identity =
    duplicate?.sameMatricule && file.matricule
      ? { matricule: null, noMatriculeReason: "other" as const, otherIdentifier: `Matricule ${file.matricule}` }
      : { matricule: file.matricule, noMatriculeReason: file.noMatriculeReason, otherIdentifier: file.otherIdentifier };
  const [row] = await tx
    .insert(patients)
    .values({
      doctorId,
      firstName: file.firstName,
      lastName: file.lastName,
      birthDate: file.birthDate,
      ...identity,
      email: file.email ?? account.email,
      phone: file.phone,
      address: file.address,
      createdById: account.id,
      updatedById: account.id,
      accountUserId: account.id,
      accountRelation: relation,
      createdOnline: true,
      possibleDuplicateOfId: duplicate?.id ?? null,
    })
    .returning();
  return row!;
}

/** The file booked for, created if need be; `created` says whether it is new in this booking. */
async function resolvePerson(
  tx: Database,
  doctorId: string,
  account: Account & { email: string },
  person: BookingPerson,
  now: Date,
): Promise<{ file: PatientRow; created: boolean }> {
  if (person.kind === "relative") {
    if (!isUuid(person.patientId)) throw new Refused({ kind: "person-not-found" });
    const [file] = await tx
      .select()
      .from(patients)
      .where(
        and(
          eq(patients.id, person.patientId),
          eq(patients.doctorId, doctorId),
          eq(patients.accountUserId, account.id),
          eq(patients.accountRelation, "relative"),
          isNull(patients.archivedAt),
        ),
      )
      .limit(1)
      .for("update");
    if (!file) throw new Refused({ kind: "person-not-found" });
    return { file, created: false };
  }
  if (person.kind === "self") {
    const [file] = await tx
      .select()
      .from(patients)
      .where(and(eq(patients.doctorId, doctorId), eq(patients.accountUserId, account.id), eq(patients.accountRelation, "self")))
      .limit(1)
      .for("update");
    if (file && !file.archivedAt) return { file, created: false };
    if (file) throw new Refused({ kind: "person-not-found" });
    if (!person.file) throw new Refused({ kind: "file-needed" });
  }
  const input = person.file!;
  const problem = patientProblem(input, now);
  if (problem) throw new Refused({ kind: "invalid-file", problem });
  if (person.kind === "new-relative") {
    // The same child booked for again from the « proche » form: their file, not a second one.
    const [mine] = await tx
      .select()
      .from(patients)
      .where(
        and(
          eq(patients.doctorId, doctorId),
          eq(patients.accountUserId, account.id),
          eq(patients.accountRelation, "relative"),
          isNull(patients.archivedAt),
          sameName(input),
        ),
      )
      .limit(1)
      .for("update");
    if (mine) return { file: mine, created: false };
  }
  return { file: await createOnlineFile(tx, doctorId, account, person.kind === "self" ? "self" : "relative", input), created: true };
}

/** New to the practice: a file created online that the practice never saw the person on yet. */
async function isNewPatient(tx: Database, file: PatientRow, created: boolean): Promise<boolean> {
  if (created) return true;
  if (!file.createdOnline) return false;
  const [seen] = await tx
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.patientId, file.id), inArray(appointments.status, ["arrived", "done"])));
  return (seen?.n ?? 0) === 0;
}

/** Books `input` for the signed-in patient account, in turn with the instance's other bookings. */
export function bookOnline(account: Account, input: BookOnlineInput, deps: Deps = {}): Promise<BookOnlineResult> {
  return inTurn(() => book(account, input, deps, false));
}

async function book(account: Account, input: BookOnlineInput, deps: Deps, retried: boolean): Promise<BookOnlineResult> {
  const db = deps.db ?? getDb();
  const now = deps.now ?? new Date();
  const { doctorId, visitReasonId, startsAt } = input;
  if (!isUuid(doctorId) || !isUuid(visitReasonId)) return { kind: "motif_not_online" };
  if (!(startsAt instanceof Date) || Number.isNaN(startsAt.getTime())) return { kind: "not_offered" };

  if (!(await takeToken(`booking:account:${account.id}`, BOOKING_LIMITS.perAccount, BOOKING_LIMITS.windowSeconds, now, db)))
    return { kind: "rate-limited" };
  if (deps.ip && !(await takeToken(`booking:network:${clientNetwork(deps.ip)}`, BOOKING_LIMITS.perNetwork, BOOKING_LIMITS.windowSeconds, now, db))) {
    return { kind: "rate-limited" };
  }

  // A time already taken is refused before any transaction: most losers of a race stop here.
  if (await isTaken(db, doctorId, visitReasonId, startsAt)) return taken(doctorId, visitReasonId, startsAt, now, db);

  const [holder] = await db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, account.id)).limit(1);
  if (!holder || holder.role !== "patient") return { kind: "person-not-found" };

  try {
    const done = await db.transaction(async (tx) => {
      const { file, created } = await resolvePerson(tx, doctorId, holder, input.person, now);
      const newPatient = await isNewPatient(tx, file, created);
      const check = await checkBookableTime(tx, { doctorId, visitReasonId, startsAt, newPatient, now });
      if (check.kind === "not_offered" && (await isTaken(tx, doctorId, visitReasonId, startsAt))) throw new Refused({ kind: "taken", nextTimes: [] });
      if (check.kind !== "ok") throw new Refused(check);

      const [held] = await tx
        .select({ n: count() })
        .from(appointments)
        .where(
          and(
            eq(appointments.doctorId, doctorId),
            eq(appointments.patientId, file.id),
            eq(appointments.bookedVia, "online"),
            inArray(appointments.status, ["booked", "arrived"]),
            gt(appointments.startsAt, now),
          ),
        );
      if ((held?.n ?? 0) >= MAX_FUTURE_ONLINE_PER_PERSON) throw new Refused({ kind: "too-many-appointments" });

      const [row] = await tx
        .insert(appointments)
        .values({
          doctorId,
          patientId: file.id,
          visitReasonId,
          startsAt,
          endsAt: check.endsAt,
          bookedVia: "online",
          bookedByUserId: holder.id,
          createdById: holder.id,
          updatedById: holder.id,
        })
        .returning({ id: appointments.id });
      await scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: row!.id });
      // Last: the doctor's revision row stays locked only until this commit.
      await announceAgendaChange(tx, doctorId);
      return { kind: "done" as const, appointmentId: row!.id, patientId: file.id, newFile: created };
    });
    logger.info({ appointmentId: done.appointmentId, doctorId, newFile: done.newFile }, "booked online");
    return done;
  } catch (error) {
    let refusal: BookingRefusal | null = null;
    if (error instanceof Refused) refusal = error.result;
    else if (isDatabaseError(error, EXCLUSION_VIOLATION, "appointments_no_overlap")) refusal = { kind: "taken", nextTimes: [] };
    // Two first bookings of one account at once: the other one created the « self » file; once
    // more, this booking finds it (and its limit).
    else if (!retried && isDatabaseError(error, UNIQUE_VIOLATION, "patients_account_self_key")) return book(account, input, deps, true);
    if (!refusal) throw error;
    if (refusal.kind === "taken") return taken(doctorId, visitReasonId, startsAt, now, db);
    return refusal;
  }
}

/** « Taken », with the next free times after it. */
async function taken(doctorId: string, visitReasonId: string, startsAt: Date, now: Date, db: Database): Promise<BookingRefusal> {
  const nextTimes = await nextFreeTimes({ doctorId, visitReasonId, after: startsAt < now ? now : startsAt, count: NEXT_TIMES_OFFERED, now }, { db });
  return { kind: "taken", nextTimes };
}

/** Whether an active appointment covers the start (a time just taken rather than never offered). */
async function isTaken(tx: Database, doctorId: string, visitReasonId: string, startsAt: Date): Promise<boolean> {
  const [motif] = await tx
    .select({ minutes: visitReasons.durationMinutes })
    .from(visitReasons)
    .where(and(eq(visitReasons.id, visitReasonId), eq(visitReasons.doctorId, doctorId)))
    .limit(1);
  if (!motif) return false;
  const endsAt = new Date(startsAt.getTime() + motif.minutes * 60_000);
  const [row] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.doctorId, doctorId),
        ne(appointments.status, "cancelled"),
        lt(appointments.startsAt, endsAt),
        gt(appointments.endsAt, startsAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}
