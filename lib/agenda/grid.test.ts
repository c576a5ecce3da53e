import { describe, expect, it } from "vitest";
import { wallClockToInstant } from "@/lib/time/luxembourg";
import { buildAxis, layoutColumns, rowPosition, visibleRange, wallClockFields } from "./grid";

const at = (iso: string) => new Date(iso);

describe("buildAxis", () => {
  it("gives an ordinary day 96 rows of 15 minutes, labelled by wall-clock time", () => {
    const axis = buildAxis(["2027-03-22"]);
    expect(axis.rows).toHaveLength(96);
    expect(axis.rows[0]!.label).toBe("00:00");
    expect(axis.rows[33]!.label).toBe("08:15");
    expect(axis.days[0]!.cells[32]!.at).toEqual(at("2027-03-22T07:00:00Z"));
  });

  it("the week of 28 March 2027 keeps 02:00–02:45 for Monday but not for Sunday, which has 92 real rows", () => {
    const days = ["2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25", "2027-03-26", "2027-03-27", "2027-03-28"];
    const axis = buildAxis(days);
    expect(axis.rows).toHaveLength(96);
    const sunday = axis.days[6]!;
    expect(sunday.cells.filter((c) => c.at).length).toBe(92);
    const twoThirty = axis.rows.findIndex((r) => r.label === "02:30");
    expect(sunday.cells[twoThirty]!.at).toBeNull();
    expect(axis.days[0]!.cells[twoThirty]!.at).toEqual(at("2027-03-22T01:30:00Z"));
    // 03:00 on Sunday is summer time: 01:00 UTC.
    expect(sunday.cells[axis.rows.findIndex((r) => r.label === "03:00")]!.at).toEqual(at("2027-03-28T01:00:00Z"));
  });

  it("the week of 31 October 2027 shows 02:00–02:45 twice, (1) summer then (2) winter; Sunday has 100 rows", () => {
    const days = ["2027-10-25", "2027-10-26", "2027-10-27", "2027-10-28", "2027-10-29", "2027-10-30", "2027-10-31"];
    const axis = buildAxis(days);
    expect(axis.rows).toHaveLength(100);
    const labels = axis.rows.map((r) => r.label);
    const first = labels.indexOf("02:30 (1)");
    const second = labels.indexOf("02:30 (2)");
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(first + 4);
    expect(labels).not.toContain("02:30");
    const sunday = axis.days[6]!;
    expect(sunday.cells.filter((c) => c.at).length).toBe(100);
    const repeated = wallClockToInstant("2027-10-31", 150);
    if (repeated.kind !== "ambiguous") throw new Error("02:30 should happen twice");
    expect(sunday.cells[first]!.at).toEqual(repeated.earlier);
    expect(sunday.cells[second]!.at).toEqual(repeated.later);
    // Monday's single 02:30 sits on the (1) row; its (2) row does not exist.
    expect(axis.days[0]!.cells[first]!.at).toEqual(at("2027-10-25T00:30:00Z"));
    expect(axis.days[0]!.cells[second]!.at).toBeNull();
  });

  it("keeps only the rows of the range asked", () => {
    const axis = buildAxis(["2027-03-22"], 8 * 60, 12 * 60);
    expect(axis.rows.map((r) => r.label).slice(0, 2)).toEqual(["08:00", "08:15"]);
    expect(axis.rows).toHaveLength(16);
  });
});

describe("rowPosition", () => {
  const axis = buildAxis(["2027-03-22"], 8 * 60, 12 * 60);
  const cells = axis.days[0]!.cells;
  it("places an instant at its row plus the fraction of the row", () => {
    expect(rowPosition(cells, at("2027-03-22T07:00:00Z"))).toBe(0);
    expect(rowPosition(cells, at("2027-03-22T07:20:00Z"))).toBeCloseTo(1 + 1 / 3);
  });
  it("clamps what falls outside the rows shown", () => {
    expect(rowPosition(cells, at("2027-03-22T05:00:00Z"))).toBe(0);
    expect(rowPosition(cells, at("2027-03-22T11:00:00Z"))).toBe(16);
  });
  it("on the autumn Sunday, an hour-long appointment from 02:30 (2) covers 4 rows after the (2) row", () => {
    const days = buildAxis(["2027-10-31"], 0, 6 * 60);
    const later = wallClockToInstant("2027-10-31", 150);
    if (later.kind !== "ambiguous") throw new Error("ambiguous expected");
    const top = rowPosition(days.days[0]!.cells, later.later);
    const bottom = rowPosition(days.days[0]!.cells, new Date(later.later.getTime() + 3_600_000));
    expect(days.rows[top]!.label).toBe("02:30 (2)");
    expect(bottom - top).toBe(4);
  });
});

describe("layoutColumns", () => {
  const a = (id: string, from: string, to: string) => ({ id, startsAt: at(`2027-03-22T${from}:00Z`), endsAt: at(`2027-03-22T${to}:00Z`) });
  it("gives lone appointments the whole width", () => {
    const out = layoutColumns([a("x", "08:00", "08:30"), a("y", "08:30", "09:00")]);
    expect(out.map((o) => [o.id, o.column, o.columns])).toEqual([
      ["x", 0, 1],
      ["y", 0, 1],
    ]);
  });
  it("puts overlapping ones (en surnombre) side by side and reuses a freed column", () => {
    const out = layoutColumns([a("x", "08:00", "09:00"), a("y", "08:15", "08:30"), a("z", "08:30", "08:45")]);
    expect(out.map((o) => [o.id, o.column, o.columns])).toEqual([
      ["x", 0, 2],
      ["y", 1, 2],
      ["z", 1, 2],
    ]);
  });
});

describe("visibleRange", () => {
  it("is 07:00–19:00 unless hours or appointments reach further, in whole hours", () => {
    expect(visibleRange([])).toEqual({ from: 420, to: 1140 });
    expect(
      visibleRange([
        { start: 0, end: 360 },
        { start: 1200, end: 1235 },
      ]),
    ).toEqual({ from: 0, to: 1260 });
  });
});

describe("wallClockFields", () => {
  it("gives day and time, and which 02:30 on 31 October 2027", () => {
    expect(wallClockFields(at("2027-03-22T07:05:00Z"))).toEqual({ day: "2027-03-22", time: "08:05", occurrence: "" });
    expect(wallClockFields(at("2027-10-31T00:30:00Z"))).toEqual({ day: "2027-10-31", time: "02:30", occurrence: "earlier" });
    expect(wallClockFields(at("2027-10-31T01:30:00Z"))).toEqual({ day: "2027-10-31", time: "02:30", occurrence: "later" });
  });
});
