import type { Database } from "@/db/client";
import { counted } from "@/lib/format/count";
import { verifyAuditChain } from "./support-log";

// What `npm run audit:verify` (scripts/ops/audit-verify.ts) prints and how it exits, apart from the
// process: the tests check every answer here and start the command itself only to prove it is wired.

/** The --head argument: a hash the application logged at an append (« audit log appended »). */
export function checkExportedHead(head: string | undefined): string | undefined {
  if (head !== undefined && !/^[0-9a-f]{64}$/.test(head)) {
    throw new Error("--head attend l'empreinte hexadécimale (64 caractères) lue dans le journal de l'application.");
  }
  return head;
}

/** The lines for standard output and standard error, and the exit code (1: the log was altered). */
export async function auditVerifyReport(db: Database, exportedHead?: string): Promise<{ stdout: string[]; stderr: string[]; exitCode: 0 | 1 }> {
  const check = await verifyAuditChain(db, { exportedHead });
  if (!check.ok) {
    return {
      stdout: [],
      stderr: [`Journal d'audit ALTÉRÉ${check.rowId === null ? "" : ` à la ligne ${check.rowId}`} : ${check.problem}.`],
      exitCode: 1,
    };
  }
  const stdout = [`Journal d'audit intact : ${counted(check.rows, "ligne vérifiée", "lignes vérifiées")}.`];
  if (check.head) stdout.push(`Tête actuelle : ${check.head}`);
  if (check.afterExportedHead !== undefined) {
    stdout.push(`Tête exportée trouvée ; ${counted(check.afterExportedHead, "ligne ajoutée", "lignes ajoutées")} depuis.`);
  }
  return { stdout, stderr: [], exitCode: 0 };
}
