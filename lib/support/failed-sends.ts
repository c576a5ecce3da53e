import "server-only";
import { and, desc, eq, gte, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { appointments, jobs, patients, users } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/support-log";
import { getDb, type Database } from "@/lib/db";
import { MAX_ATTEMPTS } from "@/lib/jobs/worker";
import { displayName } from "@/lib/users/display-name";
import { actorIsSupport } from "./account-actions";

// « Envois en échec » (/admin/envois): the jobs the worker gave up after MAX_ATTEMPTS (decision
// 0044), for support to see what was not sent, to whom and why, and to try once more. Both ask
// whether the actor is support here, behind the page's requireSupport(); the retry writes its
// audit row in its own transaction.

export type FailedSend = {
  id: number;
  kind: string;
  /** The appointment the message is about (null when it was deleted since). */
  appointmentAt: Date | null;
  doctorName: string | null;
  patientName: string | null;
  /** Where the email goes: the file's address, else the linked or booking account's. */
  to: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

const LIMIT = 200;

export async function listFailedSends(
  actor: Actor,
  db: Database = getDb(),
): Promise<{ kind: "done"; sends: FailedSend[] } | { kind: "not-support" }> {
  if (!(await actorIsSupport(db, actor))) return { kind: "not-support" };
  const doctor = alias(users, "doctor");
  const fileAccount = alias(users, "file_account");
  const booker = alias(users, "booker");
  const rows = await db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      appointmentAt: appointments.startsAt,
      doctorTitle: doctor.title,
      doctorFirstName: doctor.firstName,
      doctorLastName: doctor.lastName,
      patientFirstName: patients.firstName,
      patientLastName: patients.lastName,
      to: sql<string | null>`coalesce(nullif(trim(${patients.email}), ''), ${fileAccount.email}, ${booker.email})`,
    })
    .from(jobs)
    .leftJoin(appointments, eq(appointments.id, jobs.appointmentId))
    .leftJoin(doctor, eq(doctor.id, appointments.doctorId))
    .leftJoin(patients, eq(patients.id, appointments.patientId))
    .leftJoin(fileAccount, eq(fileAccount.id, patients.accountUserId))
    .leftJoin(booker, eq(booker.id, appointments.bookedByUserId))
    .where(and(isNull(jobs.doneAt), gte(jobs.attempts, MAX_ATTEMPTS)))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(LIMIT);
  return {
    kind: "done",
    sends: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      appointmentAt: r.appointmentAt,
      doctorName: r.doctorLastName ? displayName({ title: r.doctorTitle, firstName: r.doctorFirstName ?? "", lastName: r.doctorLastName }) : null,
      patientName: r.patientLastName ? `${r.patientFirstName} ${r.patientLastName}` : null,
      to: r.to,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
    })),
  };
}

export type RetryResult = { kind: "done" } | { kind: "not-support" } | { kind: "not-found" } | { kind: "not-given-up" };

/**
 * « Relancer »: the job is due now with one attempt left, so the worker tries it once more (and
 * gives it up again if it fails), with the audit row in the same transaction.
 */
export async function retryFailedSend(actor: Actor, jobId: string, db: Database = getDb()): Promise<RetryResult> {
  if (!/^\d{1,15}$/.test(String(jobId))) return { kind: "not-found" };
  const id = Number(jobId);
  return db.transaction(async (tx) => {
    if (!(await actorIsSupport(tx, actor))) return { kind: "not-support" as const };
    const [retried] = await tx
      .update(jobs)
      .set({ attempts: MAX_ATTEMPTS - 1, runAt: sql`now()` })
      .where(and(eq(jobs.id, id), isNull(jobs.doneAt), gte(jobs.attempts, MAX_ATTEMPTS)))
      .returning({ id: jobs.id, kind: jobs.kind, lastError: jobs.lastError });
    if (!retried) {
      const [exists] = await tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, id));
      return { kind: exists ? ("not-given-up" as const) : ("not-found" as const) };
    }
    await writeAudit(tx, actor, {
      action: "job.retry",
      targetUserId: null,
      targetLabel: null,
      reason: "relance d'un envoi abandonné",
      details: { job: String(retried.id), kind: retried.kind, lastError: (retried.lastError ?? "").slice(0, 200) },
    });
    return { kind: "done" as const };
  });
}
