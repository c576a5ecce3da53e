import { closeDb, getDb } from "@/db/client";
import { assertPgliteFree } from "@/db/pglite-lock";
import { verifyAuditChain } from "@/lib/audit/support-log";

// npm run audit:verify — recomputes the hash chain of the support audit log. Exit 1 when a row
// was edited or removed.
try {
  assertPgliteFree();
  const check = await verifyAuditChain(getDb());
  if (check.ok) console.log(`Journal d'audit intact : ${check.rows} ligne(s) vérifiée(s).`);
  else console.error(`Journal d'audit ALTÉRÉ à la ligne ${check.rowId} : ${check.problem}.`);
  await closeDb();
  process.exit(check.ok ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
