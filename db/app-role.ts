import { sql } from "drizzle-orm";
import type { Database } from "./client";

// On PostgreSQL the schema belongs to an owner role that runs the migrations (npm run db:migrate
// with MIGRATION_DATABASE_URL), and the app connects as another role (DATABASE_URL) that may read
// and write the tables but may only INSERT into audit_log: no UPDATE, DELETE or TRUNCATE, and, not
// being the table's owner, it cannot disable or drop its append-only trigger (docs/decisions/0038).
// PGlite has no roles: there the trigger and the keyed chain are the only guards.

/** The role name of a postgres:// URL (its user), or null when it names none. */
export function roleOfUrl(url: string): string | null {
  try {
    const user = decodeURIComponent(new URL(url).username);
    return user || null;
  } catch {
    return null;
  }
}

/**
 * Grants the app role what the app needs, after every migration run (tables added by a migration
 * are covered the next time). Run by the owner role; idempotent.
 */
export async function grantAppRole(db: Database, role: string): Promise<void> {
  const r = sql.identifier(role);
  await db.execute(sql`GRANT USAGE ON SCHEMA public TO ${r}`);
  await db.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await db.execute(sql`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  // The audit log: read and append only.
  await db.execute(sql`REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_log FROM ${r}`);
  // The server checks at start that no migration is pending (db/migrate.ts): it reads drizzle's record.
  await db.execute(sql`GRANT USAGE ON SCHEMA drizzle TO ${r}`);
  await db.execute(sql`GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${r}`);
}
