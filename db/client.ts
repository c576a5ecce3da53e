import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import fs from "node:fs";
import { Pool } from "pg";
import { databaseUrl, pgliteDir } from "@/config/env";
import { noteDatabaseError, noteDatabaseUp } from "./availability";
import { openPglite } from "./pglite";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

type Holder = {
  db: Database;
  close: () => Promise<void>;
  probe: () => Promise<boolean>;
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
};

// pg_advisory_lock key of the start-up work (any fixed number; "DOCT" in ASCII).
const STARTUP_LOCK = 0x444f4354;

// Next bundles this module several times into one process; a module-level variable would open
// several PGlite instances on one folder, each seeing different data (docs/stack.md). One instance
// per process, kept on globalThis and created on first use (next build imports without querying).
const KEY = Symbol.for("doctipro.db");
const g = globalThis as unknown as { [KEY]?: Holder };

function open(): Holder {
  const url = databaseUrl();
  if (url) {
    const pool = new Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_MAX || 10),
      // A request waits at most this long for a connection when PostgreSQL does not answer.
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its server (restart) must not crash the process; it marks the database
    // down (db/availability.ts) and the next probe that gets an answer marks it up again.
    pool.on("error", noteDatabaseError);
    watchConnectionErrors(pool);
    const probe = async () => {
      try {
        await pool.query("select 1");
        noteDatabaseUp();
        return true;
      } catch (error) {
        noteDatabaseError(error);
        return false;
      }
    };
    // Instances starting together on one database (a deployment, the reliability test) would
    // otherwise run the same migrations side by side, and the loser fails half-way. The lock is
    // held on its own connection while the work runs on the pool's others.
    const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
      const lockClient = await pool.connect();
      try {
        await lockClient.query("select pg_advisory_lock($1)", [STARTUP_LOCK]);
        return await work();
      } finally {
        await lockClient.query("select pg_advisory_unlock($1)", [STARTUP_LOCK]).catch(() => {});
        lockClient.release();
      }
    };
    return { db: drizzlePg(pool, { schema }) as unknown as Database, close: () => pool.end(), probe, exclusive };
  }
  // "memory://" keeps the database in memory (unit tests); anything else is a folder.
  const dir = process.env.PGLITE_DIR === "memory://" ? "memory://" : pgliteDir();
  if (dir !== "memory://") fs.mkdirSync(dir, { recursive: true });
  // Unit tests start each file's in-memory database from one migrated dump instead of migrating
  // it again (tests/support/pglite-template.ts); nothing else sets PGLITE_TEMPLATE.
  const template = dir === "memory://" ? process.env.PGLITE_TEMPLATE : undefined;
  const client = openPglite(dir, template && fs.existsSync(template) ? { loadDataDir: new Blob([fs.readFileSync(template)]) } : {});
  // In this process: it cannot be "unreachable" the way a server can.
  // One process owns the folder (db/pglite-lock.ts): nobody else can migrate it meanwhile.
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    close: () => client.close(),
    probe: async () => true,
    exclusive: (work) => work(),
  };
}

/** Every query and checkout that fails for want of a connection marks the database down. */
function watchConnectionErrors(pool: Pool) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const watch = (result: unknown) => {
    if (result instanceof Promise) result.catch(noteDatabaseError);
    return result;
  };
  pool.query = ((...args: unknown[]) => watch(query(...args))) as typeof pool.query;
  pool.connect = ((...args: unknown[]) => watch(connect(...args))) as typeof pool.connect;
}

export function getDb(): Database {
  g[KEY] ??= open();
  return g[KEY].db;
}

/** One trivial query: true (and the database marked up) when it answers. */
export function probeDb(): Promise<boolean> {
  g[KEY] ??= open();
  return g[KEY].probe();
}

/** Runs start-up work (migrations, demo seed) while no other instance on the database does. */
export function withStartupLock<T>(work: () => Promise<T>): Promise<T> {
  g[KEY] ??= open();
  return g[KEY].exclusive(work);
}

export async function closeDb(): Promise<void> {
  const holder = g[KEY];
  g[KEY] = undefined;
  await holder?.close();
}
