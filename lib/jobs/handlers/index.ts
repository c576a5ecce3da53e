import "server-only";
import type { JobKind } from "../queue";
import { sendCancelled, sendMoved, sendReminder } from "./appointment-notices";
import type { JobHandler } from "./context";

export type { ClaimedJob, JobHandler } from "./context";

/** One handler per JobKind (lib/jobs/queue.ts). */
export const HANDLERS: Partial<Record<JobKind, JobHandler>> = {
  appointment_reminder: sendReminder,
  appointment_changed: sendMoved,
  appointment_cancelled: sendCancelled,
};
