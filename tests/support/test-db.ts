import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/** A migrated, empty in-memory database for an integration test file. */
export async function freshDatabase() {
  await runMigrations();
  const db = getDb();
  await db.execute(
    sql`TRUNCATE users, sessions, connection_log, auth_throttle, secretary_doctors, two_factor, verifications, pending_sign_ins, email_outbox, rate_limits, chat_conversations, chat_messages, chat_support_presence CASCADE`,
  );
  return db;
}
