import "server-only";
import { desc, eq } from "drizzle-orm";
import { connectionLog } from "@/db/schema";
import { describeUserAgent } from "@/lib/dashboard/user-agent";
import { getDb, type Database } from "@/lib/db";

// « Mon compte » for a patient: the account's own recent sign-ins (a patient's account has no
// secretary: every row is the person themself).

export type PatientConnection = { id: string; at: Date; ip: string; device: string; current: boolean };

export async function recentConnections(userId: string, currentSessionId: string, db: Database = getDb(), limit = 20): Promise<PatientConnection[]> {
  const rows = await db
    .select({
      id: connectionLog.id,
      at: connectionLog.at,
      ip: connectionLog.ip,
      userAgent: connectionLog.userAgent,
      sessionId: connectionLog.sessionId,
    })
    .from(connectionLog)
    .where(eq(connectionLog.accountId, userId))
    .orderBy(desc(connectionLog.at), desc(connectionLog.id))
    .limit(limit);
  return rows.map((r) => {
    const d = describeUserAgent(r.userAgent);
    return { id: String(r.id), at: r.at, ip: r.ip, device: `${d.browser} · ${d.os}`, current: r.sessionId === currentSessionId };
  });
}
