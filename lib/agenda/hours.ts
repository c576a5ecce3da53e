import { addDays, boundaryInstant, instantToWallClock, isoWeekday } from "@/lib/time/luxembourg";

// Opening hours and when a practice is open (pure, client-safe). Hours are wall-clock minutes per
// ISO weekday; the open times of a calendar day are instants, converted boundary by boundary in
// lib/time so that a daylight-saving Sunday opened 00:00–06:00 is open 5 hours in March and 7 in
// October, and no instant is lost or counted twice.

export const GRID_MINUTES = 5;
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** One opening interval of a weekday, [startMinute, endMinute) since local midnight. */
export type OpeningInterval = { weekday: IsoWeekday; startMinute: number; endMinute: number };

/** What is wrong with one interval of a week's hours. */
export type HoursProblem = "weekday" | "off-grid" | "out-of-day" | "empty" | "overlap";

export type Span = { start: Date; end: Date };

/** Each problem of `intervals`, with the index of the interval at fault; empty when valid. */
export function openingHoursProblems(intervals: readonly OpeningInterval[]): { index: number; problem: HoursProblem }[] {
  const problems: { index: number; problem: HoursProblem }[] = [];
  intervals.forEach((interval, index) => {
    const { weekday, startMinute: start, endMinute: end } = interval;
    if (!WEEKDAYS.includes(weekday)) problems.push({ index, problem: "weekday" });
    else if (!Number.isInteger(start) || !Number.isInteger(end) || start % GRID_MINUTES !== 0 || end % GRID_MINUTES !== 0) {
      problems.push({ index, problem: "off-grid" });
    } else if (start < 0 || end > 1440) problems.push({ index, problem: "out-of-day" });
    else if (start >= end) problems.push({ index, problem: "empty" });
  });
  const faulty = new Set(problems.map((p) => p.index));
  const sorted = intervals
    .map((interval, index) => ({ ...interval, index }))
    .filter((i) => !faulty.has(i.index))
    .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  for (let i = 1; i < sorted.length; i++) {
    const [previous, current] = [sorted[i - 1]!, sorted[i]!];
    if (previous.weekday === current.weekday && current.startMinute < previous.endMinute) problems.push({ index: current.index, problem: "overlap" });
  }
  return problems.sort((a, b) => a.index - b.index);
}

/** Sorted, with touching or overlapping spans joined. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
    } else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** `spans` minus `holes`. */
export function subtractSpans(spans: readonly Span[], holes: readonly Span[]): Span[] {
  let result = mergeSpans(spans);
  for (const hole of holes) {
    result = result.flatMap((span) => {
      if (hole.end <= span.start || hole.start >= span.end) return [span];
      const pieces: Span[] = [];
      if (hole.start > span.start) pieces.push({ start: span.start, end: hole.start });
      if (hole.end < span.end) pieces.push({ start: hole.end, end: span.end });
      return pieces;
    });
  }
  return result;
}

/** The weekday's intervals of `day` as instants, before absences and holidays. */
export function scheduledIntervals(day: string, weekHours: readonly OpeningInterval[]): Span[] {
  const weekday = isoWeekday(day);
  return mergeSpans(
    weekHours
      .filter((i) => i.weekday === weekday)
      .map((i) => ({ start: boundaryInstant(day, i.startMinute), end: boundaryInstant(day, i.endMinute) })),
  );
}

/**
 * When the practice is open on `day`: the weekday's hours as instants, minus absences; nothing on
 * a closed public holiday (`closedHolidays`: the holidays not opened by the practice).
 */
export function openIntervals(
  day: string,
  weekHours: readonly OpeningInterval[],
  absences: readonly Span[],
  closedHolidays: ReadonlySet<string> | readonly string[],
): Span[] {
  const closed = closedHolidays instanceof Set ? closedHolidays.has(day) : (closedHolidays as readonly string[]).includes(day);
  if (closed) return [];
  return subtractSpans(scheduledIntervals(day, weekHours), absences);
}

/**
 * Whether [startsAt, endsAt) lies within the opening hours: inside one open span, once the open
 * spans of the days it touches are joined (hours running to 24:00 and on from 00:00 are one).
 */
export function withinOpenHours(
  startsAt: Date,
  endsAt: Date,
  weekHours: readonly OpeningInterval[],
  absences: readonly Span[],
  closedHolidays: ReadonlySet<string> | readonly string[],
): boolean {
  const first = instantToWallClock(startsAt).day;
  const last = instantToWallClock(new Date(endsAt.getTime() - 1)).day;
  const spans: Span[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) spans.push(...openIntervals(day, weekHours, absences, closedHolidays));
  return mergeSpans(spans).some((span) => span.start <= startsAt && endsAt <= span.end);
}
