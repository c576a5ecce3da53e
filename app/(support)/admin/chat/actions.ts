"use server";

import { actorOf } from "@/lib/audit/support-log";
import { requireSupport } from "@/lib/auth/guards";
import { auditConversationRead } from "@/lib/support/reads";
import { conversationMessages } from "@/lib/chat/conversations";
import { markReadBySupport, sendSupportReply } from "@/lib/chat/messages";
import { requestContext } from "@/lib/http/request-context";
import { conversationIdSchema, type ChatMessageView, type SendResult } from "@/lib/chat/schema";

export async function openConversationAction(conversationId: string): Promise<ChatMessageView[] | null> {
  const { user } = await requireSupport();
  const id = conversationIdSchema.safeParse(conversationId);
  if (!id.success) return null;
  await auditConversationRead(actorOf(user, (await requestContext()).ip), id.data);
  await markReadBySupport(id.data);
  return conversationMessages(id.data);
}

export async function markConversationReadAction(conversationId: string): Promise<void> {
  await requireSupport();
  const id = conversationIdSchema.safeParse(conversationId);
  if (id.success) await markReadBySupport(id.data);
}

export async function replyAction(conversationId: string, body: string): Promise<SendResult> {
  const { user } = await requireSupport();
  const id = conversationIdSchema.safeParse(conversationId);
  if (!id.success) return { ok: false, error: id.error.issues[0]!.message };
  return sendSupportReply({ user, ip: (await requestContext()).ip }, id.data, body);
}
