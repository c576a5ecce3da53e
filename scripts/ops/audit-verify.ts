import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { assertPgliteFree } from "@/db/pglite-lock";
import { ensureSecrets } from "@/config/secrets";
import { auditVerifyReport, checkExportedHead } from "@/lib/audit/verify-report";

// npm run audit:verify [-- --head <hash>] — recomputes the keyed hash chain of the support audit
// log (AUDIT_HMAC_KEYS, every key that ever signed a row). With --head, a hash the application
// logged at an append (« audit log appended », auditHead.hash) must be found in the chain: a cut
// tail is detected. Exit 1 when a row was edited, inserted, removed, or the head is missing.
// What it prints is lib/audit/verify-report.ts's.
try {
  const { values } = parseArgs({ options: { head: { type: "string" } } });
  const head = checkExportedHead(values.head);
  assertPgliteFree();
  // On the embedded default the keys are in the data folder's secrets.json.
  ensureSecrets(["AUDIT_HMAC_KEYS"]);
  const report = await auditVerifyReport(getDb(), head);
  for (const line of report.stdout) console.log(line);
  for (const line of report.stderr) console.error(line);
  await closeDb();
  process.exit(report.exitCode);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
