import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, auditLog, jobs, patients, users } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/audit/support-log";
import { enqueueJob } from "@/lib/jobs/queue";
import { MAX_ATTEMPTS, runDueJobs } from "@/lib/jobs/worker";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { listFailedSends, retryFailedSend } from "./failed-sends";
import { retryMessage } from "./messages";

// « Envois en échec »: what support sees of a job the worker gave up, and « Relancer », which
// gives it exactly one more attempt, audited; a practice account reaches neither.

let db: Database;
let practice: TestPractice;
let support: Actor;
let doctor: Actor;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "unit-test-auth-secret";
  db = await freshDatabase();
  practice = await testPractice(db, "Kremer");
  const [row] = await db
    .insert(users)
    .values({ email: "envois.support@example.lu", role: "support", firstName: "S", lastName: "Upport", passwordHash: "x" })
    .returning();
  support = { userId: row!.id, label: row!.email, ip: "198.51.100.9" };
  doctor = { userId: practice.doctor.id, label: "doctor", ip: "198.51.100.10" };
  await db.update(patients).set({ email: "nora.envois@example.lu" }).where(eq(patients.id, practice.patientIds[0]));
});

let n = 0;
async function givenUpJob() {
  const startsAt = utc(`2027-06-0${8 + n++}T08:00:00Z`);
  const [appointment] = await db
    .insert(appointments)
    .values({
      doctorId: practice.doctor.id,
      patientId: practice.patientIds[0],
      startsAt,
      endsAt: new Date(startsAt.getTime() + 15 * 60_000),
      bookedVia: "online",
    })
    .returning({ id: appointments.id });
  await enqueueJob(db, { kind: "appointment_confirmation", appointmentId: appointment!.id });
  const [job] = await db
    .update(jobs)
    .set({ attempts: MAX_ATTEMPTS, lastError: "Resend: 503 Service Unavailable" })
    .where(eq(jobs.appointmentId, appointment!.id))
    .returning({ id: jobs.id });
  return job!.id;
}

describe("« Envois en échec »", () => {
  it("lists a given-up job with what, to whom, the last error and the attempts; « Relancer » gives it one attempt, audited", async () => {
    const id = await givenUpJob();
    const listed = await listFailedSends(support, db);
    expect(listed.kind).toBe("done");
    const send = listed.kind === "done" ? listed.sends.find((s) => s.id === id) : undefined;
    expect(send).toMatchObject({
      kind: "appointment_confirmation",
      to: "nora.envois@example.lu",
      attempts: MAX_ATTEMPTS,
      lastError: "Resend: 503 Service Unavailable",
      appointmentAt: utc("2027-06-08T08:00:00Z"),
    });

    expect(await retryFailedSend(support, String(id), db)).toEqual({ kind: "done" });
    const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(job!.attempts).toBe(MAX_ATTEMPTS - 1);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "job.retry"), sql`${auditLog.details}::text LIKE ${`%"${id}"%`}`));
    expect(audit).toMatchObject({ actorId: support.userId, action: "job.retry" });
    // No longer listed, and a second click relaunches nothing.
    const after = await listFailedSends(support, db);
    expect(after.kind === "done" && after.sends.some((s) => s.id === id)).toBe(false);
    expect(await retryFailedSend(support, String(id), db)).toEqual({ kind: "not-given-up" });
    expect(retryMessage({ kind: "not-given-up" })).toContain("n'est plus en échec");

    // Failing again, it is given up again after that one attempt.
    await runDueJobs({ db, batch: 100, handlers: { appointment_confirmation: async () => Promise.reject(new Error("toujours en panne")) } });
    const [again] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(again).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: "toujours en panne", doneAt: null });
  });

  it("answers a practice account « not-support » and changes nothing; an unknown id is not found", async () => {
    const id = await givenUpJob();
    expect(await listFailedSends(doctor, db)).toEqual({ kind: "not-support" });
    expect(await retryFailedSend(doctor, String(id), db)).toEqual({ kind: "not-support" });
    const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(job!.attempts).toBe(MAX_ATTEMPTS);
    expect(await retryFailedSend(support, "999999999", db)).toEqual({ kind: "not-found" });
    expect(await retryFailedSend(support, "1 OR 1=1", db)).toEqual({ kind: "not-found" });
  });
});
