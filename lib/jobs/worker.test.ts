import ICAL from "ical.js";
import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, emailOutbox, jobs, patients, smsOutbox, type OutboxAttachment } from "@/db/schema";
import type { Database } from "@/db/client";
import { cancelAppointment, createAppointment, moveAppointment } from "@/lib/agenda/appointments";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { enqueueJob } from "./queue";
import { backoffMs, MAX_ATTEMPTS, runDueJobs } from "./worker";

// The worker on the embedded database (PGlite, one connection): claiming with FOR UPDATE SKIP
// LOCKED parses there and takes each due job once; the PostgreSQL race is worker.postgres.test.ts.

let db: Database;
let practice: TestPractice;
let n = 0;

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Weber");
  await db.update(patients).set({ email: "nora.wagner@example.lu", phone: "+352621123456" }).where(eq(patients.id, practice.patientIds[0]));
});

/** A practice appointment on Tuesday `day` June 2027 at 09:00 Luxembourg (07:00 UTC), booked by the agenda. */
async function book(day: number, patient = 0) {
  n += 1;
  const startsAt = utc(`2027-06-${String(day).padStart(2, "0")}T07:${String((n % 4) * 15).padStart(2, "0")}:00Z`);
  const result = await createAppointment(
    practice.viaSecretary,
    {
      patientId: practice.patientIds[patient]!,
      visitReasonId: practice.motifs.consultation,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 15 * 60_000),
    },
    { db },
  );
  if (result.kind !== "done") throw new Error(`not booked: ${result.kind}`);
  return { id: result.appointmentId, startsAt };
}

const jobsOf = (appointmentId: string) => db.select().from(jobs).where(eq(jobs.appointmentId, appointmentId)).orderBy(jobs.id);
const mailTo = (address: string) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(emailOutbox.id);
const at = (d: Date) => () => d;
const hours = (h: number) => h * 3_600_000;

/** Runs every job due at `now` (the app's worker, one pass at a time). */
async function drain(now: Date) {
  let total = { done: 0, failed: 0 };
  for (;;) {
    const pass = await runDueJobs({ db, now: at(now), batch: 50 });
    total = { done: total.done + pass.done, failed: total.failed + pass.failed };
    if (pass.done + pass.failed === 0) return total;
  }
}

function invitationOf(attachments: OutboxAttachment[]) {
  expect(attachments).toHaveLength(1);
  const calendar = new ICAL.Component(ICAL.parse(attachments[0]!.content));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    sequence: event.getFirstPropertyValue("sequence"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
  };
}

describe("the reminder the doctor chose (24 h by default)", () => {
  it("is written with the booking and sent once, by email and by SMS to the file's E.164 phone, when due", async () => {
    const { id, startsAt } = await book(1);
    const [reminder] = await jobsOf(id);
    expect(reminder).toMatchObject({ kind: "appointment_reminder", runAt: new Date(startsAt.getTime() - hours(24)) });

    const before = (await mailTo("nora.wagner@example.lu")).length;
    // An hour too early: nothing is due.
    await drain(new Date(startsAt.getTime() - hours(25)));
    expect(await mailTo("nora.wagner@example.lu")).toHaveLength(before);

    await drain(new Date(startsAt.getTime() - hours(23)));
    const mails = await mailTo("nora.wagner@example.lu");
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toBe("Rappel : rendez-vous le mardi 1er juin 2027 à 09:" + startsAt.toISOString().slice(14, 16));
    expect(mails.at(-1)!.text).toContain("Médecin : Dr Jos Weber");
    const sms = await db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.idempotencyKey, `job-${reminder!.id}-sms`));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ toNumber: "+352621123456" });
    expect((await jobsOf(id))[0]!.doneAt).not.toBeNull();

    // Run again later: a done job is never taken again.
    await drain(new Date(startsAt.getTime() - hours(1)));
    expect(await mailTo("nora.wagner@example.lu")).toHaveLength(before + 1);
  });

  it("a job run a second time (as after a crash before its commit) writes its email once", async () => {
    const { id, startsAt } = await book(2);
    const due = new Date(startsAt.getTime() - hours(23));
    await drain(due);
    const count = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(emailOutbox)
          .where(sql`${emailOutbox.idempotencyKey} like 'job-%'`)
      )[0]!.n;
    const sent = await count();
    await db.update(jobs).set({ doneAt: null }).where(eq(jobs.appointmentId, id));
    await drain(due);
    expect(await count()).toBe(sent);
  });

  it("nobody to write to (no email, no account, no phone): done, nothing sent", async () => {
    const { id, startsAt } = await book(3, 1);
    const outboxBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox))[0]!.n;
    await drain(new Date(startsAt.getTime() - hours(23)));
    expect((await jobsOf(id))[0]!.doneAt).not.toBeNull();
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox))[0]!.n).toBe(outboxBefore);
  });
});

describe("the practice moves and cancels: the patient is told, with the invitation", () => {
  it("a move sends the updated invitation (SEQUENCE:1), moves the reminder; a cancel sends METHOD:CANCEL and removes the reminder", async () => {
    const { id, startsAt } = await book(8);
    const before = (await mailTo("nora.wagner@example.lu")).length;
    const newStart = new Date(startsAt.getTime() + hours(24 * 2));
    expect(await moveAppointment(practice.viaSecretary, id, { startsAt: newStart }, { db })).toEqual({ kind: "done", outsideHours: false });
    const pending = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.appointmentId, id), isNull(jobs.doneAt)))
      .orderBy(jobs.id);
    expect(pending.map((j) => j.kind)).toEqual(["appointment_changed", "appointment_reminder"]);
    expect(pending[1]!.runAt).toEqual(new Date(newStart.getTime() - hours(24)));

    await drain(new Date());
    const moved = (await mailTo("nora.wagner@example.lu")).slice(before);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.subject).toContain("Votre rendez-vous a changé");
    expect(invitationOf(moved[0]!.attachments)).toEqual({ method: "REQUEST", sequence: 1, start: newStart });

    expect(await cancelAppointment(practice.viaSecretary, id, "practice", { db })).toEqual({ kind: "done" });
    expect(
      await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.appointmentId, id), eq(jobs.kind, "appointment_reminder"), isNull(jobs.doneAt))),
    ).toEqual([]);
    await drain(new Date());
    const cancelled = (await mailTo("nora.wagner@example.lu")).slice(before + 1);
    expect(cancelled.map((m) => m.subject)).toEqual([expect.stringContaining("Rendez-vous annulé")]);
    expect(invitationOf(cancelled[0]!.attachments)).toEqual({ method: "CANCEL", sequence: 2, start: newStart });
    const [row] = await db.select({ sequence: appointments.calendarSequence }).from(appointments).where(eq(appointments.id, id));
    expect(row!.sequence).toBe(2);
  });

  it("a booking refused as taken writes no job", async () => {
    const { id, startsAt } = await book(9);
    const jobsBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(jobs))[0]!.n;
    const again = await createAppointment(
      practice.direct,
      {
        patientId: practice.patientIds[1],
        visitReasonId: practice.motifs.consultation,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 15 * 60_000),
      },
      { db },
    );
    expect(again).toEqual({ kind: "taken" });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(jobs))[0]!.n).toBe(jobsBefore);
    expect(await jobsOf(id)).toHaveLength(1);
  });
});

describe("failures", () => {
  it("a failing handler rolls back its writes, records the error and retries later with backoff; gives up after MAX_ATTEMPTS", async () => {
    // Alone in the queue: earlier tests left jobs of their own (a cancellation's waitlist offer).
    await db.delete(jobs).where(isNull(jobs.doneAt));
    await enqueueJob(db, { kind: "waitlist_offer", payload: { test: "boom" } });
    const [job] = await db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload}->>'test' = 'boom'`);
    const now = new Date("2030-01-01T00:00:00Z");
    const failing = {
      waitlist_offer: async ({ db: tx }: { db: Database }) => {
        await tx.insert(emailOutbox).values({ toAddress: "never@example.lu", subject: "x", text: "x", html: "x" });
        throw new Error("provider down");
      },
    };
    const first = await runDueJobs({ db, now: at(now), handlers: failing, batch: 50 });
    expect(first.failed).toBe(1);
    let [row] = await db.select().from(jobs).where(eq(jobs.id, job!.id));
    expect(row).toMatchObject({ attempts: 1, lastError: "provider down", doneAt: null, runAt: new Date(now.getTime() + backoffMs(1)) });
    expect(await mailTo("never@example.lu")).toEqual([]);

    // Not due again before its backoff.
    expect(await runDueJobs({ db, now: at(new Date(now.getTime() + backoffMs(1) - 1)), handlers: failing })).toEqual({ done: 0, failed: 0 });

    let clock = now.getTime();
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      clock += backoffMs(attempt - 1);
      await runDueJobs({ db, now: at(new Date(clock)), handlers: failing, batch: 50 });
    }
    [row] = await db.select().from(jobs).where(eq(jobs.id, job!.id));
    expect(row!.attempts).toBe(MAX_ATTEMPTS);
    // Given up: never claimed again, however late.
    expect(await runDueJobs({ db, now: at(new Date("2040-01-01T00:00:00Z")), handlers: failing })).toEqual({ done: 0, failed: 0 });
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(30)).toBe(6 * 3_600_000);
    await db.delete(jobs).where(eq(jobs.id, job!.id));
  });
});
