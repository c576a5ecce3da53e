import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import { databaseUrl } from "@/lib/config/env";
import { getDb } from "./client";

const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies the committed SQL migrations; drizzle records them, so running twice is harmless. */
export async function runMigrations(): Promise<void> {
  const db = getDb();
  // Both migrators run the same SQL; they differ only by driver type.
  if (databaseUrl()) await migratePg(db as never, { migrationsFolder });
  else await migratePglite(db as never, { migrationsFolder });
}
