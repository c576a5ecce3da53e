import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, jobs, patients, smsOutbox } from "@/db/schema";
import { createAppointment } from "@/lib/agenda/appointments";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { ON_POSTGRES, throwawayPostgres } from "@/tests/support/postgres";
import { sendReminder } from "./handlers/appointment-notices";
import type { JobHandler } from "./handlers";
import { runDueJobs } from "./worker";

// Two app instances (each its own pool on the same PostgreSQL) run their worker at the same time
// on the same due reminders: FOR UPDATE SKIP LOCKED gives each job to one of them, so each
// reminder is handled once and written once to each outbox.

const REMINDERS = 30;

describe.runIf(ON_POSTGRES)("two workers at once on the same due reminders (PostgreSQL)", () => {
  let pg: NonNullable<Awaited<ReturnType<typeof throwawayPostgres>>>;
  let practice: TestPractice;
  const ids: string[] = [];

  beforeAll(async () => {
    pg = (await throwawayPostgres(2))!;
    const db = pg.dbs[0]!;
    practice = await testPractice(db, "Concurrence");
    await db.update(patients).set({ email: "rappel@example.lu", phone: "+352621123456" }).where(eq(patients.id, practice.patientIds[0]));
    // 30 quarter-hours of Tuesday 1 June 2027 in opening hours: 16 from 08:00 Luxembourg (06:00
    // UTC), 14 from 14:00 (12:00 UTC).
    for (let i = 0; i < REMINDERS; i++) {
      const startsAt = utc(i < 16 ? "2027-06-01T06:00:00Z" : "2027-06-01T12:00:00Z");
      startsAt.setTime(startsAt.getTime() + (i % 16) * 15 * 60_000);
      const result = await createAppointment(
        practice.direct,
        {
          patientId: practice.patientIds[0],
          visitReasonId: practice.motifs.consultation,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 15 * 60_000),
        },
        { db },
      );
      if (result.kind !== "done") throw new Error(result.kind);
      ids.push(result.appointmentId);
    }
  });
  afterAll(async () => {
    await pg?.drop();
  });

  it(`${REMINDERS} due reminders, two instances × two loops each: every reminder sent exactly once (email and SMS)`, async () => {
    const handled = new Map<number, number>();
    const counting: JobHandler = async (context) => {
      handled.set(context.job.id, (handled.get(context.job.id) ?? 0) + 1);
      // Long enough that the workers' transactions overlap.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await sendReminder(context);
    };
    // Every reminder due (24 h before), every appointment still ahead.
    const now = () => utc("2027-06-01T05:00:00Z");
    const worker = async (instance: number) => {
      let passes = 0;
      for (;;) {
        const pass = await runDueJobs({ db: pg.dbs[instance]!, now, batch: 3, handlers: { appointment_reminder: counting } });
        passes += 1;
        if (pass.done + pass.failed === 0) return passes;
      }
    };
    const passes = await Promise.all([worker(0), worker(1), worker(0), worker(1)]);
    expect(passes.every((p) => p >= 1)).toBe(true);

    const reminders = await pg.dbs[0]!.select().from(jobs).where(inArray(jobs.appointmentId, ids));
    expect(reminders).toHaveLength(REMINDERS);
    expect(reminders.every((j) => j.kind === "appointment_reminder" && j.doneAt !== null && j.attempts === 0)).toBe(true);
    expect([...handled.values()].filter((times) => times !== 1)).toEqual([]);
    expect(handled.size).toBe(REMINDERS);

    const [emails] = await pg.dbs[0]!.select({ n: sql<number>`count(*)::int` })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, "rappel@example.lu"));
    const [texts] = await pg.dbs[0]!.select({ n: sql<number>`count(*)::int` })
      .from(smsOutbox)
      .where(eq(smsOutbox.toNumber, "+352621123456"));
    expect(emails!.n).toBe(REMINDERS);
    expect(texts!.n).toBe(REMINDERS);
  });
});
