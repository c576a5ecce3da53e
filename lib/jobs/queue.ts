import "server-only";
import { jobs } from "@/db/schema";
import type { Database } from "@/lib/db";

/**
 * What the worker knows how to do (lib/jobs/worker.ts maps each kind to its handler). The row is
 * written in the transaction of the change that calls for it: a rolled-back booking sends nothing.
 */
export type JobKind =
  /** The online booking's confirmation, with its invitation (METHOD:REQUEST) and cancel link. */
  | "appointment_confirmation"
  /** The reminder the doctor chose (24 h or 48 h before); moved or removed with the appointment. */
  | "appointment_reminder"
  /** The appointment moved: new time, invitation with SEQUENCE raised. */
  | "appointment_changed"
  /** The appointment was cancelled: METHOD:CANCEL. */
  | "appointment_cancelled"
  /** A time was freed: tell the patients waiting for an earlier one (payload: the freed range). */
  | "waitlist_offer";

export type NewJob = {
  kind: JobKind;
  appointmentId?: string | null;
  /** Due now when absent. */
  runAt?: Date;
  payload?: Record<string, unknown>;
};

export async function enqueueJob(tx: Database, job: NewJob): Promise<void> {
  await tx.insert(jobs).values({
    kind: job.kind,
    appointmentId: job.appointmentId ?? null,
    runAt: job.runAt ?? new Date(),
    payload: job.payload ?? {},
  });
}
