import { ROW_MINUTES, type Axis, type DayRow } from "@/lib/agenda/grid";
import type { GridDoctorDay } from "@/lib/agenda/grid-view";
import { isActive } from "@/lib/agenda/status";
import { formatTime, instantToWallClock } from "@/lib/time/luxembourg";

// The agenda grid's drawing arithmetic (pure, client-safe): how tall a row is, what a column's
// rows look like, what a quarter hour of a doctor's day reads as.

/** The height of one ROW_MINUTES row, in CSS pixels. */
export const ROW_PX = 28;
export const ROW_MS = ROW_MINUTES * 60_000;
/** Blocks are at least this tall (WCAG 2.5.8, 24 px targets): laid out as if this long. */
export const MIN_BLOCK_PX = 24;
export const MIN_BLOCK_MS = Math.ceil((MIN_BLOCK_PX / ROW_PX) * ROW_MINUTES) * 60_000;

export type BandKind = "missing" | "absence" | "open" | "closed";
/** The keyboard's place on the grid: a column (day, or doctor) and a row. */
export type Cursor = { col: number; row: number };

/** « 08:15 »: an instant's Luxembourg wall-clock time. */
export const hhmm = (at: Date) => formatTime(instantToWallClock(at).minute);

/** How a quarter hour of a doctor's day reads: « libre », « occupé », « fermé », or the absence. */
export function slotState(doctorDay: GridDoctorDay, start: Date): string {
  const end = new Date(start.getTime() + ROW_MS);
  const absence = doctorDay.absences.find((a) => a.startsAt < end && a.endsAt > start);
  if (absence) return `absence (${absence.label})`;
  if (!doctorDay.open.some((s) => s.start < end && s.end > start)) return "fermé";
  return doctorDay.appointments.some((a) => isActive(a.status) && a.startsAt < end && a.endsAt > start) ? "occupé" : "libre";
}

/** A column's rows grouped into runs of one look: a handful of bands instead of a box per row. */
export function bandsOf(cells: readonly DayRow[], doctorDay: GridDoctorDay): { from: number; rows: number; kind: BandKind }[] {
  const bands: { from: number; rows: number; kind: BandKind }[] = [];
  cells.forEach((cell, row) => {
    let kind: BandKind = "missing";
    if (cell.at) {
      const start = cell.at.getTime();
      const end = start + ROW_MS;
      kind = doctorDay.absences.some((a) => a.startsAt.getTime() < end && a.endsAt.getTime() > start)
        ? "absence"
        : doctorDay.open.some((s) => s.start.getTime() < end && s.end.getTime() > start)
          ? "open"
          : "closed";
    }
    const last = bands.at(-1);
    if (last && last.kind === kind && last.from + last.rows === row) last.rows++;
    else bands.push({ from: row, rows: 1, kind });
  });
  return bands;
}

/** The wall-clock minute an interval ends at (24:00 for the next midnight). */
export function endMinute(end: Date): number {
  const minute = instantToWallClock(new Date(end.getTime() - 1)).minute + 1;
  return Math.ceil(minute / 5) * 5;
}

/** Where the keyboard starts: 08:00 of the first column when the axis has it, else its first row. */
export function firstSlot(axis: Axis, columns: number): Cursor | null {
  if (columns === 0) return null;
  const cells = axis.days[0]?.cells ?? [];
  // Start at 08:00 when the axis has it, so Tab lands on a useful slot.
  const eight = axis.rows.findIndex((r) => r.minute === 8 * 60);
  const from = eight >= 0 ? eight : 0;
  for (let r = from; r < cells.length; r++) if (cells[r]!.at) return { col: 0, row: r };
  return null;
}
