import "server-only";
import { desc, eq } from "drizzle-orm";
import { emailOutbox } from "@/db/schema";
import { getDb } from "@/lib/db";

/** The latest messages of the outbox, newest first (for /dev/mailbox). */
export async function listOutbox(to?: string, limit = 50) {
  const query = getDb().select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(limit);
  return to ? query.where(eq(emailOutbox.toAddress, to.toLowerCase())) : query;
}
