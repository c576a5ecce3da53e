import "server-only";
import { sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";

/**
 * Counts one event for `key` in a fixed window and says whether it is within `limit`. One atomic
 * statement, so concurrent requests on several instances are all counted.
 */
export async function takeToken(key: string, limit: number, windowSeconds: number, now = new Date(), db: Database = getDb()): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = ${windowStart.toISOString()}::timestamptz THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= limit;
}
