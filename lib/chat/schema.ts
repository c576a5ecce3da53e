import * as z from "@/lib/forms/zod";
import { formatCount } from "@/lib/format/number";
import { characterCount, MESSAGE_MAX_CHARACTERS } from "./limits";

export * from "./limits";

// The rules of a chat message, checked by the server on every message (the panel only counts,
// with ./limits.ts, and shows the server's answer). Plain text only: it is stored as typed (normalised) and always
// rendered escaped, so « <script> » is shown as those characters and never run.

// Control characters other than tab and newline, and the bidirectional overrides that can make a
// text read differently from what it is (« Trojan Source »).
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export const messageBodySchema = z
  .string({ error: "Écrivez un message." })
  .transform((s) => s.replace(/\r\n?/g, "\n").normalize("NFC").trim())
  .refine((s) => s.length > 0, "Écrivez un message.")
  .refine((s) => characterCount(s) <= MESSAGE_MAX_CHARACTERS, `Un message ne peut pas dépasser ${formatCount(MESSAGE_MAX_CHARACTERS)} caractères.`)
  .refine((s) => !FORBIDDEN.test(s), "Le message contient des caractères de contrôle non autorisés.");

export const conversationIdSchema = z.uuid({ error: "Conversation inconnue." });
