import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments } from "@/db/schema";
import type { Database } from "@/db/client";
import { testPractice, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { cancelAppointment, createAppointment, moveAppointment, resizeAppointment, setAppointmentStatus } from "./appointments";
import type { SettableStatus } from "./status";

// Whatever a practice does, in any order, through the real domain functions on the embedded
// database: no two active appointments of the doctor overlap unless one is « en surnombre », and
// every refused operation leaves the table as it was. The times are crowded into two hours so
// that collisions are the rule, not the exception.

const DAY_START = Date.UTC(2027, 5, 1, 6, 0); // Tuesday 1 June 2027, 08:00 in Luxembourg
const SLOT = 5 * 60_000;
const SLOTS = 24;
const LATER = new Date(Date.UTC(2027, 6, 1)); // « now » for statuses: every appointment is past

type Op =
  | { op: "create"; slot: number; length: number; overbooked: boolean; patient: 0 | 1 }
  | { op: "move"; pick: number; slot: number; overbooked: boolean | undefined }
  | { op: "resize"; pick: number; length: number }
  | { op: "cancel"; pick: number; by: "patient" | "practice" }
  | { op: "status"; pick: number; to: SettableStatus };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("create" as const),
      slot: fc.integer({ min: 0, max: SLOTS - 1 }),
      length: fc.integer({ min: 1, max: 6 }),
      overbooked: fc.constantFrom(false, false, false, true),
      patient: fc.constantFrom(0 as const, 1 as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("move" as const),
      pick: fc.nat(),
      slot: fc.integer({ min: 0, max: SLOTS - 1 }),
      overbooked: fc.constantFrom(undefined, undefined, true, false),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("resize" as const), pick: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant("cancel" as const), pick: fc.nat(), by: fc.constantFrom("patient" as const, "practice" as const) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("status" as const),
      pick: fc.nat(),
      to: fc.constantFrom<SettableStatus>("booked", "arrived", "done", "no_show"),
    }),
  },
);

let db: Database;
let practice: TestPractice;

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db);
});

type Row = typeof appointments.$inferSelect;

const rowsOf = async () => db.select().from(appointments).where(eq(appointments.doctorId, practice.doctor.id)).orderBy(asc(appointments.id));

function overlapping(rows: Row[]): [Row, Row] | null {
  const counted = rows.filter((r) => r.status !== "cancelled" && !r.overbooked);
  for (const [i, a] of counted.entries()) {
    for (const b of counted.slice(i + 1)) if (a.startsAt < b.endsAt && b.startsAt < a.endsAt) return [a, b];
  }
  return null;
}

/** Whether [start, end) would overlap an active, ordinary appointment other than `self`. */
function clashes(rows: Row[], start: Date, end: Date, self?: string): boolean {
  return rows.some((r) => r.id !== self && r.status !== "cancelled" && !r.overbooked && r.startsAt < end && start < r.endsAt);
}

async function run(step: Op, rows: Row[]) {
  const access = practice.viaSecretary;
  const deps = { db, now: LATER };
  const at = (slot: number) => new Date(DAY_START + slot * SLOT);
  const picked = rows.length ? rows[("pick" in step ? step.pick : 0) % rows.length]! : null;
  switch (step.op) {
    case "create":
      return createAppointment(
        access,
        {
          patientId: practice.patientIds[step.patient],
          visitReasonId: null,
          startsAt: at(step.slot),
          endsAt: at(step.slot + step.length),
          overbooked: step.overbooked,
          outsideHoursConfirmed: true,
        },
        deps,
      );
    case "move":
      if (!picked) return null;
      return moveAppointment(access, picked.id, { startsAt: at(step.slot), overbooked: step.overbooked, outsideHoursConfirmed: true }, deps);
    case "resize":
      if (!picked) return null;
      return resizeAppointment(access, picked.id, { durationMinutes: step.length * 5, outsideHoursConfirmed: true }, deps);
    case "cancel":
      if (!picked) return null;
      return cancelAppointment(access, picked.id, step.by, deps);
    case "status":
      if (!picked) return null;
      return setAppointmentStatus(access, picked.id, step.to, deps);
  }
}

/** Where the appointment would be after the step, for the ones that set times. */
function target(step: Op, rows: Row[]): { start: Date; end: Date; self?: string; overbooked: boolean } | null {
  const at = (slot: number) => new Date(DAY_START + slot * SLOT);
  if (step.op === "create") return { start: at(step.slot), end: at(step.slot + step.length), overbooked: step.overbooked };
  if (!rows.length) return null;
  const row = rows[step.pick % rows.length]!;
  if (step.op === "move") {
    const start = at(step.slot);
    return {
      start,
      end: new Date(start.getTime() + (row.endsAt.getTime() - row.startsAt.getTime())),
      self: row.id,
      overbooked: step.overbooked ?? row.overbooked,
    };
  }
  if (step.op === "resize")
    return { start: row.startsAt, end: new Date(row.startsAt.getTime() + step.length * SLOT), self: row.id, overbooked: row.overbooked };
  return null;
}

describe("no double booking, whatever the sequence", () => {
  it("keeps active ordinary appointments apart, refuses only real clashes, and writes nothing when it refuses", async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 12 }), async (ops) => {
        await db.delete(appointments).where(eq(appointments.doctorId, practice.doctor.id));
        for (const step of ops) {
          const before = await rowsOf();
          const result = await run(step, before);
          const after = await rowsOf();
          if (result) outcomes.set(result.kind, (outcomes.get(result.kind) ?? 0) + 1);
          if (result && result.kind !== "done") expect(after).toEqual(before);
          if (result?.kind === "taken") {
            // Refused by the database only when the new times really clash.
            const t = target(step, before);
            expect(t && !t.overbooked && clashes(before, t.start, t.end, t.self)).toBe(true);
          }
          if (result?.kind === "done" && (step.op === "create" || step.op === "move" || step.op === "resize")) {
            const t = target(step, before)!;
            if (!t.overbooked) expect(clashes(before, t.start, t.end, t.self)).toBe(false);
          }
          expect(overlapping(after)).toBeNull();
        }
      }),
      { numRuns: 40 },
    );
    // The sequences did meet clashes and refusals, not only free times.
    expect(outcomes.get("taken")).toBeGreaterThan(0);
    expect(outcomes.get("done")).toBeGreaterThan(0);
  });
});
