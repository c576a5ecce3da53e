import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { drizzle } from "drizzle-orm/pglite";
import { sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { parseAuditKeys } from "@/config/audit-keys";
import { logger } from "@/lib/log";
import type { Database } from "@/db/client";
import { openPglite } from "@/db/pglite";
import * as schema from "@/db/schema";
import { openMigratedPglite } from "@/tests/support/pglite-template";
import { hashAuditRow, verifyAuditChain, writeAudit, type Actor } from "./support-log";
import { auditVerifyReport, checkExportedHead } from "./verify-report";

const run = promisify(execFile);
const actor: Actor = { userId: null, label: "cli:test", ip: "127.0.0.1" };

/** A database of its own with `n` audit rows (from the migrated template): in memory, or in the folder `dir`. */
async function logWithRows(dir: string, n: number) {
  const client = await openMigratedPglite(dir);
  const db = drizzle(client, { schema }) as unknown as Database;
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      writeAudit(tx, actor, { action: "user.unblock", targetUserId: null, targetLabel: `user${i}@example.lu`, reason: `raison ${i}` }),
    );
  }
  return { client, db };
}

describe("support audit log", () => {
  it("chains every row to the previous one", async () => {
    const { client, db } = await logWithRows("memory://", 5);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5 });
    const rows = await db.select().from(schema.auditLog).orderBy(schema.auditLog.id);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    await client.close();
  });

  it("refuses updates, deletes and truncation from the application", async () => {
    const { client, db } = await logWithRows("memory://", 2);
    await expect(db.execute(sql`UPDATE audit_log SET reason = 'effacé'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
    await client.close();
  });

  it("detects an edited row and a deleted row, even when the trigger was bypassed", async () => {
    const { client, db } = await logWithRows("memory://", 4);
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await db.execute(sql`UPDATE audit_log SET reason = 'rien à voir' WHERE id = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, rowId: 2 });
    await client.close();

    const second = await logWithRows("memory://", 4);
    await second.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await second.db.execute(sql`DELETE FROM audit_log WHERE id = 2`);
    expect(await verifyAuditChain(second.db)).toMatchObject({ ok: false, rowId: 3 });
    await second.client.close();
  });

  it("keys every row with the current HMAC key and names it; the key never comes from the database", async () => {
    const { client, db } = await logWithRows("memory://", 2);
    const rows = await db.select().from(schema.auditLog).orderBy(schema.auditLog.id);
    expect(rows.map((r) => r.keyId)).toEqual(["unit", "unit"]);
    // A rewrite by whoever holds the database alone: a plain SHA-256 chain recomputed from row 2 on.
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    const forged = { ...rows[1]!, reason: "rien à voir" };
    const plain = createHash("sha256")
      .update(
        JSON.stringify([
          forged.prevHash,
          forged.at.toISOString(),
          forged.actorId,
          forged.actorLabel,
          forged.action,
          forged.targetUserId,
          forged.targetLabel,
          forged.reason,
          forged.ip,
          forged.details,
        ]),
      )
      .digest("hex");
    await db.execute(sql`UPDATE audit_log SET reason = ${forged.reason}, hash = ${plain} WHERE id = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, rowId: 2 });
    // Dressed as a row from before the keys (no key id): refused after a keyed row.
    await db.execute(sql`UPDATE audit_log SET key_id = NULL WHERE id = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, rowId: 2, problem: expect.stringContaining("ligne sans clé") });
    await client.close();
  });

  it("rows from before the keys keep their plain hash and stay verifiable; old keys verify after a rotation", async () => {
    const { client, db } = await logWithRows("memory://", 0);
    // Two rows as written before migration 0015: plain SHA-256, no key id.
    let prev = "0".repeat(64);
    for (const reason of ["ancienne 1", "ancienne 2"]) {
      const row = {
        prevHash: prev,
        at: new Date(),
        actorId: null,
        actorLabel: "cli:old",
        action: "user.unblock",
        targetUserId: null,
        targetLabel: null,
        reason,
        ip: "127.0.0.1",
        details: "{}",
      };
      const hash = hashAuditRow(row);
      await db.insert(schema.auditLog).values({ ...row, hash });
      prev = hash;
    }
    await db.transaction((tx) =>
      writeAudit(tx, actor, { action: "user.block", targetUserId: null, targetLabel: null, reason: "avec l'ancienne clé" }),
    );
    const old = process.env.AUDIT_HMAC_KEYS!;
    const next = `unit2:${Buffer.alloc(32, 9).toString("base64")}`;
    process.env.AUDIT_HMAC_KEYS = `${next},${old}`;
    try {
      await db.transaction((tx) =>
        writeAudit(tx, actor, { action: "user.block", targetUserId: null, targetLabel: null, reason: "avec la nouvelle" }),
      );
      const rows = await db.select().from(schema.auditLog).orderBy(schema.auditLog.id);
      expect(rows.map((r) => r.keyId)).toEqual([null, null, "unit", "unit2"]);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 4 });
      // Without the old key, its rows cannot be verified: the message says which key is missing.
      expect(await verifyAuditChain(db, { keys: parseAuditKeys(next) })).toMatchObject({
        ok: false,
        rowId: 3,
        problem: expect.stringContaining("« unit »"),
      });
    } finally {
      process.env.AUDIT_HMAC_KEYS = old;
    }
    await client.close();
  });

  it("logs each append's key id and hash; checked against that exported head, a cut tail is detected", async () => {
    const info = vi.spyOn(logger, "info");
    const { client, db } = await logWithRows("memory://", 3);
    const heads = info.mock.calls
      .map(([fields]) => (fields as { auditHead?: { id: number; keyId: string; hash: string } }).auditHead)
      .filter(Boolean);
    info.mockRestore();
    const rows = await db.select().from(schema.auditLog).orderBy(schema.auditLog.id);
    expect(heads).toEqual(rows.map((r) => ({ id: r.id, keyId: "unit", hash: r.hash })));
    const exported = heads.at(-1)!.hash;
    expect(await verifyAuditChain(db, { exportedHead: exported })).toMatchObject({ ok: true, rows: 3, afterExportedHead: 0 });
    expect(await verifyAuditChain(db, { exportedHead: heads[1]!.hash })).toMatchObject({ ok: true, afterExportedHead: 1 });

    // The newest row removed: the rest of the chain is intact, only the exported head shows the cut.
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await db.execute(sql`DELETE FROM audit_log WHERE id = 3`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
    expect(await verifyAuditChain(db, { exportedHead: exported })).toMatchObject({ ok: false, problem: expect.stringContaining("introuvable") });
    await client.close();
  });

  it("audit:verify reports an intact log, its head, an exported head found or missing, and a tampered row", async () => {
    const { client, db } = await logWithRows("memory://", 3);
    const intact = await auditVerifyReport(db);
    expect(intact).toMatchObject({ exitCode: 0, stderr: [] });
    expect(intact.stdout[0]).toBe("Journal d'audit intact : 3 lignes vérifiées.");
    const head = /^Tête actuelle : ([0-9a-f]{64})$/.exec(intact.stdout[1]!)![1]!;
    expect((await auditVerifyReport(db, head)).stdout).toContain("Tête exportée trouvée ; 0 ligne ajoutée depuis.");
    const unknownHead = await auditVerifyReport(db, "f".repeat(64));
    expect(unknownHead).toMatchObject({ exitCode: 1, stdout: [] });
    expect(unknownHead.stderr.join("\n")).toContain("introuvable");
    expect(() => checkExportedHead("pas une empreinte")).toThrow("--head attend l'empreinte hexadécimale");
    expect(checkExportedHead(head)).toBe(head);

    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await db.execute(sql`UPDATE audit_log SET target_label = 'autre@example.lu' WHERE id = 3`);
    const tampered = await auditVerifyReport(db);
    expect(tampered).toMatchObject({ exitCode: 1, stdout: [] });
    expect(tampered.stderr[0]).toContain("Journal d'audit ALTÉRÉ à la ligne 3");
    await client.close();
  });

  // The command itself, started twice (each start costs seconds of a core): it is wired to the
  // report above, prints it, and exits 1 on a tampered log.
  it("npm run audit:verify passes on an intact log and fails on a tampered one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doctipro-audit-"));
    const env = { ...process.env, PGLITE_DIR: path.join(dir, "db"), DATA_DIR: dir, DATABASE_URL: "" };
    const { client, db } = await logWithRows(env.PGLITE_DIR, 3);
    const check = await verifyAuditChain(db);
    const head = check.ok ? check.head! : "";
    await client.close();

    const ok = await run("npm", ["run", "--silent", "audit:verify", "--", "--head", head], { env });
    expect(ok.stdout).toContain("Journal d'audit intact : 3 lignes vérifiées.");
    expect(ok.stdout).toContain(`Tête actuelle : ${head}`);
    expect(ok.stdout).toContain("Tête exportée trouvée ; 0 ligne ajoutée depuis.");

    const again = openPglite(env.PGLITE_DIR);
    await again.exec("ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET target_label = 'autre@example.lu' WHERE id = 3;");
    await again.close();
    const failed = await run("npm", ["run", "--silent", "audit:verify"], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("Journal d'audit ALTÉRÉ à la ligne 3");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
