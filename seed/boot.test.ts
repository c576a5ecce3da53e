import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { prepareDatabase } from "./boot";

// Two instances starting at once on a fresh PostgreSQL database (PostgreSQL only: one PGlite
// folder has one owner, db/pglite-lock.ts). Each call below takes its own pool connections, as two
// processes would; without the start-up lock they run the same migrations side by side.
const base = process.env.TEST_DATABASE_URL;

describe.runIf(base)("prepareDatabase on PostgreSQL", () => {
  const name = `doctipro_boot_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: base });

  afterAll(async () => {
    await closeDb();
    delete process.env.DATABASE_URL;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("migrates once when several instances start together on an empty database", async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(base!);
    url.pathname = `/${name}`;
    await closeDb();
    process.env.DATABASE_URL = url.toString();

    const results = await Promise.allSettled([prepareDatabase(), prepareDatabase(), prepareDatabase()]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);

    const check = new Client({ connectionString: url.toString() });
    await check.connect();
    const { rows } = await check.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    await check.end();
    const applied = rows[0]!.n;
    const files = (await import("@/db/migrations/meta/_journal.json")).default.entries.length;
    expect(applied).toBe(files);
  });
});
