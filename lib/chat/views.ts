import "server-only";
import type { ChatMessage } from "@/db/schema";
import type { ChatMessageView } from "./schema";

/** A stored message as a browser receives it. Names only for support, who needs them. */
export function messageView(
  m: Pick<ChatMessage, "id" | "side" | "body" | "createdAt" | "readAt" | "waitedOffline">,
  names?: { authorName?: string | null; actingForName?: string | null },
): ChatMessageView {
  return {
    id: Number(m.id),
    side: m.side,
    body: m.body,
    createdAt: new Date(m.createdAt).toISOString(),
    readAt: m.readAt ? new Date(m.readAt).toISOString() : null,
    waitedOffline: m.waitedOffline,
    ...(names ?? {}),
  };
}

/** The first line of a message, shortened for support's list. */
export function excerpt(body: string, max = 90): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
