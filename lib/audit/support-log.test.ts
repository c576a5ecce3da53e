import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { openPglite } from "@/db/pglite";
import * as schema from "@/db/schema";
import { verifyAuditChain, writeAudit, type Actor } from "./support-log";

const run = promisify(execFile);
const actor: Actor = { userId: null, label: "cli:test", ip: "127.0.0.1" };

async function logWithRows(dir: string, n: number) {
  const client = openPglite(dir);
  const db = drizzle(client, { schema }) as unknown as Database;
  await migrate(db as never, { migrationsFolder: path.resolve("db/migrations") });
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
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 5 });
    const rows = await db.select().from(schema.auditLog).orderBy(schema.auditLog.id);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    await client.close();
  });

  it("refuses updates, deletes and truncation from the application", async () => {
    const { client, db } = await logWithRows("memory://", 2);
    await expect(db.execute(sql`UPDATE audit_log SET reason = 'effacé'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 2 });
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

  it("npm run audit:verify passes on an intact log and fails on a tampered one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doctipro-audit-"));
    const env = { ...process.env, PGLITE_DIR: path.join(dir, "db"), DATA_DIR: dir, DATABASE_URL: "" };
    const { client } = await logWithRows(env.PGLITE_DIR, 3);
    await client.close();

    const ok = await run("npm", ["run", "--silent", "audit:verify"], { env });
    expect(ok.stdout).toContain("Journal d'audit intact : 3 ligne(s) vérifiée(s).");

    const again = openPglite(env.PGLITE_DIR);
    await again.exec("ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET target_label = 'autre@example.lu' WHERE id = 3;");
    await again.close();
    const failed = await run("npm", ["run", "--silent", "audit:verify"], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("Journal d'audit ALTÉRÉ à la ligne 3");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
