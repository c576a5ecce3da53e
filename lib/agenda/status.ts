import type { AppointmentStatus } from "@/db/schema";

// What may follow what (pure, shared with the agenda page to offer only sensible actions).
// Cancelling goes through its own action (it takes who cancelled); it is final, and so is done. A
// no-show marked by mistake can be undone back to booked, as can an arrival; an arrived patient
// is then seen (done). Nothing is marked absent before its time.

export const APPOINTMENT_STATUSES = ["booked", "arrived", "done", "cancelled", "no_show"] as const satisfies readonly AppointmentStatus[];

/** The statuses « changer le statut » may set (cancelling has its own action). */
export type SettableStatus = Exclude<AppointmentStatus, "cancelled">;

export const STATUS_TRANSITIONS: Record<AppointmentStatus, readonly SettableStatus[]> = {
  booked: ["arrived", "done", "no_show"],
  arrived: ["booked", "done"],
  done: [],
  no_show: ["booked"],
  cancelled: [],
};

export function canChangeStatus(from: AppointmentStatus, to: SettableStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Cancelling is possible from these only. */
export const CANCELLABLE = ["booked", "arrived"] as const satisfies readonly AppointmentStatus[];

export function canCancel(from: AppointmentStatus): boolean {
  return (CANCELLABLE as readonly AppointmentStatus[]).includes(from);
}

/** Moving or changing the duration: while the appointment is still to happen or happening. */
export function canReschedule(from: AppointmentStatus): boolean {
  return from === "booked" || from === "arrived";
}

/** Active: every status but cancelled (what the no-overlap constraint covers). */
export function isActive(status: AppointmentStatus): boolean {
  return status !== "cancelled";
}
