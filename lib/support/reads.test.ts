import { asc } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, chatConversations, users } from "@/db/schema";
import { verifyAuditChain, type Actor } from "@/lib/audit/support-log";
import { freshDatabase } from "@/tests/support/test-db";
import { auditConversationRead, auditExportRead, auditUserPageRead } from "./reads";

let db: Awaited<ReturnType<typeof freshDatabase>>;
let support: Actor;

beforeEach(async () => {
  db = await freshDatabase();
  const [s] = await db
    .insert(users)
    .values({ email: "support@example.lu", role: "support", firstName: "S", lastName: "U", passwordHash: "x" })
    .returning();
  support = { userId: s!.id, label: s!.email, ip: "198.51.100.7" };
});

describe("support's reads", () => {
  it("leave a trace in the audit chain: a user's page, a conversation, an export", async () => {
    const [doctor] = await db
      .insert(users)
      .values({ email: "doc@example.lu", role: "doctor", doctorKind: "medecin", firstName: "D", lastName: "O", passwordHash: "x" })
      .returning();
    const [conversation] = await db.insert(chatConversations).values({ userId: doctor!.id }).returning();
    await auditUserPageRead(support, doctor!);
    await auditConversationRead(support, conversation!.id);
    await auditConversationRead(support, "00000000-0000-4000-8000-000000000000");
    await auditExportRead(support, { action: "user.unblock" });
    const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows.map((r) => [r.action, r.actorLabel, r.targetLabel, r.ip])).toEqual([
      ["read.user", "support@example.lu", "doc@example.lu", "198.51.100.7"],
      ["read.chat", "support@example.lu", "doc@example.lu", "198.51.100.7"],
      ["read.audit-export", "support@example.lu", null, "198.51.100.7"],
    ]);
    expect(JSON.parse(rows[2]!.details)).toEqual({ action: "user.unblock" });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 3 });
  });
});
