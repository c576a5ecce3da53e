"use server";

import { requirePracticeAccess } from "@/lib/auth/guards";
import { markReadByUser, sendUserMessage } from "@/lib/chat/messages";
import type { SendResult } from "@/lib/chat/schema";

// The chat bubble's actions, on every page of the practice area and on /securite for its members.
// The conversation is always the signed-in user's own (a secretary's is hers, docs/decisions/0011):
// nothing here takes an id.

export async function sendChatMessageAction(body: string): Promise<SendResult> {
  const access = await requirePracticeAccess();
  return sendUserMessage(access, body);
}

export async function markChatReadAction(): Promise<void> {
  const { user } = await requirePracticeAccess();
  await markReadByUser(user.id);
}
