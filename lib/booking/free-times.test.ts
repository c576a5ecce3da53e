import { describe, expect, it } from "vitest";
import type { OpeningInterval, Span } from "@/lib/agenda/hours";
import { publicHolidaysBetween } from "@/lib/agenda/holidays";
import { formatTime, instantToWallClock } from "@/lib/time/luxembourg";
import { bookingBounds, computeFreeTimes, type FreeTimesInput } from "./free-times";

const utc = (iso: string) => new Date(iso);
const weekdays = (startMinute: number, endMinute: number, days: OpeningInterval["weekday"][] = [1, 2, 3, 4, 5]): OpeningInterval[] =>
  days.map((weekday) => ({ weekday, startMinute, endMinute }));
// Monday to Friday 08:00–12:00 and 14:00–18:00.
const practiceHours = [...weekdays(480, 720), ...weekdays(840, 1080)];

function input(over: Partial<FreeTimesInput>): FreeTimesInput {
  return {
    fromDay: "2027-06-07",
    toDay: "2027-06-07",
    windows: practiceHours,
    absences: [],
    closedHolidays: new Set(),
    busy: [],
    durationMinutes: 30,
    earliest: utc("2027-01-01T00:00:00Z"),
    horizonEnd: utc("2028-01-01T00:00:00Z"),
    ...over,
  };
}

/** The wall-clock times (HH:MM) offered on each day. */
function clock(days: { day: string; starts: Date[] }[]): Record<string, string[]> {
  return Object.fromEntries(days.map((d) => [d.day, d.starts.map((s) => formatTime(instantToWallClock(s).minute))]));
}

const span = (start: string, end: string): Span => ({ start: utc(start), end: utc(end) });

describe("free times", () => {
  it("steps by the motif's duration from each window's start, and skips the break between windows", () => {
    // Monday 7 June 2027 (summer time, UTC+2).
    const days = computeFreeTimes(input({ durationMinutes: 60 }));
    expect(clock(days)).toEqual({ "2027-06-07": ["08:00", "09:00", "10:00", "11:00", "14:00", "15:00", "16:00", "17:00"] });
    expect(days[0]!.starts[0]).toEqual(utc("2027-06-07T06:00:00Z"));
  });

  it("offers only starts whose whole duration fits when the duration does not divide the window", () => {
    // 08:00–12:00 is 240 minutes: 35-minute visits fit six times (until 11:30), the seventh would end 12:05.
    const days = computeFreeTimes(input({ windows: weekdays(480, 720), durationMinutes: 35 }));
    expect(clock(days)["2027-06-07"]).toEqual(["08:00", "08:35", "09:10", "09:45", "10:20", "10:55"]);
    // A 45-minute visit in a 40-minute window: nothing.
    expect(computeFreeTimes(input({ windows: weekdays(480, 520), durationMinutes: 45 }))[0]!.starts).toEqual([]);
  });

  it("starts again at the end of each appointment, overbooked ones included, and ignores none of them", () => {
    const days = computeFreeTimes(
      input({
        windows: weekdays(480, 720),
        durationMinutes: 30,
        busy: [
          span("2027-06-07T06:10:00Z", "2027-06-07T06:25:00Z"), // 08:10–08:25
          span("2027-06-07T07:30:00Z", "2027-06-07T08:15:00Z"), // 09:30–10:15
          span("2027-06-07T07:45:00Z", "2027-06-07T08:30:00Z"), // overbooked over it, to 10:30
        ],
      }),
    );
    expect(clock(days)["2027-06-07"]).toEqual(["08:25", "08:55", "10:30", "11:00", "11:30"]);
  });

  it("leaves out absences, and aligns a start after an absence ending off the grid to the next 5 minutes", () => {
    const days = computeFreeTimes(
      input({
        fromDay: "2027-06-07",
        toDay: "2027-06-08",
        windows: weekdays(480, 720),
        durationMinutes: 60,
        absences: [
          span("2027-06-07T06:00:00Z", "2027-06-07T07:07:00Z"), // 08:00–09:07 on Monday
          span("2027-06-08T00:00:00Z", "2027-06-09T00:00:00Z"), // the whole Tuesday
        ],
      }),
    );
    expect(clock(days)).toEqual({ "2027-06-07": ["09:10", "10:10"], "2027-06-08": [] });
  });

  it("closes public holidays the practice did not open, and opens those it did", () => {
    // Whit Monday 2027 is 17 May, a public holiday in Luxembourg.
    const holidays = new Set(publicHolidaysBetween("2027-05-17", "2027-05-18").map((h) => h.day));
    expect([...holidays]).toEqual(["2027-05-17"]);
    const closed = computeFreeTimes(input({ fromDay: "2027-05-17", toDay: "2027-05-18", windows: weekdays(480, 600), closedHolidays: holidays }));
    expect(clock(closed)).toEqual({ "2027-05-17": [], "2027-05-18": ["08:00", "08:30", "09:00", "09:30"] });
    const opened = computeFreeTimes(input({ fromDay: "2027-05-17", toDay: "2027-05-17", windows: weekdays(480, 600), closedHolidays: new Set() }));
    expect(opened[0]!.starts).toHaveLength(4);
  });

  it("keeps the minimum notice without moving the grid, and stops at the horizon", () => {
    const now = utc("2027-06-07T06:20:00Z"); // Monday 08:20
    const { earliest, horizonEnd } = bookingBounds(now, 120, 1);
    expect(earliest).toEqual(utc("2027-06-07T08:20:00Z"));
    // One week: Monday 7 to Sunday 13 June included; Monday 14 is beyond.
    expect(horizonEnd).toEqual(utc("2027-06-13T22:00:00Z"));
    const days = computeFreeTimes(input({ fromDay: "2027-06-07", toDay: "2027-06-14", windows: weekdays(480, 720), earliest, horizonEnd }));
    const times = clock(days);
    // 10:20 is the earliest allowed: the grid from 08:00 offers 10:30 next, not 10:20.
    expect(times["2027-06-07"]).toEqual(["10:30", "11:00", "11:30"]);
    expect(times["2027-06-11"]).toHaveLength(8);
    expect(times["2027-06-14"]).toEqual([]);
  });

  it("turns windows into the right instants on both sides of the spring change (28 March 2027)", () => {
    const days = computeFreeTimes(input({ fromDay: "2027-03-26", toDay: "2027-03-29", windows: weekdays(480, 540), durationMinutes: 30 }));
    // Friday in winter time (UTC+1), Monday in summer time (UTC+2): 08:00 both days.
    expect(days[0]!.starts).toEqual([utc("2027-03-26T07:00:00Z"), utc("2027-03-26T07:30:00Z")]);
    expect(days[3]!.starts).toEqual([utc("2027-03-29T06:00:00Z"), utc("2027-03-29T06:30:00Z")]);
  });

  it("steps in real time through the missing hour of 28 March and the repeated hour of 31 October 2027", () => {
    const night = weekdays(60, 240, [7]); // Sundays 01:00–04:00
    const spring = computeFreeTimes(input({ fromDay: "2027-03-28", toDay: "2027-03-28", windows: night, durationMinutes: 30 }));
    // 01:00–04:00 lasts two real hours that night: no 02:xx exists.
    expect(clock(spring)["2027-03-28"]).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    const autumn = computeFreeTimes(input({ fromDay: "2027-10-31", toDay: "2027-10-31", windows: night, durationMinutes: 30 }));
    // Four real hours: 02:00 and 02:30 come twice, each a distinct instant.
    expect(clock(autumn)["2027-10-31"]).toEqual(["01:00", "01:30", "02:00", "02:30", "02:00", "02:30", "03:00", "03:30"]);
    expect(new Set(autumn[0]!.starts.map((s) => s.getTime())).size).toBe(8);
    // 45-minute visits: 01:00 and 01:45; a third would start 03:30 summer time and end after 04:00.
    const long = computeFreeTimes(input({ fromDay: "2027-03-28", toDay: "2027-03-28", windows: night, durationMinutes: 45 }));
    expect(long[0]!.starts).toEqual([utc("2027-03-28T00:00:00Z"), utc("2027-03-28T00:45:00Z")]);
  });

  it("lists every day of the range, and refuses a duration that is not one", () => {
    const days = computeFreeTimes(input({ fromDay: "2027-06-05", toDay: "2027-06-08" }));
    expect(days.map((d) => d.day)).toEqual(["2027-06-05", "2027-06-06", "2027-06-07", "2027-06-08"]);
    expect(days[0]!.starts).toEqual([]);
    expect(() => computeFreeTimes(input({ durationMinutes: 0 }))).toThrow(RangeError);
  });
});
