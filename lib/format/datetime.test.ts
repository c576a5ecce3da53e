import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatCalendarDayMonth, formatCalendarRange, formatDate, formatDateTime } from "./datetime";

describe("Luxembourg time", () => {
  it("shows summer instants at UTC+2 and winter ones at UTC+1", () => {
    expect(formatDateTime(new Date("2026-07-14T06:05:00Z"))).toBe("14/07/2026 08:05");
    expect(formatDateTime(new Date("2026-01-14T06:05:00Z"))).toBe("14/01/2026 07:05");
  });

  it("puts a late-evening UTC instant on the next Luxembourg day", () => {
    expect(formatDate(new Date("2026-03-31T22:30:00Z"))).toBe("01/04/2026");
  });

  it("shows calendar dates as written, whatever the time zone", () => {
    expect(formatCalendarDayMonth("2026-03-30")).toBe("30 mars");
    expect(formatCalendarDate("2026-01-12")).toBe("12 janvier 2026");
    expect(formatCalendarDate("1991-04-01")).toBe("1er avril 1991");
    expect(formatCalendarDate("1991-04-11")).toBe("11 avril 1991");
    expect(formatCalendarDayMonth("2026-12-01")).toBe("1er déc.");
    expect(() => formatCalendarDate("12/01/2026")).toThrow(RangeError);
  });

  it("writes a span of dates with each month and year once, in full", () => {
    expect(formatCalendarRange("2026-12-07", "2026-12-13")).toBe("7 au 13 décembre 2026");
    expect(formatCalendarRange("2026-12-28", "2027-01-03")).toBe("28 décembre 2026 au 3 janvier 2027");
    expect(formatCalendarRange("2027-03-29", "2027-04-04")).toBe("29 mars au 4 avril 2027");
    expect(formatCalendarRange("2027-03-01", "2027-03-07")).toBe("1er au 7 mars 2027");
    expect(formatCalendarRange("2027-01-25", "2027-02-01")).toBe("25 janvier au 1er février 2027");
    expect(() => formatCalendarRange("2026-12-07", "13/12/2026")).toThrow(RangeError);
  });
});
