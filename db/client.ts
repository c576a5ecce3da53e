import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import fs from "node:fs";
import { Pool } from "pg";
import { databaseUrl, pgliteDir } from "@/lib/config/env";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

type Holder = { db: Database; close: () => Promise<void> };

// Next bundles this module several times into one process; a module-level variable would open
// several PGlite instances on one folder, each seeing different data (STACK.md). One instance per
// process, kept on globalThis and created on first use (next build imports without querying).
const KEY = Symbol.for("doctipro.db");
const g = globalThis as unknown as { [KEY]?: Holder };

function open(): Holder {
  const url = databaseUrl();
  if (url) {
    const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX || 10) });
    // An idle client losing its server (restart) must not crash the process; queries fail and recover.
    pool.on("error", () => {});
    return { db: drizzlePg(pool, { schema }) as unknown as Database, close: () => pool.end() };
  }
  // "memory://" keeps the database in memory (unit tests); anything else is a folder.
  const dir = process.env.PGLITE_DIR === "memory://" ? "memory://" : pgliteDir();
  if (dir !== "memory://") fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return { db: drizzlePglite(client, { schema }) as unknown as Database, close: () => client.close() };
}

export function getDb(): Database {
  g[KEY] ??= open();
  return g[KEY].db;
}

export async function closeDb(): Promise<void> {
  const holder = g[KEY];
  g[KEY] = undefined;
  await holder?.close();
}
