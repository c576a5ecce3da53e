import { describe, expect, it } from "vitest";
import { formatDateTime, luxembourgDayStart } from "./datetime";

describe("Luxembourg time", () => {
  it("shows UTC instants in Luxembourg time, summer and winter", () => {
    expect(formatDateTime(new Date("2026-01-15T23:30:00Z"))).toMatch(/16\/01\/2026.*00:30/);
    expect(formatDateTime(new Date("2026-07-15T22:30:00Z"))).toMatch(/16\/07\/2026.*00:30/);
  });

  it("finds when a Luxembourg day starts, across daylight saving time", () => {
    expect(luxembourgDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(luxembourgDayStart("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(luxembourgDayStart("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });
});
