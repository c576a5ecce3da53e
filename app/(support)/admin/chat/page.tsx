import type { Metadata } from "next";
import { SupportChat } from "@/components/chat/support-chat";
import { actorOf } from "@/lib/audit/support-log";
import { requireSupport } from "@/lib/auth/guards";
import { requestContext } from "@/lib/http/request-context";
import { auditConversationRead } from "@/lib/support/reads";
import { conversationMessages, conversationSummary, listConversations } from "@/lib/chat/conversations";
import { conversationIdSchema } from "@/lib/chat/schema";
import { markConversationReadAction, openConversationAction, replyAction } from "./actions";

export const metadata: Metadata = { title: "Chat" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function SupportChatPage({ searchParams }: { searchParams: Params }) {
  const { user } = await requireSupport();
  const { c } = await searchParams;
  const parsed = conversationIdSchema.safeParse(c);
  const selected = parsed.success ? parsed.data : null;
  // Unknown ids open nothing; the page says so.
  const exists = selected ? (await conversationSummary(selected)) !== null : false;
  if (selected && exists) await auditConversationRead(actorOf(user, (await requestContext()).ip), selected);
  return (
    <SupportChat
      initialConversations={await listConversations()}
      initialSelected={selected}
      initialMessages={selected && exists ? await conversationMessages(selected) : null}
      open={openConversationAction}
      markRead={markConversationReadAction}
      reply={replyAction}
    />
  );
}
