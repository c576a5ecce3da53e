import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { chatConversations, chatMessages, users } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { displayName } from "@/lib/users/display-name";
import { supportOnline } from "./presence";
import type { ChatMessageView, ConversationSummary, MyChatState } from "./schema";
import { excerpt, messageView } from "./views";

// What each side may read. A doctor or a secretary reads only the conversation whose owner is the
// signed-in user: no function here takes a conversation id from them. Support reads any.

/** How much history a panel loads: the newest messages of a conversation. */
export const HISTORY_LIMIT = 200;
/** Support's list: the conversations with the newest activity. */
export const LIST_LIMIT = 100;

export async function conversationIdOf(userId: string, db: Database = getDb()): Promise<string | null> {
  const [row] = await db.select({ id: chatConversations.id }).from(chatConversations).where(eq(chatConversations.userId, userId));
  return row?.id ?? null;
}

/** The owner's conversation, created on first use (idempotent under concurrent first messages). */
export async function ensureConversation(tx: Database, userId: string): Promise<string> {
  await tx.insert(chatConversations).values({ userId }).onConflictDoNothing({ target: chatConversations.userId });
  const id = await conversationIdOf(userId, tx);
  if (!id) throw new Error("conversation not created");
  return id;
}

async function unreadBy(conversationId: string, reader: "user" | "support", db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(chatMessages)
    .where(
      and(
        eq(chatMessages.conversationId, conversationId),
        eq(chatMessages.side, reader === "user" ? "support" : "user"),
        isNull(chatMessages.readAt),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The signed-in user's own conversation: newest history, unread answers, support presence. */
export async function myChat(userId: string, db: Database = getDb()): Promise<MyChatState & { conversationId: string | null }> {
  const conversationId = await conversationIdOf(userId, db);
  const online = await supportOnline(db);
  if (!conversationId) return { conversationId, messages: [], unread: 0, supportOnline: online };
  const rows = await db
    .select()
    .from(chatMessages)
    .where(eq(chatMessages.conversationId, conversationId))
    .orderBy(desc(chatMessages.id))
    .limit(HISTORY_LIMIT);
  return {
    conversationId,
    messages: rows.reverse().map((m) => messageView(m)),
    unread: await unreadBy(conversationId, "user", db),
    supportOnline: online,
  };
}

/** The owner's messages after `afterId` (the stream's cursor), and the owner's unread count. */
export async function myMessagesAfter(conversationId: string, userId: string, afterId: number, db: Database = getDb()) {
  const rows = await db
    .select({ m: chatMessages })
    .from(chatMessages)
    .innerJoin(chatConversations, eq(chatConversations.id, chatMessages.conversationId))
    // The owner check again: a signal only says « this conversation changed ».
    .where(and(eq(chatMessages.conversationId, conversationId), eq(chatConversations.userId, userId), gt(chatMessages.id, afterId)))
    .orderBy(chatMessages.id)
    .limit(HISTORY_LIMIT);
  return { messages: rows.map((r) => messageView(r.m)), unread: await unreadBy(conversationId, "user", db) };
}

const author = alias(users, "author");
const actingFor = alias(users, "acting_for");

/** Support: a conversation's newest messages, with who answered and for whom a secretary wrote. */
export async function conversationMessages(conversationId: string, limit = HISTORY_LIMIT, db: Database = getDb()): Promise<ChatMessageView[]> {
  const rows = await db
    .select({ m: chatMessages, author, actingFor })
    .from(chatMessages)
    .leftJoin(author, eq(author.id, chatMessages.authorId))
    .leftJoin(actingFor, eq(actingFor.id, chatMessages.actingForDoctorId))
    .where(eq(chatMessages.conversationId, conversationId))
    .orderBy(desc(chatMessages.id))
    .limit(limit);
  return rows.reverse().map((r) =>
    messageView(r.m, {
      authorName: r.author ? displayName(r.author) : null,
      actingForName: r.actingFor && r.m.side === "user" ? displayName(r.actingFor) : null,
    }),
  );
}

async function summaries(db: Database, where?: ReturnType<typeof eq>): Promise<ConversationSummary[]> {
  const rows = await db
    .select({
      id: chatConversations.id,
      lastMessageAt: chatConversations.lastMessageAt,
      user: { title: users.title, firstName: users.firstName, lastName: users.lastName, email: users.email, role: users.role },
      unread: sql<number>`(SELECT count(*)::int FROM chat_messages m WHERE m.conversation_id = ${chatConversations.id} AND m.side = 'user' AND m.read_at IS NULL)`,
      waitingOffline: sql<boolean>`EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = ${chatConversations.id} AND m.side = 'user' AND m.waited_offline AND m.answered_at IS NULL)`,
      last: sql<{
        body: string;
        side: "user" | "support";
      } | null>`(SELECT json_build_object('body', m.body, 'side', m.side) FROM chat_messages m WHERE m.conversation_id = ${chatConversations.id} ORDER BY m.id DESC LIMIT 1)`,
    })
    .from(chatConversations)
    .innerJoin(users, eq(users.id, chatConversations.userId))
    .where(where ? and(isNotNull(chatConversations.lastMessageAt), where) : isNotNull(chatConversations.lastMessageAt))
    .orderBy(desc(chatConversations.lastMessageAt))
    .limit(LIST_LIMIT);
  return rows.map((r) => {
    const last = typeof r.last === "string" ? (JSON.parse(r.last) as { body: string; side: "user" | "support" }) : r.last;
    return {
      id: r.id,
      userName: displayName(r.user),
      userEmail: r.user.email,
      userRole: r.user.role === "secretary" ? "secretary" : "doctor",
      lastMessageAt: r.lastMessageAt ? new Date(r.lastMessageAt).toISOString() : null,
      lastMessageExcerpt: last ? excerpt(last.body) : "",
      lastMessageSide: last?.side ?? null,
      unread: Number(r.unread),
      waitingOffline: Boolean(r.waitingOffline),
    };
  });
}

/** Support's list: newest activity first. */
export function listConversations(db: Database = getDb()): Promise<ConversationSummary[]> {
  return summaries(db);
}

/** One line of support's list, after a change. */
export async function conversationSummary(conversationId: string, db: Database = getDb()): Promise<ConversationSummary | null> {
  const [row] = await summaries(db, eq(chatConversations.id, conversationId));
  return row ?? null;
}
