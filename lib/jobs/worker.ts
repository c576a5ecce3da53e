import "server-only";
import { and, asc, eq, isNull, lt, lte, sql } from "drizzle-orm";
import { jobs } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { logger } from "@/lib/log";
import { HANDLERS, type ClaimedJob, type JobHandler } from "./handlers";
import type { JobKind } from "./queue";

// The job worker (docs/decisions/0044). Each job is claimed, run and marked done in ONE transaction:
// - `SELECT … FOR UPDATE SKIP LOCKED` takes a due row no other worker holds; a second instance
//   skips it and takes the next. The row stays locked until this transaction ends.
// - The handler writes the outbox row (or calls Resend with the job id as Idempotency-Key) in that
//   same transaction, then the row is marked done: both commit together, or neither does and the
//   job is due again. A crash between Resend and the commit is the one case where a message could
//   be sent twice; Resend's idempotency key answers it (24 h).
// - A failing handler runs inside a savepoint: its writes roll back, the claim stays, and the row
//   records attempts + 1, last_error and a later run_at (exponential backoff). After MAX_ATTEMPTS
//   the worker leaves it (logged) for someone to look at.
// On PGlite there is one connection and transactions run one after another: SKIP LOCKED parses and
// never has anything to skip, and the claim is still exclusive.

export const MAX_ATTEMPTS = 8;

/** The wait before attempt `attempts + 1`: 30 s, 1 min, 2 min… capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export type RunOptions = {
  db?: Database;
  /** How many jobs one pass takes at most. */
  batch?: number;
  now?: () => Date;
  handlers?: Partial<Record<JobKind, JobHandler>>;
};

export type PassResult = { done: number; failed: number };

/** Claims, runs and settles one due job; null when none is due (or all due ones are held). */
async function runOne(db: Database, options: Required<Pick<RunOptions, "now">> & { handlers: Partial<Record<JobKind, JobHandler>> }) {
  return db.transaction(async (tx) => {
    const now = options.now();
    const [job] = (await tx
      .select({ id: jobs.id, kind: jobs.kind, appointmentId: jobs.appointmentId, payload: jobs.payload, attempts: jobs.attempts, runAt: jobs.runAt })
      .from(jobs)
      .where(and(isNull(jobs.doneAt), lte(jobs.runAt, now), lt(jobs.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(1)
      .for("update", { skipLocked: true })) as ClaimedJob[];
    if (!job) return null;

    const handler = options.handlers[job.kind as JobKind];
    try {
      if (!handler) throw new Error(`no handler for job kind « ${job.kind} »`);
      await tx.transaction((inner) => handler({ db: inner, job, now }));
      await tx
        .update(jobs)
        .set({ doneAt: sql`now()` })
        .where(eq(jobs.id, job.id));
      return "done" as const;
    } catch (error) {
      const attempts = job.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      await tx
        .update(jobs)
        .set({ attempts, lastError: message.slice(0, 1000), runAt: new Date(now.getTime() + backoffMs(attempts)) })
        .where(eq(jobs.id, job.id));
      if (attempts >= MAX_ATTEMPTS) logger.error({ jobId: job.id, kind: job.kind, attempts, err: message }, "job given up");
      else logger.warn({ jobId: job.id, kind: job.kind, attempts, err: message }, "job failed, will retry");
      return "failed" as const;
    }
  });
}

/** One pass: runs up to `batch` due jobs, each in its own transaction. */
export async function runDueJobs(options: RunOptions = {}): Promise<PassResult> {
  const db = options.db ?? getDb();
  const settings = { now: options.now ?? (() => new Date()), handlers: { ...HANDLERS, ...options.handlers } };
  const result: PassResult = { done: 0, failed: 0 };
  for (let i = 0; i < (options.batch ?? 10); i++) {
    const outcome = await runOne(db, settings);
    if (outcome === null) break;
    result[outcome] += 1;
  }
  return result;
}

/**
 * Polls every `intervalMs` until stopped (server.ts). A pass never overlaps the next; `stop()`
 * waits for the running one, so a shutdown does not cut a transaction in half.
 */
export function startJobLoop({ intervalMs, batch }: { intervalMs: number; batch?: number }): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runDueJobs({ batch })
      .catch((error: unknown) => logger.error({ err: error instanceof Error ? error.message : "unknown" }, "job pass failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, Math.min(intervalMs, 1_000));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
