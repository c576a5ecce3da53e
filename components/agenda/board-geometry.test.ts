import { describe, expect, it } from "vitest";
import { buildAxis } from "@/lib/agenda/grid";
import type { GridDoctorDay } from "@/lib/agenda/grid-view";
import { bandsOf, endMinute, firstSlot, slotState } from "./board-geometry";

const at = (iso: string) => new Date(iso);

// Wednesday 2 June 2027 (summer time, UTC+2), 07:00–12:00 on the axis: 20 rows of 15 minutes.
const axis = buildAxis(["2027-06-02"], 7 * 60, 12 * 60);
const day: GridDoctorDay = {
  doctorId: "d1",
  // Open 08:00–10:00 local.
  open: [{ start: at("2027-06-02T06:00:00Z"), end: at("2027-06-02T08:00:00Z") }],
  scheduled: [],
  absences: [{ id: "x1", startsAt: at("2027-06-02T08:30:00Z"), endsAt: at("2027-06-02T09:00:00Z"), label: "Formation" }],
  holiday: null,
  appointments: [
    { id: "a1", startsAt: at("2027-06-02T06:15:00Z"), endsAt: at("2027-06-02T06:30:00Z"), status: "booked", patient: "MULLER Zoé", reason: null },
    { id: "a2", startsAt: at("2027-06-02T06:30:00Z"), endsAt: at("2027-06-02T06:45:00Z"), status: "cancelled", patient: "KIEFFER Tom", reason: null },
  ],
};

describe("the grid's drawing arithmetic", () => {
  it("groups a column's rows into bands: closed, open, closed, absence, closed", () => {
    expect(bandsOf(axis.days[0]!.cells, day)).toEqual([
      { from: 0, rows: 4, kind: "closed" },
      { from: 4, rows: 8, kind: "open" },
      { from: 12, rows: 2, kind: "closed" },
      { from: 14, rows: 2, kind: "absence" },
      { from: 16, rows: 4, kind: "closed" },
    ]);
  });

  it("reads a quarter hour as busy only for an active appointment", () => {
    expect(slotState(day, at("2027-06-02T06:15:00Z"))).toBe("occupé");
    expect(slotState(day, at("2027-06-02T06:30:00Z"))).toBe("libre");
    expect(slotState(day, at("2027-06-02T05:00:00Z"))).toBe("fermé");
    expect(slotState(day, at("2027-06-02T08:30:00Z"))).toBe("absence (Formation)");
  });

  it("ends an interval at its wall-clock minute, midnight as 24:00", () => {
    expect(endMinute(at("2027-06-02T06:50:00Z"))).toBe(8 * 60 + 50);
    expect(endMinute(at("2027-06-02T22:00:00Z"))).toBe(24 * 60);
  });

  it("puts the keyboard on 08:00 of the first column, or nowhere without a column", () => {
    expect(firstSlot(axis, 1)).toEqual({ col: 0, row: 4 });
    expect(firstSlot(axis, 0)).toBeNull();
  });
});
