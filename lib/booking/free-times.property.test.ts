import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { absences, appointments, onlineBookingSettings, onlineBookingWindows, visitReasons } from "@/db/schema";
import type { Database } from "@/db/client";
import { testPractice, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { boundaryInstant, dayBounds, isoWeekday } from "@/lib/time/luxembourg";
import { checkBookableTime, loadFreeTimes } from "./availability";

// Whatever the windows, appointments (overbooked, cancelled), absences, notice and motif duration,
// on an ordinary day and on both daylight-saving Sundays of 2027: every time offered lies in a
// window, after the notice, clear of every active appointment and absence, is accepted by
// checkBookableTime, and — all of them at once — is accepted by the database's no-overlap rule.

const DAYS = ["2027-06-01", "2027-03-28", "2027-10-31"] as const;
const MINUTE = 60_000;

type Scenario = {
  day: (typeof DAYS)[number];
  windows: { start: number; length: number }[];
  booked: { start: number; length: number; overbooked: boolean; cancelled: boolean }[];
  absent: { start: number; length: number }[];
  duration: number;
  noticeMinutes: number;
};

// Minutes of the wall-clock day, on the 5-minute grid; absences at any minute.
const grid = (max: number) => fc.integer({ min: 0, max: max / 5 }).map((n) => n * 5);
const scenario: fc.Arbitrary<Scenario> = fc.record({
  day: fc.constantFrom(...DAYS),
  windows: fc.array(fc.record({ start: grid(1380), length: grid(360).filter((l) => l > 0) }), { minLength: 1, maxLength: 3 }),
  booked: fc.array(fc.record({ start: grid(1435), length: grid(120).filter((l) => l > 0), overbooked: fc.boolean(), cancelled: fc.boolean() }), {
    maxLength: 8,
  }),
  absent: fc.array(fc.record({ start: fc.integer({ min: 0, max: 1400 }), length: fc.integer({ min: 1, max: 240 }) }), { maxLength: 2 }),
  duration: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
  noticeMinutes: fc.constantFrom(0, 60, 120, 600),
});

let db: Database;
let practice: TestPractice;

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Property");
  await db
    .insert(onlineBookingSettings)
    .values({ doctorId: practice.doctor.id, slug: "dr-jos-property", enabled: true, customWindows: true, horizonWeeks: 26 });
  await db.update(visitReasons).set({ bookableOnline: true }).where(eq(visitReasons.id, practice.motifs.long));
});

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;

async function arrange(s: Scenario) {
  const doctorId = practice.doctor.id;
  await db.delete(appointments).where(eq(appointments.doctorId, doctorId));
  await db.delete(absences).where(eq(absences.doctorId, doctorId));
  await db.delete(onlineBookingWindows).where(eq(onlineBookingWindows.doctorId, doctorId));
  await db.update(visitReasons).set({ durationMinutes: s.duration }).where(eq(visitReasons.id, practice.motifs.long));
  await db.update(onlineBookingSettings).set({ minNoticeMinutes: s.noticeMinutes }).where(eq(onlineBookingSettings.doctorId, doctorId));
  // Windows of one weekday never overlap (as the settings form requires): keep the first of a clash.
  const weekday = isoWeekday(s.day);
  const windows: { start: number; end: number }[] = [];
  for (const w of s.windows) {
    const end = Math.min(1440, w.start + w.length);
    if (end > w.start && !windows.some((o) => w.start < o.end && o.start < end)) windows.push({ start: w.start, end });
  }
  if (windows.length) {
    await db.insert(onlineBookingWindows).values(windows.map((w) => ({ doctorId, weekday, startMinute: w.start, endMinute: w.end })));
  }
  // Appointments as real instants from the day's start; ordinary active ones kept apart, as the
  // exclusion constraint keeps them.
  const dayStart = dayBounds(s.day).start.getTime();
  const busy: { start: Date; end: Date }[] = [];
  const ordinary: { start: Date; end: Date }[] = [];
  for (const b of s.booked) {
    const span = { start: new Date(dayStart + b.start * MINUTE), end: new Date(dayStart + (b.start + b.length) * MINUTE) };
    const counted = !b.cancelled && !b.overbooked;
    if (counted && ordinary.some((o) => overlaps(o, span))) continue;
    if (counted) ordinary.push(span);
    if (!b.cancelled) busy.push(span);
    await db.insert(appointments).values({
      doctorId,
      patientId: practice.patientIds[0],
      startsAt: span.start,
      endsAt: span.end,
      bookedVia: "practice",
      overbooked: b.overbooked,
      ...(b.cancelled ? { status: "cancelled" as const, cancelledBy: "practice" as const } : {}),
    });
  }
  const absent = s.absent.map((a) => ({ start: new Date(dayStart + a.start * MINUTE), end: new Date(dayStart + (a.start + a.length) * MINUTE) }));
  if (absent.length) await db.insert(absences).values(absent.map((a) => ({ doctorId, startsAt: a.start, endsAt: a.end, label: "Absent" })));
  return { busy, absent, windows };
}

describe("every offered time can be booked", () => {
  it("offers only times inside the windows, after the notice, clear of appointments and absences, and the database takes them all", async () => {
    let offeredTotal = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { busy, absent, windows: windowSpans } = await arrange(s);
        const { start: from, end: to } = dayBounds(s.day);
        // « Now » is the evening before the day, so the notice bites in the morning.
        const now = new Date(from.getTime() - 2 * 3_600_000);
        const days = await loadFreeTimes({ doctorId: practice.doctor.id, visitReasonId: practice.motifs.long, from, to, now }, { db });
        const starts = days.flatMap((d) => d.starts);
        offeredTotal += starts.length;
        const offered = starts.map((start) => ({ start, end: new Date(start.getTime() + s.duration * MINUTE) }));
        const joinedWindows: { start: number; end: number }[] = [];
        for (const w of [...windowSpans].sort((a, b) => a.start - b.start)) {
          const last = joinedWindows.at(-1);
          if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
          else joinedWindows.push({ ...w });
        }
        for (const [i, o] of offered.entries()) {
          expect(o.start.getTime() % (5 * MINUTE)).toBe(0);
          expect(o.start.getTime()).toBeGreaterThanOrEqual(now.getTime() + s.noticeMinutes * MINUTE);
          expect(busy.some((b) => overlaps(b, o))).toBe(false);
          expect(absent.some((a) => overlaps(a, o))).toBe(false);
          // Inside one window of the day, its wall-clock bounds read as instants; windows that touch
          // (08:00–12:00 and 12:00–12:05) are one stretch of time, as the booking's check reads them.
          expect(joinedWindows.some((w) => boundaryInstant(s.day, w.start) <= o.start && o.end <= boundaryInstant(s.day, w.end))).toBe(true);
          if (i > 0) expect(offered[i - 1]!.end <= o.start).toBe(true);
        }
        // A sample goes through the booking's own check.
        for (const o of [offered[0], offered[offered.length - 1]].filter(Boolean)) {
          const check = await checkBookableTime(db, {
            doctorId: practice.doctor.id,
            visitReasonId: practice.motifs.long,
            startsAt: o!.start,
            newPatient: false,
            now,
          });
          expect(check).toEqual({ kind: "ok", endsAt: o!.end });
        }
        // All the offered times at once, as ordinary appointments: the exclusion constraint agrees.
        if (offered.length) {
          await expect(
            db.transaction(async (tx) => {
              await tx.insert(appointments).values(
                offered.map((o) => ({
                  doctorId: practice.doctor.id,
                  patientId: practice.patientIds[1],
                  startsAt: o.start,
                  endsAt: o.end,
                  bookedVia: "online" as const,
                })),
              );
            }),
          ).resolves.toBeUndefined();
          const stored = await db
            .select()
            .from(appointments)
            .where(and(eq(appointments.doctorId, practice.doctor.id), eq(appointments.bookedVia, "online")));
          expect(stored).toHaveLength(offered.length);
        }
      }),
      { numRuns: 30 },
    );
    // The scenarios did offer times, not only empty days.
    expect(offeredTotal).toBeGreaterThan(0);
    // Each run writes and reads the database a dozen times: generous on a busy shared machine.
  }, 240_000);
});
