import { mergeSpans, scheduledIntervals, subtractSpans, type OpeningInterval, type Span } from "@/lib/agenda/hours";
import { addDays, dayBounds, instantToWallClock, todayIn } from "@/lib/time/luxembourg";

// The free times a patient may book online (pure, client-safe; docs/decisions/0040).
// - The online windows of a day are the weekly windows (custom ones, or the opening hours) turned
//   into instants boundary by boundary in lib/time, so that daylight-saving days are right.
// - Busy: absences, and every appointment that is not cancelled (an overbooked one too: the time
//   is taken even though the exclusion constraint lets it overlap). A closed public holiday has
//   no window at all.
// - Free segments are the windows minus what is busy. In each segment, starts step by the motif's
//   duration from the segment's start: the window's start, or the end of a busy block. A start is
//   offered when its whole duration fits in the segment, it is at least the minimum notice ahead
//   and before the horizon. Stepping is in real time, so 30 minutes on the night the clocks go
//   forward is 30 minutes of real time, and the repeated hour of October is offered twice.

const MINUTE_MS = 60_000;
/** Appointments live on the agenda's 5-minute grid (lib/agenda/rules.ts). */
const GRID_MS = 5 * MINUTE_MS;

export type FreeDay = { day: string; starts: Date[] };

export type FreeTimesInput = {
  /** First and last Luxembourg calendar days to compute, both included (YYYY-MM-DD). */
  fromDay: string;
  toDay: string;
  /** The weekly windows open to online booking. */
  windows: readonly OpeningInterval[];
  /** Absences (any instants). */
  absences: readonly Span[];
  /** Public holidays in the range that the practice did not open. */
  closedHolidays: ReadonlySet<string>;
  /** Active appointments (status other than cancelled, overbooked ones included). */
  busy: readonly Span[];
  /** The motif's duration, in minutes. */
  durationMinutes: number;
  /** No start before this instant (now plus the minimum notice). */
  earliest: Date;
  /** No start at or after this instant (the horizon). */
  horizonEnd: Date;
};

/** The next 5-minute mark at or after `ms` (absences may end anywhere; appointments may not). */
function ceilToGrid(ms: number): number {
  return Math.ceil(ms / GRID_MS) * GRID_MS;
}

/** Free times per day from `fromDay` to `toDay`, every day listed (possibly with no start). */
export function computeFreeTimes(input: FreeTimesInput): FreeDay[] {
  const durationMs = input.durationMinutes * MINUTE_MS;
  if (!Number.isFinite(durationMs) || durationMs <= 0) throw new RangeError(`not a duration: ${input.durationMinutes}`);
  const holes = mergeSpans([...input.absences, ...input.busy]);
  const earliest = input.earliest.getTime();
  const horizonEnd = input.horizonEnd.getTime();
  const days: FreeDay[] = [];
  for (let day = input.fromDay; day <= input.toDay; day = addDays(day, 1)) {
    const starts: Date[] = [];
    days.push({ day, starts });
    if (input.closedHolidays.has(day)) continue;
    const { start: dayStart, end: dayEnd } = dayBounds(day);
    if (dayEnd.getTime() <= earliest || dayStart.getTime() >= horizonEnd) continue;
    const windows = scheduledIntervals(day, input.windows);
    if (windows.length === 0) continue;
    const near = holes.filter((h) => h.end > dayStart && h.start < dayEnd);
    for (const segment of subtractSpans(windows, near)) {
      const end = segment.end.getTime();
      for (let at = ceilToGrid(segment.start.getTime()); at + durationMs <= end; at += durationMs) {
        if (at >= horizonEnd) break;
        if (at >= earliest) starts.push(new Date(at));
      }
    }
  }
  return days;
}

/**
 * The instants bounding what may be booked at `now`: the earliest start (minimum notice) and the
 * end of the horizon — local midnight after the last day of `horizonWeeks` weeks from today.
 */
export function bookingBounds(now: Date, minNoticeMinutes: number, horizonWeeks: number): { earliest: Date; horizonEnd: Date } {
  return {
    earliest: new Date(now.getTime() + minNoticeMinutes * MINUTE_MS),
    horizonEnd: dayBounds(addDays(todayIn(now), horizonWeeks * 7)).start,
  };
}

/** The Luxembourg calendar days an instant range [from, to) touches, first and last. */
export function daysOfRange(from: Date, to: Date): { fromDay: string; toDay: string } {
  return { fromDay: instantToWallClock(from).day, toDay: instantToWallClock(new Date(Math.max(from.getTime(), to.getTime() - 1))).day };
}
