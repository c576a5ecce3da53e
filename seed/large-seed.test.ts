import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointmentPlan, allocate, allocateCapped, DAY_MAXIMUM, LARGE_SEED_SIZE, seedLarge } from "./large-seed";
import { freshDatabase } from "@/tests/support/test-db";
import { appOnThrowawayPostgres } from "@/tests/support/postgres";

describe("allocate", () => {
  it("splits a total exactly, in proportion, heaviest first", () => {
    const weights = Array.from({ length: 1000 }, (_, d) => 1 / (d + 10) ** 0.8);
    const counts = allocate(2_000_000, weights);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2_000_000);
    expect(counts[0]).toBeGreaterThan(counts[999]! * 30);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it("hands out the remainder to the largest fractions", () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(5, [1, 1, 2])).toEqual([1, 1, 3]);
  });

  it("with caps, gives what a full share cannot hold to the others", () => {
    expect(allocateCapped(10, [8, 1, 1], [4, 10, 10])).toEqual([4, 3, 3]);
    expect(allocateCapped(10, [1, 1], [3, 3])).toEqual([3, 3]);
    expect(allocateCapped(6, [1, 1, 1], [10, 10, 10])).toEqual([2, 2, 2]);
  });
});

describe("the benchmark's appointments", () => {
  it("are all placed; the busiest practices are full, on a realistic day (28 on a weekday)", () => {
    const { practices, counts } = appointmentPlan(LARGE_SEED_SIZE.doctors, LARGE_SEED_SIZE.appointments, "2026-12-07");
    expect(counts.reduce((a, b) => a + b, 0)).toBe(LARGE_SEED_SIZE.appointments);
    const busiest = counts.indexOf(Math.max(...counts));
    const { kind, days } = practices[busiest]!;
    expect(kind).toBe("gp");
    const perWeekday = counts[busiest]! / days.filter((d) => d.intervals.length > 1).length;
    expect(perWeekday).toBeGreaterThan(20);
    expect(Math.max(...days.map((d) => d.cap))).toBeLessThanOrEqual(DAY_MAXIMUM.gp);
    // The quietest still have some work.
    expect(Math.min(...counts)).toBeGreaterThan(200);
  });
});

// A small data set through the real inserts: the exclusion constraint is in place (migrations run
// first), so any overlap would fail the seed.
const SMALL = { doctors: 8, secretaries: 2, patients: 200, appointments: 4_000, reviews: 20, connections: 50 };

async function checkSmallSet(db: Awaited<ReturnType<typeof freshDatabase>>) {
  const logs: string[] = [];
  expect(await seedLarge(db, { log: (l) => logs.push(l), size: SMALL })).toEqual({ reused: false });
  const [row] = await db
    .execute(
      sql`
      SELECT (SELECT count(*)::int FROM appointments) AS appointments,
             (SELECT count(DISTINCT doctor_id)::int FROM opening_hours) AS with_hours,
             (SELECT count(DISTINCT doctor_id)::int FROM visit_reasons) AS with_motifs,
             (SELECT count(*)::int FROM appointments a JOIN visit_reasons v ON v.id = a.visit_reason_id
               WHERE a.ends_at - a.starts_at <> v.duration_minutes * interval '1 minute') AS wrong_durations,
             (SELECT max(n)::int FROM (SELECT count(*) AS n FROM appointments GROUP BY doctor_id, (starts_at AT TIME ZONE 'Europe/Luxembourg')::date) d) AS busiest_day
    `,
    )
    .then((r) => (r as unknown as { rows: Record<string, number>[] }).rows);
  expect(row).toEqual({
    appointments: SMALL.appointments,
    with_hours: SMALL.doctors,
    with_motifs: SMALL.doctors,
    wrong_durations: 0,
    busiest_day: expect.any(Number),
  });
  expect(row!.busiest_day).toBeLessThanOrEqual(DAY_MAXIMUM.gp);
}

describe("a small large data set", () => {
  it("loads on PGlite without an overlap", async () => {
    await checkSmallSet(await freshDatabase());
  }, 180_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "loads on PostgreSQL without an overlap",
    async () => {
      const pg = (await appOnThrowawayPostgres())!;
      try {
        await checkSmallSet(pg.db);
      } finally {
        await pg.drop();
      }
    },
    180_000,
  );
});
