import { z } from "zod";

// The rules of a chat message, shared by the panel (its character counter) and the server, which
// checks every message again. Plain text only: it is stored as typed (normalised) and always
// rendered escaped, so « <script> » is shown as those characters and never run.

export const MESSAGE_MAX_CHARACTERS = 4000;

// Control characters other than tab and newline, and the bidirectional overrides that can make a
// text read differently from what it is (« Trojan Source »).
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Characters as people count them (an emoji is one), not UTF-16 code units. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** « 4 000 »: French digit grouping, the same on the server and in every browser. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

export const messageBodySchema = z
  .string({ error: "Écrivez un message." })
  .transform((s) => s.replace(/\r\n?/g, "\n").normalize("NFC").trim())
  .refine((s) => s.length > 0, "Écrivez un message.")
  .refine(
    (s) => characterCount(s) <= MESSAGE_MAX_CHARACTERS,
    `Un message ne peut pas dépasser ${formatCount(MESSAGE_MAX_CHARACTERS)} caractères.`,
  )
  .refine((s) => !FORBIDDEN.test(s), "Le message contient des caractères de contrôle non autorisés.");

export const conversationIdSchema = z.uuid({ error: "Conversation inconnue." });

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
