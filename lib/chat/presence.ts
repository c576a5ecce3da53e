import "server-only";
import { sql } from "drizzle-orm";
import { chatSupportPresence } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";

/** Support counts as online while an operator's /admin/chat touched its row within this delay. */
export const PRESENCE_SECONDS = 60;

/** An operator's /admin/chat is open: touch its row (database time, the same for every instance). */
export async function recordSupportHeartbeat(supportId: string, db: Database = getDb()): Promise<void> {
  await db
    .insert(chatSupportPresence)
    .values({ userId: supportId })
    .onConflictDoUpdate({ target: chatSupportPresence.userId, set: { lastSeenAt: sql`now()` } });
}

/** Whether some active support operator has had /admin/chat open in the last 60 seconds. */
export async function supportOnline(db: Database = getDb()): Promise<boolean> {
  const result = await db.execute(sql`
    SELECT EXISTS (
      SELECT 1 FROM chat_support_presence p JOIN users u ON u.id = p.user_id
      WHERE p.last_seen_at > now() - make_interval(secs => ${PRESENCE_SECONDS})
        AND u.role = 'support' AND u.status = 'active'
    ) AS online`);
  return Boolean(rowsOf<{ online: boolean }>(result)[0]?.online);
}

/** PGlite answers { rows }, node-postgres a QueryResult with rows too; drizzle types them apart. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
