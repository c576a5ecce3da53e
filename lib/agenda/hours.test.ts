import { describe, expect, it } from "vitest";
import { addDays, instantToWallClock } from "@/lib/time/luxembourg";
import { openIntervals, openingHoursProblems, withinOpenHours, type OpeningInterval } from "./hours";

const HOUR = 3_600_000;
const utc = (iso: string) => new Date(iso);
const monToFri: OpeningInterval[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday: weekday as OpeningInterval["weekday"], startMinute: 480, endMinute: 720 },
  { weekday: weekday as OpeningInterval["weekday"], startMinute: 840, endMinute: 1110 },
]);

describe("opening hours validation", () => {
  it("accepts intervals on the 5-minute grid, start before end, apart within a day", () => {
    expect(openingHoursProblems(monToFri)).toEqual([]);
    expect(openingHoursProblems([{ weekday: 7, startMinute: 0, endMinute: 1440 }])).toEqual([]);
    // Touching intervals do not overlap.
    expect(
      openingHoursProblems([
        { weekday: 1, startMinute: 480, endMinute: 720 },
        { weekday: 1, startMinute: 720, endMinute: 800 },
      ]),
    ).toEqual([]);
  });

  it("refuses off-grid times, empty or reversed intervals, times outside the day, overlaps and unknown weekdays", () => {
    expect(
      openingHoursProblems([
        { weekday: 1, startMinute: 482, endMinute: 720 },
        { weekday: 1, startMinute: 720, endMinute: 720 },
        { weekday: 2, startMinute: 900, endMinute: 840 },
        { weekday: 3, startMinute: -5, endMinute: 60 },
        { weekday: 3, startMinute: 1400, endMinute: 1445 },
        { weekday: 4, startMinute: 480, endMinute: 720 },
        { weekday: 4, startMinute: 700, endMinute: 800 },
        { weekday: 8 as never, startMinute: 480, endMinute: 720 },
        { weekday: 5, startMinute: 480.5, endMinute: 720 },
      ]),
    ).toEqual([
      { index: 0, problem: "off-grid" },
      { index: 1, problem: "empty" },
      { index: 2, problem: "empty" },
      { index: 3, problem: "out-of-day" },
      { index: 4, problem: "out-of-day" },
      { index: 6, problem: "overlap" },
      { index: 7, problem: "weekday" },
      { index: 8, problem: "off-grid" },
    ]);
  });
});

describe("open intervals across daylight saving", () => {
  const sundays: OpeningInterval[] = [{ weekday: 7, startMinute: 0, endMinute: 360 }];
  const slots = (day: string) =>
    openIntervals(day, sundays, [], []).flatMap(({ start, end }) => {
      const out: Date[] = [];
      for (let ms = start.getTime(); ms < end.getTime(); ms += 5 * 60_000) out.push(new Date(ms));
      return out;
    });

  it("opened 00:00–06:00, 28 March 2027 gives 5 hours and 31 October 2027 gives 7 hours of 5-minute slots", () => {
    const spring = openIntervals("2027-03-28", sundays, [], []);
    expect(spring).toEqual([{ start: utc("2027-03-27T23:00:00Z"), end: utc("2027-03-28T04:00:00Z") }]);
    const autumn = openIntervals("2027-10-31", sundays, [], []);
    expect(autumn).toEqual([{ start: utc("2027-10-30T22:00:00Z"), end: utc("2027-10-31T05:00:00Z") }]);
    expect(slots("2027-03-28")).toHaveLength(60);
    expect(slots("2027-10-31")).toHaveLength(84);
    expect((autumn[0]!.end.getTime() - autumn[0]!.start.getTime()) / HOUR).toBe(7);
  });

  it("loses and repeats no slot: every slot is a distinct instant, and wall-clock readings are 00:00–05:55 with 02:xx missing or twice", () => {
    for (const [day, missing, twice] of [
      ["2027-03-28", true, false],
      ["2027-10-31", false, true],
    ] as const) {
      const instants = slots(day);
      expect(new Set(instants.map((d) => d.getTime())).size).toBe(instants.length);
      const readings = instants.map((d) => instantToWallClock(d));
      expect(readings.every((r) => r.day === day && r.minute < 360)).toBe(true);
      const at0230 = readings.filter((r) => r.minute === 150);
      expect(at0230).toHaveLength(missing ? 0 : twice ? 2 : 1);
      // Every other reading appears exactly once.
      const others = readings.filter((r) => r.minute < 120 || r.minute >= 180).map((r) => r.minute);
      expect(others).toEqual(Array.from({ length: 60 }, (_, i) => (i < 24 ? i * 5 : 180 + (i - 24) * 5)));
    }
  });

  it("the Mondays after open at 08:00 local: 06:00 UTC on 29 March, 07:00 UTC on 1 November", () => {
    expect(openIntervals("2027-03-29", monToFri, [], [])[0]!.start).toEqual(utc("2027-03-29T06:00:00Z"));
    expect(openIntervals("2027-11-01", monToFri, [], [])[0]!.start).toEqual(utc("2027-11-01T07:00:00Z"));
  });

  it("a whole week loses no hour: the week of 28 March is 5 × 8.5 h on weekdays", () => {
    const total = Array.from({ length: 7 }, (_, i) => openIntervals(addDays("2027-03-22", i), monToFri, [], []))
      .flat()
      .reduce((sum, s) => sum + (s.end.getTime() - s.start.getTime()), 0);
    expect(total / HOUR).toBe(5 * 8.5);
  });
});

describe("absences and holidays", () => {
  it("an absence cuts the hours; a closed holiday has none; an opened one has its weekday's", () => {
    const absence = { start: utc("2027-06-01T08:00:00Z"), end: utc("2027-06-01T13:00:00Z") }; // Tuesday 10:00–15:00
    expect(openIntervals("2027-06-01", monToFri, [absence], [])).toEqual([
      { start: utc("2027-06-01T06:00:00Z"), end: utc("2027-06-01T08:00:00Z") },
      { start: utc("2027-06-01T13:00:00Z"), end: utc("2027-06-01T16:30:00Z") },
    ]);
    expect(openIntervals("2027-06-23", monToFri, [], new Set(["2027-06-23"]))).toEqual([]);
    expect(openIntervals("2027-06-23", monToFri, [], new Set())).toHaveLength(2);
  });

  it("an appointment is within hours only inside one open span", () => {
    const at = (iso: string) => new Date(iso);
    // Tuesday 1 June 2027: 08:00–12:00 and 14:00–18:30 local (UTC+2).
    expect(withinOpenHours(at("2027-06-01T06:00:00Z"), at("2027-06-01T06:15:00Z"), monToFri, [], [])).toBe(true);
    expect(withinOpenHours(at("2027-06-01T09:45:00Z"), at("2027-06-01T10:00:00Z"), monToFri, [], [])).toBe(true);
    expect(withinOpenHours(at("2027-06-01T09:50:00Z"), at("2027-06-01T10:05:00Z"), monToFri, [], [])).toBe(false);
    expect(withinOpenHours(at("2027-06-01T05:55:00Z"), at("2027-06-01T06:10:00Z"), monToFri, [], [])).toBe(false);
    expect(withinOpenHours(at("2027-06-05T08:00:00Z"), at("2027-06-05T08:15:00Z"), monToFri, [], [])).toBe(false);
    const allWeek: OpeningInterval[] = [
      { weekday: 1, startMinute: 1200, endMinute: 1440 },
      { weekday: 2, startMinute: 0, endMinute: 240 },
    ];
    // Monday 31 May 23:30 to Tuesday 00:30 local: across midnight, open on both sides.
    expect(withinOpenHours(at("2027-05-31T21:30:00Z"), at("2027-05-31T22:30:00Z"), allWeek, [], [])).toBe(true);
  });
});
