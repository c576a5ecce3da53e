import { isInstantInRange } from "@/lib/time/luxembourg";
import { GRID_MINUTES } from "./hours";

// The rules an appointment's times follow (pure, client-safe): the schema gives their French
// messages before a form is sent, the domain refuses the same things whoever calls it.

export const MIN_APPOINTMENT_MINUTES = 5;
/** The database allows 8 hours (appointments_range). */
export const MAX_APPOINTMENT_MINUTES = 480;
export const MAX_NOTE_LENGTH = 1000;

export type TimeProblem = "invalid-date" | "out-of-range" | "off-grid" | "end-before-start" | "duration";

const MINUTE_MS = 60_000;

/** What is wrong with [startsAt, endsAt) as an appointment's times, or null. */
export function appointmentTimeProblem(startsAt: Date, endsAt: Date): TimeProblem | null {
  if (!(startsAt instanceof Date) || !(endsAt instanceof Date) || Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) {
    return "invalid-date";
  }
  if (!isInstantInRange(startsAt) || !isInstantInRange(endsAt)) return "out-of-range";
  // Luxembourg's offsets are whole hours: on the grid in UTC is on the grid on the wall clock.
  if (startsAt.getTime() % (GRID_MINUTES * MINUTE_MS) !== 0 || endsAt.getTime() % (GRID_MINUTES * MINUTE_MS) !== 0) return "off-grid";
  if (endsAt <= startsAt) return "end-before-start";
  const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE_MS;
  if (minutes < MIN_APPOINTMENT_MINUTES || minutes > MAX_APPOINTMENT_MINUTES) return "duration";
  return null;
}

/** A duration in minutes an appointment may have: 5..480, a multiple of 5. */
export function isAppointmentDuration(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= MIN_APPOINTMENT_MINUTES && minutes <= MAX_APPOINTMENT_MINUTES && minutes % GRID_MINUTES === 0;
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}

export const MAX_ABSENCE_LABEL = 80;

export type AbsenceProblem = "invalid-date" | "out-of-range" | "end-before-start" | "absence-label";

/** What is wrong with an absence, or null. */
export function absenceProblem(input: { startsAt: Date; endsAt: Date; label: string }): AbsenceProblem | null {
  const { startsAt, endsAt } = input;
  if (!(startsAt instanceof Date) || !(endsAt instanceof Date) || Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()))
    return "invalid-date";
  if (!isInstantInRange(startsAt) || !isInstantInRange(endsAt)) return "out-of-range";
  if (endsAt <= startsAt) return "end-before-start";
  const length = [...input.label.trim()].length;
  if (length < 1 || length > MAX_ABSENCE_LABEL) return "absence-label";
  return null;
}
