import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl } from "@/config/env";
import { getDb, type Database } from "./client";

const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** What a run changed that an operator should hear about. */
export type MigrationReport = {
  /** Migrations applied by this run. */
  applied: number;
  /**
   * Set when this run applied 0009_agenda to a database holding appointments: how many of them
   * overlapped an earlier one and were turned « en surnombre » (docs/decisions/0025).
   */
  overlapsMarkedOverbooked: number | null;
};

// 0009_agenda is the tenth migration in the journal.
const AGENDA_MIGRATIONS_BEFORE = 9;

type Rows<T> = { rows: T[] };

async function appliedCount(db: Database): Promise<number> {
  // Two statements: a query naming a table that does not exist fails as it is parsed.
  const exists = (await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`)) as unknown as Rows<{
    found: boolean;
  }>;
  if (!exists.rows[0]?.found) return 0;
  const result = (await db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`)) as unknown as Rows<{ n: number }>;
  return Number(result.rows[0]?.n ?? 0);
}

/** How many migrations the repository holds (db/migrations/meta/_journal.json). */
function journalCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * Applies the committed SQL migrations; drizzle records them, so running twice is harmless. With
 * nothing pending nothing is run: an app connecting as the app role (which may not create or alter
 * tables, docs/decisions/0038) starts after `npm run db:migrate` ran under the owner role.
 */
export async function runMigrations(): Promise<MigrationReport> {
  const db = getDb();
  const before = await appliedCount(db);
  if (before >= journalCount()) return { applied: 0, overlapsMarkedOverbooked: null };
  // Both migrators run the same SQL; they differ only by driver type.
  if (databaseUrl()) await migratePg(db as never, { migrationsFolder });
  else await migratePglite(db as never, { migrationsFolder });
  const after = await appliedCount(db);
  let overlapsMarkedOverbooked: number | null = null;
  // The migration's NOTICE reaches no log (PGlite drops notices; the pool has no listener), so
  // the count is read back: before 0009 no appointment could be « en surnombre ».
  if (before > 0 && before <= AGENDA_MIGRATIONS_BEFORE && after > AGENDA_MIGRATIONS_BEFORE) {
    const result = (await db.execute(sql`SELECT count(*)::int AS n FROM appointments WHERE overbooked`)) as unknown as Rows<{ n: number }>;
    overlapsMarkedOverbooked = Number(result.rows[0]?.n ?? 0);
  }
  return { applied: after - before, overlapsMarkedOverbooked };
}
