import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import { Client, Pool } from "pg";
import { closeDb, getDb, type Database } from "@/db/client";
import * as schema from "@/db/schema";

/**
 * Whether the PostgreSQL half of the unit tests runs. Its blocks are `describe.runIf(ON_POSTGRES)`
 * (or `it.skipIf(!ON_POSTGRES)`), so that without a server Vitest reports them as skipped, never as
 * passed; scripts/test/run-checks.ts fails when TEST_DATABASE_URL is set and any test was skipped.
 */
export const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);

/**
 * A throwaway PostgreSQL database on the server of TEST_DATABASE_URL, migrated, reachable through
 * `instances` separate pools (as several app instances would be). Null without TEST_DATABASE_URL.
 */
export async function throwawayPostgres(instances: number) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `doctipro_unit_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pools = Array.from({ length: instances }, () => {
    const pool = new Pool({ connectionString: url.toString(), max: 10 });
    // Idle clients are cut when the database is dropped; that is expected, not an error.
    pool.on("error", () => {});
    return pool;
  });
  const dbs = pools.map((p) => drizzle(p, { schema }) as unknown as Database);
  await migrate(dbs[0] as never, { migrationsFolder: path.resolve("db/migrations") });
  return {
    dbs,
    /** The throwaway database's address, for what needs its own connection (LISTEN). */
    url: url.toString(),
    async drop() {
      await Promise.all(pools.map((p) => p.end()));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Points the app's own client (getDb, as every lib function without a `db` argument uses it) at a
 * throwaway PostgreSQL database, so a whole code path runs on PostgreSQL as in production. Null
 * without TEST_DATABASE_URL. `drop` puts the client back to the in-memory PGlite of unit tests.
 */
export async function appOnThrowawayPostgres() {
  const pg = await throwawayPostgres(1);
  if (!pg) return null;
  await closeDb();
  process.env.DATABASE_URL = pg.url;
  return {
    db: getDb(),
    async drop() {
      await closeDb();
      delete process.env.DATABASE_URL;
      await pg.drop();
    },
  };
}
