// What the chat's browser code needs: the limit, how characters are counted, the shapes that
// travel. No zod here, so the bubble on every page of the practice area stays small; the rules
// themselves are in ./schema.ts (server and tests).

export const MESSAGE_MAX_CHARACTERS = 4000;

/** Characters as people count them (an emoji is one), not UTF-16 code units. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** A message as a browser receives it (dates as ISO strings: they travel as JSON). */
export type ChatMessageView = {
  id: number;
  side: "user" | "support";
  body: string;
  createdAt: string;
  readAt: string | null;
  waitedOffline: boolean;
  /** Support only: who answered, or for whom a secretary wrote. */
  authorName?: string | null;
  actingForName?: string | null;
};

/** What the panel of a doctor or a secretary shows. */
export type MyChatState = {
  messages: ChatMessageView[];
  unread: number;
  supportOnline: boolean;
};

/** One line of support's list. */
export type ConversationSummary = {
  id: string;
  userName: string;
  userEmail: string;
  userRole: "doctor" | "secretary";
  lastMessageAt: string | null;
  lastMessageExcerpt: string;
  lastMessageSide: "user" | "support" | null;
  unread: number;
  waitingOffline: boolean;
};

/** The outcome of sending a message, as the composer shows it. */
export type SendResult = { ok: true; message: ChatMessageView } | { ok: false; error: string };
