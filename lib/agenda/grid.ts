import { dayBounds, formatTime, instantToWallClock, wallClockMarks, wallClockToInstant, type Occurrence } from "@/lib/time/luxembourg";

// The agenda grid's geometry (pure, client-safe): which rows the time axis has, where an instant
// falls on it, and how overlapping appointments share a column. Rows are ROW_MINUTES of real time;
// the axis of a week is the union of its days' wall-clock rows, so a week that loses an hour (last
// Sunday of March) shows its missing rows as « n'existe pas » on that Sunday only, and a week that
// repeats one (last Sunday of October) shows 02:00–02:59 twice, labelled (1) and (2).

export const ROW_MINUTES = 15;
const ROW_MS = ROW_MINUTES * 60_000;

/** One row of the axis: a wall-clock time of day, and for a repeated hour which of the two. */
export type AxisRow = { minute: number; occurrence?: Occurrence; label: string; hint?: string };

/** One row of one day: the instant it starts at, or null when the day has no such time. */
export type DayRow = { at: Date | null };

export type Axis = { readonly rows: readonly AxisRow[]; readonly days: readonly { day: string; start: Date; end: Date; cells: readonly DayRow[] }[] };

const rowKey = (minute: number, occurrence?: Occurrence) => `${minute}${occurrence === "later" ? "b" : ""}`;

function label(minute: number, occurrence?: Occurrence): Pick<AxisRow, "label" | "hint"> {
  if (!occurrence) return { label: formatTime(minute) };
  return occurrence === "earlier"
    ? { label: `${formatTime(minute)} (1)`, hint: "première fois, heure d'été" }
    : { label: `${formatTime(minute)} (2)`, hint: "seconde fois, heure d'hiver" };
}

/**
 * The axis of `days` between wall-clock minutes `fromMinute` and `toMinute` (rows starting in
 * [from, to)). Each day has one cell per axis row: the instant of that row on that day, or null.
 */
export function buildAxis(days: readonly string[], fromMinute = 0, toMinute = 1440): Axis {
  // The same few weeks are drawn on every page view and refresh of every agenda: an axis is
  // remembered, and shared (read only) by those who ask for it again.
  const key = `${days.join(",")}|${fromMinute}|${toMinute}`;
  let axis = axes.get(key);
  if (!axis) {
    if (axes.size >= 64) axes.delete(axes.keys().next().value!);
    axis = computeAxis(days, fromMinute, toMinute);
    axes.set(key, axis);
  }
  return axis;
}

const axes = new Map<string, Axis>();

function computeAxis(days: readonly string[], fromMinute: number, toMinute: number): Axis {
  const perDay = days.map((day) => ({
    day,
    ...dayBounds(day),
    marks: wallClockMarks(day, ROW_MINUTES).filter((m) => m.minute >= fromMinute && m.minute < toMinute),
  }));
  const keys = new Map<string, AxisRow>();
  for (const { marks } of perDay) {
    for (const m of marks) {
      const key = rowKey(m.minute, m.occurrence);
      if (!keys.has(key) || m.occurrence)
        keys.set(key, { minute: m.minute, ...(m.occurrence ? { occurrence: m.occurrence } : {}), ...label(m.minute, m.occurrence) });
    }
  }
  // In time order: the repeated hour's (2) rows come after its (1) rows and before what follows.
  const repeated = new Set([...keys.values()].filter((r) => r.occurrence === "later").map((r) => r.minute));
  const hi = repeated.size ? Math.max(...repeated) + ROW_MINUTES : 0;
  const span = repeated.size ? hi - Math.min(...repeated) : 0;
  const order = (r: AxisRow) => (r.occurrence === "later" || r.minute >= hi ? r.minute + span : r.minute);
  // A day without the repeat shows its plain 02:xx on the (1) row.
  const finalRows = [...keys.values()].filter((r) => !(r.occurrence === undefined && repeated.has(r.minute))).sort((a, b) => order(a) - order(b));
  return {
    rows: finalRows,
    days: perDay.map(({ day, start, end, marks }) => {
      const byKey = new Map(marks.map((m) => [rowKey(m.minute, m.occurrence), m.at]));
      return {
        day,
        start,
        end,
        cells: finalRows.map((r) => ({
          at: byKey.get(rowKey(r.minute, r.occurrence)) ?? null,
        })),
      };
    }),
  };
}

/**
 * Where instant `at` falls on a day's column, in rows from the top (fractional), clamped to the
 * rows shown: before the first row → 0, after the last → the row count.
 */
export function rowPosition(cells: readonly DayRow[], at: Date): number {
  const t = at.getTime();
  let lastBefore = -1;
  for (let i = 0; i < cells.length; i++) {
    const start = cells[i]!.at?.getTime();
    if (start === undefined) continue;
    if (t >= start && t < start + ROW_MS) return i + (t - start) / ROW_MS;
    if (start < t) lastBefore = i;
  }
  // Between rows shown (a gap in range) or outside them: snap to the boundary after the last row before.
  return lastBefore + 1;
}

/** The wall-clock range the grid shows: at least 07:00–19:00, widened to whole hours to cover `minutes`. */
export function visibleRange(minutes: readonly { start: number; end: number }[], base = { from: 7 * 60, to: 19 * 60 }): { from: number; to: number } {
  let { from, to } = base;
  for (const m of minutes) {
    from = Math.min(from, Math.floor(m.start / 60) * 60);
    to = Math.max(to, Math.ceil(m.end / 60) * 60);
  }
  return { from: Math.max(0, from), to: Math.min(1440, to) };
}

/**
 * Side-by-side columns for overlapping items of one day: each gets a `column` and the number of
 * `columns` of its cluster (items chained by overlaps), first free column first, in start order.
 */
export function layoutColumns<T extends { startsAt: Date; endsAt: Date }>(items: readonly T[]): (T & { column: number; columns: number })[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || b.endsAt.getTime() - a.endsAt.getTime());
  const out: (T & { column: number; columns: number })[] = [];
  let cluster: (T & { column: number; columns: number })[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    const columns = Math.max(1, ...cluster.map((c) => c.column + 1));
    for (const c of cluster) c.columns = columns;
    cluster = [];
  };
  for (const item of sorted) {
    if (item.startsAt.getTime() >= clusterEnd && cluster.length) close();
    const taken = new Set(cluster.filter((c) => c.endsAt.getTime() > item.startsAt.getTime()).map((c) => c.column));
    let column = 0;
    while (taken.has(column)) column++;
    const placed = { ...item, column, columns: 1 };
    cluster.push(placed);
    out.push(placed);
    clusterEnd = Math.max(clusterEnd, item.endsAt.getTime());
  }
  if (cluster.length) close();
  return out;
}

/** What a form sends for instant `at`: its Luxembourg day, time, and which reading of a repeated time. */
export function wallClockFields(at: Date): { day: string; time: string; occurrence: Occurrence | "" } {
  const { day, minute } = instantToWallClock(at);
  const found = wallClockToInstant(day, minute);
  const occurrence = found.kind === "ambiguous" ? (found.earlier.getTime() === at.getTime() ? "earlier" : "later") : "";
  return { day, time: formatTime(minute), occurrence };
}
