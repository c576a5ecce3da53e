import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { assertPgliteFree } from "@/db/pglite-lock";
import { ensureSecrets } from "@/config/secrets";
import { verifyAuditChain } from "@/lib/audit/support-log";
import { counted } from "@/lib/format/count";

// npm run audit:verify [-- --head <hash>] — recomputes the keyed hash chain of the support audit
// log (AUDIT_HMAC_KEYS, every key that ever signed a row). With --head, a hash the application
// logged at an append (« audit log appended », auditHead.hash) must be found in the chain: a cut
// tail is detected. Exit 1 when a row was edited, inserted, removed, or the head is missing.
try {
  const { values } = parseArgs({ options: { head: { type: "string" } } });
  if (values.head !== undefined && !/^[0-9a-f]{64}$/.test(values.head)) {
    throw new Error("--head attend l'empreinte hexadécimale (64 caractères) lue dans le journal de l'application.");
  }
  assertPgliteFree();
  // On the embedded default the keys are in the data folder's secrets.json.
  ensureSecrets(["AUDIT_HMAC_KEYS"]);
  const check = await verifyAuditChain(getDb(), { exportedHead: values.head });
  if (check.ok) {
    console.log(`Journal d'audit intact : ${counted(check.rows, "ligne vérifiée", "lignes vérifiées")}.`);
    if (check.head) console.log(`Tête actuelle : ${check.head}`);
    if (check.afterExportedHead !== undefined) {
      console.log(`Tête exportée trouvée ; ${counted(check.afterExportedHead, "ligne ajoutée", "lignes ajoutées")} depuis.`);
    }
  } else {
    console.error(`Journal d'audit ALTÉRÉ${check.rowId === null ? "" : ` à la ligne ${check.rowId}`} : ${check.problem}.`);
  }
  await closeDb();
  process.exit(check.ok ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
