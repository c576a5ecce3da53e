import "server-only";
import { eq } from "drizzle-orm";
import { chatConversations, users } from "@/db/schema";
import { getDb } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/support-log";

// What support reads is written to the audit log as its changes are (second review): opening a
// user's page, opening a chat conversation, exporting the audit log. A read has no reason typed:
// the row says « consultation ».

const READ_REASON = "consultation";

export async function auditUserPageRead(actor: Actor, user: { id: string; email: string }): Promise<void> {
  await getDb().transaction((tx) =>
    writeAudit(tx, actor, { action: "read.user", targetUserId: user.id, targetLabel: user.email, reason: READ_REASON }),
  );
}

/** The conversation's owner is the target; nothing is written for an id that matches no conversation. */
export async function auditConversationRead(actor: Actor, conversationId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: users.id, email: users.email })
      .from(chatConversations)
      .innerJoin(users, eq(users.id, chatConversations.userId))
      .where(eq(chatConversations.id, conversationId));
    if (!owner) return;
    await writeAudit(tx, actor, {
      action: "read.chat",
      targetUserId: owner.id,
      targetLabel: owner.email,
      reason: READ_REASON,
      details: { conversation: conversationId },
    });
  });
}

export async function auditExportRead(actor: Actor, filter: Record<string, string>): Promise<void> {
  await getDb().transaction((tx) =>
    writeAudit(tx, actor, { action: "read.audit-export", targetUserId: null, targetLabel: null, reason: READ_REASON, details: filter }),
  );
}
