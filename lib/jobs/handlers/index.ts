import "server-only";
import type { JobKind } from "../queue";
import { sendCancelled, sendConfirmation, sendMoved, sendReminder } from "./appointment-notices";
import type { JobHandler } from "./context";
import { sendWaitlistOffers } from "./waitlist-offer";

export type { ClaimedJob, JobHandler } from "./context";

/** One handler per JobKind (lib/jobs/queue.ts). */
export const HANDLERS: Record<JobKind, JobHandler> = {
  appointment_confirmation: sendConfirmation,
  appointment_reminder: sendReminder,
  appointment_changed: sendMoved,
  appointment_cancelled: sendCancelled,
  waitlist_offer: sendWaitlistOffers,
};
