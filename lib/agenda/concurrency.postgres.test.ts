import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "@/db/schema";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { throwawayPostgres } from "@/tests/support/postgres";
import { addMinutes } from "./rules";
import { createAppointment, moveAppointment } from "./appointments";
import { agendaRefusalMessage, TAKEN, type AgendaRefusal } from "./messages";

// The race for one time, as two app instances run it: each instance holds its own pool of
// connections to the same PostgreSQL, and 50 requests arrive at once, half on each. The database
// (appointments_no_overlap, docs/decisions/0025) lets exactly one through; every other caller gets
// « taken », which the actions show as « Ce créneau n'est plus libre. », and nothing throws (a throw
// would be a 500 to the person).

const RACERS = 50;

/** Every call's outcome: a rejected promise (an error the action would turn into a 500) fails here. */
async function allAtOnce<T>(calls: (() => Promise<T>)[]): Promise<T[]> {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const errors = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
  expect(errors, "no call may throw").toEqual([]);
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

describe.runIf(!!process.env.TEST_DATABASE_URL)("50 simultaneous requests for one time, across two app instances (PostgreSQL)", () => {
  let pg: NonNullable<Awaited<ReturnType<typeof throwawayPostgres>>>;
  let practice: TestPractice;

  beforeAll(async () => {
    pg = (await throwawayPostgres(2))!;
    practice = await testPractice(pg.dbs[0]!, "Concurrence");
  });
  afterAll(async () => {
    await pg?.drop();
  });

  const activeOfDoctor = () =>
    pg.dbs[0]!.select({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
      .from(appointments)
      .where(and(eq(appointments.doctorId, practice.doctor.id), ne(appointments.status, "cancelled")));

  it("50 bookings of the same start and duration: exactly one stored, the 49 others told « Ce créneau n'est plus libre. »", async () => {
    // Tuesday 1 June 2027, 09:00–09:15 in Luxembourg: inside the practice's opening hours.
    const startsAt = utc("2027-06-01T07:00:00Z");
    const endsAt = utc("2027-06-01T07:15:00Z");
    const results = await allAtOnce(
      Array.from(
        { length: RACERS },
        (_, i) => () =>
          createAppointment(
            i % 2 ? practice.viaSecretary : practice.direct,
            { patientId: practice.patientIds[i % 2]!, visitReasonId: practice.motifs.consultation, startsAt, endsAt },
            { db: pg.dbs[i % 2]! },
          ),
      ),
    );
    const done = results.filter((r) => r.kind === "done");
    const refused = results.filter((r) => r.kind !== "done");
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(RACERS - 1);
    expect(refused.map((r) => agendaRefusalMessage(r as AgendaRefusal))).toEqual(Array(RACERS - 1).fill(TAKEN));
    expect(TAKEN).toBe("Ce créneau n'est plus libre.");

    const stored = await activeOfDoctor();
    expect(stored).toEqual([{ id: (done[0] as { appointmentId: string }).appointmentId, startsAt, endsAt }]);
  });

  it("50 appointments moved at once onto one free time: exactly one moves, the 49 others stay where they were", async () => {
    // Fifty 5-minute appointments on Wednesday 2 June 2027 from 14:00 (12:00 UTC), one after the other.
    const first = utc("2027-06-02T12:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < RACERS; i++) {
      const booked = await createAppointment(
        practice.direct,
        { patientId: practice.patientIds[i % 2]!, visitReasonId: null, startsAt: addMinutes(first, 5 * i), endsAt: addMinutes(first, 5 * i + 5) },
        { db: pg.dbs[0]! },
      );
      expect(booked.kind).toBe("done");
      ids.push((booked as { appointmentId: string }).appointmentId);
    }
    const before = new Map((await activeOfDoctor()).map((a) => [a.id, a]));

    // Thursday 3 June 2027, 09:00 in Luxembourg: free.
    const target = utc("2027-06-03T07:00:00Z");
    const results = await allAtOnce(
      ids.map((id, i) => () => moveAppointment(i % 2 ? practice.viaSecretary : practice.direct, id, { startsAt: target }, { db: pg.dbs[i % 2]! })),
    );
    const moved = ids.filter((_, i) => results[i]!.kind === "done");
    expect(moved).toHaveLength(1);
    const refused = results.filter((r) => r.kind !== "done");
    expect(refused.map((r) => agendaRefusalMessage(r as AgendaRefusal))).toEqual(Array(RACERS - 1).fill(TAKEN));

    // One UPDATE per move: the losers keep their old times, the winner holds the new one.
    const after = await activeOfDoctor();
    expect(after).toHaveLength(RACERS + 1);
    for (const row of after) {
      if (row.id === moved[0]) expect(row).toEqual({ id: row.id, startsAt: target, endsAt: addMinutes(target, 5) });
      else expect(row).toEqual(before.get(row.id));
    }
    expect(after.filter((a) => a.startsAt.getTime() === target.getTime())).toHaveLength(1);
  });
});
