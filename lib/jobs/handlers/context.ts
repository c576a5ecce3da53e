import type { Database } from "@/lib/db";

export type ClaimedJob = {
  id: number;
  kind: string;
  appointmentId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  runAt: Date;
};

/**
 * A handler runs inside the worker's claiming transaction (`db`): what it writes commits with the
 * job marked done. It throws to fail the job (retried later). Sending keys on `job.id`.
 */
export type JobHandler = (context: { db: Database; job: ClaimedJob; now: Date }) => Promise<void>;
