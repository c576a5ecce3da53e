import { describe, expect, it } from "vitest";
import {
  addDays,
  boundaryInstant,
  dayBounds,
  formatTime,
  instantToWallClock,
  isInstantInRange,
  isoWeekday,
  mondayOf,
  parseDay,
  parseTime,
  resolveWallClock,
  todayIn,
  wallClockMarks,
  wallClockToInstant,
} from "./luxembourg";

const utc = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("wall-clock time to instants", () => {
  it("an ordinary time is one instant, in winter and in summer", () => {
    expect(wallClockToInstant("2027-01-15", 9 * 60)).toEqual({ kind: "exact", at: utc("2027-01-15T08:00:00Z") });
    expect(wallClockToInstant("2027-07-15", 9 * 60)).toEqual({ kind: "exact", at: utc("2027-07-15T07:00:00Z") });
  });

  it("Monday 08:00 is 06:00 UTC after the spring change and 07:00 UTC after the autumn one", () => {
    expect(wallClockToInstant("2027-03-29", 8 * 60)).toEqual({ kind: "exact", at: utc("2027-03-29T06:00:00Z") });
    expect(wallClockToInstant("2027-11-01", 8 * 60)).toEqual({ kind: "exact", at: utc("2027-11-01T07:00:00Z") });
  });

  it("02:30 on 28 March 2027 does not exist (clocks jump from 02:00 to 03:00)", () => {
    expect(wallClockToInstant("2027-03-28", 2 * 60 + 30)).toEqual({ kind: "nonexistent" });
    expect(wallClockToInstant("2027-03-28", 2 * 60)).toEqual({ kind: "nonexistent" });
    expect(wallClockToInstant("2027-03-28", 2 * 60 + 55)).toEqual({ kind: "nonexistent" });
    expect(wallClockToInstant("2027-03-28", 3 * 60)).toEqual({ kind: "exact", at: utc("2027-03-28T01:00:00Z") });
    expect(wallClockToInstant("2027-03-28", 60 + 55)).toEqual({ kind: "exact", at: utc("2027-03-28T00:55:00Z") });
  });

  it("02:30 on 31 October 2027 happens twice: summer time first, winter time an hour later", () => {
    expect(wallClockToInstant("2027-10-31", 2 * 60 + 30)).toEqual({
      kind: "ambiguous",
      earlier: utc("2027-10-31T00:30:00Z"),
      later: utc("2027-10-31T01:30:00Z"),
    });
    expect(wallClockToInstant("2027-10-31", 3 * 60)).toEqual({ kind: "exact", at: utc("2027-10-31T02:00:00Z") });
  });

  it("a repeated time is exact once the person chose which", () => {
    expect(resolveWallClock("2027-10-31", 150, "later")).toEqual({ kind: "exact", at: utc("2027-10-31T01:30:00Z") });
    expect(resolveWallClock("2027-10-31", 150)).toMatchObject({ kind: "ambiguous" });
    expect(resolveWallClock("2027-03-28", 150, "earlier")).toEqual({ kind: "nonexistent" });
  });

  it("a boundary in the spring gap is the instant the clocks jumped; a repeated one the chosen occurrence", () => {
    expect(boundaryInstant("2027-03-28", 2 * 60 + 30)).toEqual(utc("2027-03-28T01:00:00Z"));
    expect(boundaryInstant("2027-10-31", 2 * 60 + 30)).toEqual(utc("2027-10-31T00:30:00Z"));
    expect(boundaryInstant("2027-10-31", 2 * 60 + 30, "later")).toEqual(utc("2027-10-31T01:30:00Z"));
  });
});

describe("instants to wall-clock time", () => {
  it("reads day, minute and offset, both readings of the repeated hour included", () => {
    expect(instantToWallClock(utc("2027-03-29T06:00:00Z"))).toEqual({ day: "2027-03-29", minute: 480, offsetMinutes: 120 });
    expect(instantToWallClock(utc("2027-10-31T00:30:00Z"))).toEqual({ day: "2027-10-31", minute: 150, offsetMinutes: 120 });
    expect(instantToWallClock(utc("2027-10-31T01:30:00Z"))).toEqual({ day: "2027-10-31", minute: 150, offsetMinutes: 60 });
    expect(instantToWallClock(utc("2026-12-31T23:30:00Z"))).toEqual({ day: "2027-01-01", minute: 30, offsetMinutes: 60 });
  });

  it("today is Luxembourg's day, not UTC's", () => {
    expect(todayIn(utc("2027-06-30T22:30:00Z"))).toBe("2027-07-01");
  });
});

describe("days", () => {
  it("last 23, 24 or 25 hours", () => {
    const hours = (day: string) => {
      const { start, end } = dayBounds(day);
      return (end.getTime() - start.getTime()) / HOUR;
    };
    expect(hours("2027-03-28")).toBe(23);
    expect(hours("2027-10-31")).toBe(25);
    expect(hours("2027-06-01")).toBe(24);
    expect(dayBounds("2027-03-28").start).toEqual(utc("2027-03-27T23:00:00Z"));
  });

  it("the weeks of both changes lose or repeat no 5-minute mark", () => {
    for (const [monday, changeDay, marks] of [
      ["2027-03-22", "2027-03-28", 276],
      ["2027-10-25", "2027-10-31", 300],
    ] as const) {
      const all = Array.from({ length: 7 }, (_, i) => wallClockMarks(addDays(monday, i))).flat();
      const instants = all.map((m) => m.at.getTime());
      expect(new Set(instants).size).toBe(instants.length);
      const steps = new Set(instants.slice(1).map((ms, i) => ms - instants[i]!));
      expect([...steps]).toEqual([5 * 60_000]);
      expect(wallClockMarks(changeDay)).toHaveLength(marks);
    }
    const spring = wallClockMarks("2027-03-28");
    expect(spring.some((m) => m.minute >= 120 && m.minute < 180)).toBe(false);
    const autumn = wallClockMarks("2027-10-31").filter((m) => m.minute === 150);
    expect(autumn.map((m) => [m.occurrence, m.offsetMinutes])).toEqual([
      ["earlier", 120],
      ["later", 60],
    ]);
  });

  it("weekdays and Mondays", () => {
    expect(isoWeekday("2027-03-29")).toBe(1);
    expect(isoWeekday("2027-03-28")).toBe(7);
    expect(mondayOf("2027-03-28")).toBe("2027-03-22");
    expect(mondayOf("2027-03-29")).toBe("2027-03-29");
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
});

describe("strict parsing", () => {
  it("accepts a real calendar day between 1900 and 2200 only", () => {
    expect(parseDay("2027-03-28")).toBe("2027-03-28");
    expect(parseDay("2028-02-29")).toBe("2028-02-29");
    for (const bad of [
      "2027-02-30",
      "2027-02-29",
      "10000-01-01",
      "2027-13-01",
      "2027-3-28",
      "1899-12-31",
      "2201-01-01",
      "28/03/2027",
      "",
      " 2027-03-28",
      null,
      20270328,
    ]) {
      expect(parseDay(bad)).toBeNull();
    }
  });

  it("accepts HH:MM only; 24:00 only as the end of a day", () => {
    expect(parseTime("08:05")).toBe(485);
    expect(parseTime("00:00")).toBe(0);
    expect(parseTime("23:59")).toBe(1439);
    expect(parseTime("24:00", { endOfDay: true })).toBe(1440);
    for (const bad of ["24:00", "7:3", "7:30", "07:3", "24:05", "12:60", "08h00", "0800", "", "08:00 ", null]) {
      expect(parseTime(bad)).toBeNull();
    }
    expect(parseTime("24:05", { endOfDay: true })).toBeNull();
    expect(formatTime(485)).toBe("08:05");
    expect(formatTime(1440)).toBe("24:00");
  });

  it("keeps instants within the years the app accepts", () => {
    expect(isInstantInRange(utc("2027-03-28T01:00:00Z"))).toBe(true);
    expect(isInstantInRange(new Date(Date.UTC(10000, 0, 1)))).toBe(false);
    expect(isInstantInRange(utc("2200-12-31T22:59:00Z"))).toBe(true);
    expect(isInstantInRange(utc("2200-12-31T23:00:00Z"))).toBe(false);
    expect(isInstantInRange(new Date(Number.NaN))).toBe(false);
  });
});
