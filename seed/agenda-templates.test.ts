import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayCapacity, HOURS, MOTIFS, planDay, WITH_SATURDAY_MORNING } from "./agenda-templates";
import { seededRandom } from "./random";

describe("a seeded day", () => {
  it("lays every appointment inside one opening interval, on the 5-minute grid, none overlapping", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("gp", "paediatrics", "specialist", "dentist" as const),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer(),
        (kind, weekday, count, seed) => {
          const intervals = HOURS[kind].filter((i) => i.weekday === weekday);
          const plan = planDay(intervals, count, MOTIFS[kind], seededRandom(seed));
          expect(plan.length).toBeLessThanOrEqual(count);
          for (const [i, a] of plan.entries()) {
            const end = a.startMinute + a.durationMinutes;
            expect(a.startMinute % 5).toBe(0);
            expect(a.durationMinutes).toBe(MOTIFS[kind][a.motif]!.durationMinutes);
            expect(intervals.some((iv) => iv.startMinute <= a.startMinute && end <= iv.endMinute)).toBe(true);
            if (i > 0) expect(a.startMinute).toBeGreaterThanOrEqual(plan[i - 1]!.startMinute + plan[i - 1]!.durationMinutes);
          }
          // Up to the day's capacity, every appointment asked for is placed.
          if (count <= dayCapacity(intervals, MOTIFS[kind])) expect(plan).toHaveLength(count);
        },
      ),
    );
  });

  it("fits a busy general practitioner's day: 28 appointments on 8.5 hours", () => {
    const monday = HOURS.gp.filter((i) => i.weekday === 1);
    expect(dayCapacity(monday, MOTIFS.gp)).toBe(28);
    for (let seed = 0; seed < 50; seed++) expect(planDay(monday, 28, MOTIFS.gp, seededRandom(seed)).length).toBe(28);
    expect(WITH_SATURDAY_MORNING(HOURS.gp).filter((i) => i.weekday === 6)).toEqual([{ weekday: 6, startMinute: 540, endMinute: 720 }]);
  });
});
