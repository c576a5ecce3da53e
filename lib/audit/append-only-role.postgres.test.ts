import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import path from "node:path";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { grantAppRole } from "@/db/app-role";
import * as schema from "@/db/schema";
import { ON_POSTGRES } from "@/tests/support/postgres";
import { verifyAuditChain, writeAudit } from "./support-log";

// The production example's two roles (docs/security.md): the owner migrates, the app may append to
// audit_log but neither change, remove, truncate it nor switch its trigger off.

describe.runIf(ON_POSTGRES)("audit log under the app role on PostgreSQL", () => {
  const tag = `${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const owner = `doctipro_owner_${tag}`;
  const app = `doctipro_app_${tag}`;
  const name = `doctipro_roles_${tag}`;
  let admin: Client;
  let ownerPool: Pool;
  let appPool: Pool;
  let asApp: Database;

  const urlAs = (user: string) => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = user;
    url.password = "";
    url.pathname = `/${name}`;
    return url.toString();
  };

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE ${owner} LOGIN`);
    await admin.query(`CREATE ROLE ${app} LOGIN`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${owner}`);
    // PostgreSQL 15+: the public schema belongs to pg_database_owner, so the owner may create in it.
    ownerPool = new Pool({ connectionString: urlAs(owner), max: 2 });
    // pool.end() resolves once its clients are asked to close, not once they have: the DROP … WITH
    // (FORCE) below may still cut one, and an unheard pool error fails the whole Vitest run.
    ownerPool.on("error", () => {});
    const asOwner = drizzle(ownerPool, { schema }) as unknown as Database;
    await migrate(asOwner as never, { migrationsFolder: path.resolve("db/migrations") });
    await grantAppRole(asOwner, app);
    appPool = new Pool({ connectionString: urlAs(app), max: 2 });
    appPool.on("error", () => {});
    asApp = drizzle(appPool, { schema }) as unknown as Database;
  });

  afterAll(async () => {
    await appPool?.end();
    await ownerPool?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${app}`);
    await admin.query(`DROP ROLE IF EXISTS ${owner}`);
    await admin.end();
  });

  it("appends and reads, but cannot UPDATE, DELETE, TRUNCATE audit_log or disable its trigger", async () => {
    const actor = { userId: null, label: "cli:test", ip: "127.0.0.1" };
    for (const reason of ["un", "deux"]) {
      await asApp.transaction((tx) => writeAudit(tx, actor, { action: "user.unblock", targetUserId: null, targetLabel: "x@example.lu", reason }));
    }
    expect(await verifyAuditChain(asApp)).toMatchObject({ ok: true, rows: 2 });

    // Denied by privileges (42501), not merely by the trigger an owner could switch off.
    for (const statement of [
      sql`UPDATE audit_log SET reason = 'effacé'`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log`,
      sql`ALTER TABLE audit_log DISABLE TRIGGER USER`,
      sql`DROP TRIGGER audit_log_no_update_or_delete ON audit_log`,
      sql`ALTER TABLE audit_log OWNER TO CURRENT_USER`,
    ]) {
      await expect(asApp.execute(statement)).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
    }
    expect(await verifyAuditChain(asApp)).toMatchObject({ ok: true, rows: 2 });

    // The rest of the app works under the role: a user is written, changed and removed.
    await asApp.execute(sql`INSERT INTO users (email, role, first_name, last_name) VALUES ('role@example.lu', 'patient', 'A', 'B')`);
    await asApp.execute(sql`UPDATE users SET first_name = 'C' WHERE email = 'role@example.lu'`);
    await asApp.execute(sql`DELETE FROM users WHERE email = 'role@example.lu'`);
    // And it may read drizzle's record of migrations (the server's « nothing pending » check).
    const applied = (await asApp.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`)) as unknown as { rows: { n: number }[] };
    expect(applied.rows[0]!.n).toBeGreaterThan(10);
  });
});
