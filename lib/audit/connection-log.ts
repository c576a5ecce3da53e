import "server-only";
import { connectionLog } from "@/db/schema";
import type { Database } from "@/lib/db";

export type ConnectionEntry = {
  accountId: string;
  actorId: string;
  mode: "direct" | "secretary";
  sessionId: string;
  ip: string;
  userAgent: string;
};

/** Writes one row of an account's connection history, inside the caller's transaction. */
export async function recordConnection(tx: Database, entry: ConnectionEntry): Promise<void> {
  await tx.insert(connectionLog).values(entry);
}
