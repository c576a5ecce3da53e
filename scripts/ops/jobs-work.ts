import { closeDb } from "@/db/client";
import { assertPgliteFree } from "@/db/pglite-lock";
import { runDueJobs } from "@/lib/jobs/worker";

// npm run jobs:work — one pass of the job worker (reminders, notices, confirmations) from the
// command line: for a cron next to instances started with JOBS_POLL_MS=0, or by hand. Safe beside
// running servers on PostgreSQL (jobs are claimed with FOR UPDATE SKIP LOCKED); on the embedded
// database the running server holds the folder and sends itself.
try {
  assertPgliteFree();
  let total = { done: 0, failed: 0 };
  for (;;) {
    const pass = await runDueJobs({ batch: 50 });
    total = { done: total.done + pass.done, failed: total.failed + pass.failed };
    if (pass.done + pass.failed === 0) break;
  }
  console.log(`Tâches exécutées : ${total.done} ; en échec (réessayées plus tard) : ${total.failed}.`);
  await closeDb();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
