import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { chatConversations, chatMessages, users, type User } from "@/db/schema";
import { actorOf, writeAudit } from "@/lib/audit/support-log";
import { sendEmail } from "@/lib/email/send";
import { chatAnswerEmail } from "@/lib/email/templates";
import { getDb, type Database } from "@/lib/db";
import { takeToken } from "@/lib/rate-limit/fixed-window";
import { conversationIdOf, ensureConversation } from "./conversations";
import { announceChange } from "./notifier";
import { supportOnline } from "./presence";
import { messageBodySchema, type ChatMessageView } from "./schema";
import { messageView } from "./views";

// Writing to the chat. Every message is checked here (lib/chat/schema.ts) and counted against
// its author's rate limit, whoever calls; the conversation is always the one the session allows.

/** Messages per author and per minute: a conversation pace, far below a flood. */
export const MESSAGES_PER_MINUTE = 20;

export const TOO_MANY = "Vous envoyez trop de messages à la suite. Patientez une minute avant d'écrire à nouveau.";

export type SendOutcome = { ok: true; message: ChatMessageView } | { ok: false; error: string };

type PracticeAuthor = { user: Pick<User, "id" | "role">; doctor?: Pick<User, "id">; mode?: "direct" | "secretary" };

function checkBody(raw: unknown): { ok: true; body: string } | { ok: false; error: string } {
  const parsed = messageBodySchema.safeParse(raw);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? "Message refusé." };
}

/**
 * A doctor or a secretary writes to support, in the conversation that is theirs. While no
 * operator is online the message is marked as left offline: support sees it so, and the answer
 * will also be emailed.
 */
export async function sendUserMessage(author: PracticeAuthor, raw: unknown, db: Database = getDb()): Promise<SendOutcome> {
  if (author.user.role !== "doctor" && author.user.role !== "secretary") throw new Error("only practice users write as users");
  const checked = checkBody(raw);
  if (!checked.ok) return checked;
  if (!(await takeToken(`chat:${author.user.id}`, MESSAGES_PER_MINUTE, 60, new Date(), db))) return { ok: false, error: TOO_MANY };
  const message = await db.transaction(async (tx) => {
    const conversationId = await ensureConversation(tx, author.user.id);
    const now = new Date();
    await announceChange(tx, conversationId, now);
    const [row] = await tx
      .insert(chatMessages)
      .values({
        conversationId,
        side: "user",
        authorId: author.user.id,
        actingForDoctorId: author.mode === "secretary" ? (author.doctor?.id ?? null) : null,
        body: checked.body,
        createdAt: now,
        waitedOffline: !(await supportOnline(tx)),
      })
      .returning();
    return row!;
  });
  return { ok: true, message: messageView(message) };
}

/** An operator answering, and the address the answer comes from (for the audit log). */
export type SupportReplier = { user: Pick<User, "id" | "role" | "email">; ip: string };

/**
 * Support answers a conversation. Messages left offline and not yet answered are marked answered
 * in the same statement that decides to email, so the answer goes out once even if two operators
 * reply at the same moment. Answering is a support action: its audit row (who, to whom, which
 * message, never the text) is written in the same transaction as the message.
 */
export async function sendSupportReply(
  { user: support, ip }: SupportReplier,
  conversationId: string,
  raw: unknown,
  db: Database = getDb(),
  send: typeof sendEmail = sendEmail,
): Promise<SendOutcome> {
  if (support.role !== "support") throw new Error("only support replies");
  const checked = checkBody(raw);
  if (!checked.ok) return checked;
  if (!(await takeToken(`chat:${support.id}`, MESSAGES_PER_MINUTE * 3, 60, new Date(), db))) return { ok: false, error: TOO_MANY };
  const outcome = await db.transaction(async (tx) => {
    const now = new Date();
    if (!(await announceChange(tx, conversationId, now))) return null;
    const [row] = await tx
      .insert(chatMessages)
      .values({ conversationId, side: "support", authorId: support.id, body: checked.body, createdAt: now })
      .returning();
    // Answering reads what was asked.
    await tx
      .update(chatMessages)
      .set({ readAt: now })
      .where(and(eq(chatMessages.conversationId, conversationId), eq(chatMessages.side, "user"), isNull(chatMessages.readAt)));
    const answered = await tx
      .update(chatMessages)
      .set({ answeredAt: now })
      .where(
        and(
          eq(chatMessages.conversationId, conversationId),
          eq(chatMessages.side, "user"),
          eq(chatMessages.waitedOffline, true),
          isNull(chatMessages.answeredAt),
        ),
      )
      .returning({ id: chatMessages.id });
    const [owner] = await tx
      .select({ id: users.id, email: users.email })
      .from(chatConversations)
      .innerJoin(users, eq(users.id, chatConversations.userId))
      .where(eq(chatConversations.id, conversationId));
    await writeAudit(tx, actorOf(support, ip), {
      action: "chat.reply",
      targetUserId: owner?.id ?? null,
      targetLabel: owner?.email ?? null,
      reason: "Réponse dans le chat",
      details: { conversation: conversationId, message: String(row!.id) },
    });
    return { message: row!, emailTo: answered.length > 0 ? (owner?.email ?? null) : null };
  });
  if (!outcome) return { ok: false, error: "Cette conversation n'existe plus." };
  if (outcome.emailTo) await send(outcome.emailTo, chatAnswerEmail(checked.body));
  return { ok: true, message: messageView(outcome.message) };
}

async function markRead(conversationId: string, side: "user" | "support", db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const read = await tx
      .update(chatMessages)
      .set({ readAt: sql`now()` })
      .where(and(eq(chatMessages.conversationId, conversationId), eq(chatMessages.side, side), isNull(chatMessages.readAt)))
      .returning({ id: chatMessages.id });
    // Other tabs and operators update their badges; nothing to say when nothing changed.
    if (read.length > 0) await announceChange(tx, conversationId);
    return read.length;
  });
}

/** The owner opened the panel: support's answers are read. */
export async function markReadByUser(userId: string, db: Database = getDb()): Promise<number> {
  const conversationId = await conversationIdOf(userId, db);
  return conversationId ? markRead(conversationId, "support", db) : 0;
}

/** An operator opened a conversation: the user's messages are read. */
export async function markReadBySupport(conversationId: string, db: Database = getDb()): Promise<number> {
  return markRead(conversationId, "user", db);
}
