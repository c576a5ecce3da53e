import { eq, sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { auditLog, chatConversations, chatMessages, chatSupportPresence, users, type User } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/support-log";
import type { Database } from "@/db/client";
import type { EmailMessage } from "@/lib/email/templates";
import { freshDatabase } from "@/tests/support/test-db";
import { ON_POSTGRES, throwawayPostgres } from "@/tests/support/postgres";
import { conversationIdOf, conversationSummary, listConversations, myChat, myMessagesAfter } from "./conversations";
import { markReadBySupport, markReadByUser, MESSAGES_PER_MINUTE, sendSupportReply, sendUserMessage, TOO_MANY } from "./messages";
import { recordSupportHeartbeat, supportOnline } from "./presence";
import { useDatabase } from "@/tests/support/database-suite";

// The chat's rules, whatever runs the statements: PGlite, or PostgreSQL (TEST_DATABASE_URL).

/** Support (or, to be refused, someone else) answering from a documentation address. */
const answering = (user: Pick<User, "id" | "role" | "email">) => ({ user, ip: "203.0.113.9" });

let n = 0;
async function person(db: Database, role: User["role"], firstName = "Test"): Promise<User> {
  n += 1;
  const [u] = await db
    .insert(users)
    .values({
      email: `chat${n}-${Date.now()}@example.lu`,
      role,
      doctorKind: role === "doctor" ? "medecin" : null,
      title: role === "doctor" ? "Dr" : null,
      firstName,
      lastName: `Nom${n}`,
    })
    .returning();
  return u!;
}

type Sent = { to: string; message: EmailMessage };

function chatSuite(name: string, setup: () => Promise<{ db: Database; drop?: () => Promise<void> } | null>, runs = true) {
  describe.runIf(runs)(name, () => {
    let db: Database | null = null;
    useDatabase(setup, (ready) => (db = ready?.db ?? null));
    const offline = async () => db!.delete(chatSupportPresence);

    it("gives each practice user a conversation of their own, that no one else reads", async () => {
      await offline();
      const alice = await person(db!, "doctor", "Alice");
      const bob = await person(db!, "doctor", "Bob");
      expect(await sendUserMessage({ user: alice, mode: "direct" }, "Question privée d'Alice", db!)).toMatchObject({ ok: true });
      await sendUserMessage({ user: bob, mode: "direct" }, "Question de Bob", db!);
      const aliceConversation = (await conversationIdOf(alice.id, db!))!;
      expect(aliceConversation).not.toBe(await conversationIdOf(bob.id, db!));

      const bobSees = await myChat(bob.id, db!);
      expect(bobSees.messages.map((m) => m.body)).toEqual(["Question de Bob"]);
      // Even given Alice's conversation id, the reads for Bob check the owner.
      expect((await myMessagesAfter(aliceConversation, bob.id, 0, db!)).messages).toEqual([]);
      expect((await myMessagesAfter(aliceConversation, alice.id, 0, db!)).messages.map((m) => m.body)).toEqual(["Question privée d'Alice"]);
    });

    it("keeps a secretary's chat hers, noting for which doctor she wrote", async () => {
      const doctor = await person(db!, "doctor");
      const secretary = await person(db!, "secretary", "Sophie");
      await sendUserMessage({ user: secretary, doctor, mode: "secretary" }, "Pour le cabinet", db!);
      expect((await myChat(doctor.id, db!)).messages).toEqual([]);
      expect((await myChat(secretary.id, db!)).messages.map((m) => m.body)).toEqual(["Pour le cabinet"]);
      const [row] = await db!.select().from(chatMessages).where(eq(chatMessages.authorId, secretary.id));
      expect(row!.actingForDoctorId).toBe(doctor.id);
    });

    it("lets only doctors and secretaries write as users, and only support answer", async () => {
      const patient = await person(db!, "patient");
      const support = await person(db!, "support");
      const doctor = await person(db!, "doctor");
      await expect(sendUserMessage({ user: patient }, "Bonjour", db!)).rejects.toThrow();
      await expect(sendUserMessage({ user: support }, "Bonjour", db!)).rejects.toThrow();
      await sendUserMessage({ user: doctor }, "Bonjour", db!);
      const conversation = (await conversationIdOf(doctor.id, db!))!;
      await expect(sendSupportReply(answering(doctor), conversation, "Je me réponds", db!)).rejects.toThrow();
      expect(await sendSupportReply(answering(support), "00000000-0000-4000-8000-000000000000", "Perdu", db!, async () => {})).toEqual({
        ok: false,
        error: "Cette conversation n'existe plus.",
      });
    });

    it("refuses a message over 4,000 characters or blank, and saves nothing", async () => {
      const doctor = await person(db!, "doctor");
      expect(await sendUserMessage({ user: doctor }, "x".repeat(4001), db!)).toEqual({
        ok: false,
        error: "Un message ne peut pas dépasser 4\u202f000 caractères.",
      });
      expect(await sendUserMessage({ user: doctor }, "   ", db!)).toEqual({ ok: false, error: "Écrivez un message." });
      expect(await conversationIdOf(doctor.id, db!)).toBeNull();
      expect(await sendUserMessage({ user: doctor }, "x".repeat(4000), db!)).toMatchObject({ ok: true });
      // The database refuses what the schema would, should a write ever skip it.
      const conversation = (await conversationIdOf(doctor.id, db!))!;
      await expect(db!.insert(chatMessages).values({ conversationId: conversation, side: "user", body: "x".repeat(4001) })).rejects.toThrow();
    });

    it(`rate-limits each author to ${MESSAGES_PER_MINUTE} messages a minute`, async () => {
      const doctor = await person(db!, "doctor");
      const other = await person(db!, "doctor");
      // The limit is a fixed one-minute window: a run that straddled a minute's end would see the
      // 21st message allowed. The clock is held at the start of the current minute (in the past, so
      // later tests' activity stays the newest) for the whole test.
      vi.useFakeTimers({ toFake: ["Date"], now: new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1_000) });
      onTestFinished(() => void vi.useRealTimers());
      for (let i = 0; i < MESSAGES_PER_MINUTE; i++) expect((await sendUserMessage({ user: doctor }, `m${i}`, db!)).ok).toBe(true);
      expect(await sendUserMessage({ user: doctor }, "un de trop", db!)).toEqual({ ok: false, error: TOO_MANY });
      expect((await myChat(doctor.id, db!)).messages).toHaveLength(MESSAGES_PER_MINUTE);
      // Someone else's limit is their own.
      expect((await sendUserMessage({ user: other }, "moi aussi", db!)).ok).toBe(true);
    });

    it("marks messages left while no operator is online, and emails the first answer once", async () => {
      await offline();
      const doctor = await person(db!, "doctor");
      const support = await person(db!, "support");
      expect(await supportOnline(db!)).toBe(false);
      const left = await sendUserMessage({ user: doctor }, "Personne ?", db!);
      expect(left).toMatchObject({ ok: true, message: { waitedOffline: true } });
      const conversation = (await conversationIdOf(doctor.id, db!))!;
      expect(await conversationSummary(conversation, db!)).toMatchObject({ waitingOffline: true, unread: 1 });

      const sent: Sent[] = [];
      const send = vi.fn(async (to: string, message: EmailMessage) => void sent.push({ to, message }));
      await sendSupportReply(answering(support), conversation, "Voici la réponse <b>en clair</b>", db!, send);
      await sendSupportReply(answering(support), conversation, "Et un complément", db!, send);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.to).toBe(doctor.email);
      expect(sent[0]!.message.subject).toBe("Réponse du support Doctipro à votre message");
      expect(sent[0]!.message.text).toContain("Voici la réponse <b>en clair</b>");
      expect(sent[0]!.message.html).toContain("Voici la réponse &lt;b&gt;en clair&lt;/b&gt;");
      expect(await conversationSummary(conversation, db!)).toMatchObject({ waitingOffline: false, unread: 0, lastMessageSide: "support" });

      // The mark stays on the message for support to see; the user has two answers to read.
      const state = await myChat(doctor.id, db!);
      expect(state.messages.map((m) => [m.side, m.waitedOffline])).toEqual([
        ["user", true],
        ["support", false],
        ["support", false],
      ]);
      expect(state.unread).toBe(2);
      expect(await markReadByUser(doctor.id, db!)).toBe(2);
      expect((await myChat(doctor.id, db!)).unread).toBe(0);
    });

    it("writes each answer to the support audit log, naming who answered whom and never the text", async () => {
      const doctor = await person(db!, "doctor");
      const support = await person(db!, "support");
      await sendUserMessage({ user: doctor }, "Une question", db!);
      const conversation = (await conversationIdOf(doctor.id, db!))!;
      const reply = await sendSupportReply(answering(support), conversation, "Réponse confidentielle", db!, async () => {});
      expect(reply.ok).toBe(true);

      const rows = await db!.select().from(auditLog).where(eq(auditLog.actorId, support.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: "chat.reply",
        actorLabel: support.email,
        targetUserId: doctor.id,
        targetLabel: doctor.email,
        ip: "203.0.113.9",
      });
      expect(JSON.parse(rows[0]!.details)).toEqual({ conversation, message: reply.ok ? String(reply.message.id) : "" });
      expect(JSON.stringify(rows[0])).not.toContain("confidentielle");
      expect(await verifyAuditChain(db!)).toMatchObject({ ok: true });

      // A refused answer (empty, or to no conversation) writes nothing.
      await sendSupportReply(answering(support), conversation, "   ", db!, async () => {});
      await sendSupportReply(answering(support), "00000000-0000-4000-8000-000000000000", "Perdu", db!, async () => {});
      expect(await db!.select().from(auditLog).where(eq(auditLog.actorId, support.id))).toHaveLength(1);
    });

    it("counts support online for 60 seconds after its page's last heartbeat", async () => {
      await offline();
      const doctor = await person(db!, "doctor");
      const support = await person(db!, "support");
      await recordSupportHeartbeat(support.id, db!);
      expect(await supportOnline(db!)).toBe(true);
      expect(await sendUserMessage({ user: doctor }, "Vous êtes là ?", db!)).toMatchObject({ ok: true, message: { waitedOffline: false } });
      const sent: Sent[] = [];
      await sendSupportReply(
        answering(support),
        (await conversationIdOf(doctor.id, db!))!,
        "Oui",
        db!,
        async (to, message) => void sent.push({ to, message }),
      );
      expect(sent).toEqual([]);

      await db!.update(chatSupportPresence).set({ lastSeenAt: sql`now() - interval '61 seconds'` });
      expect(await supportOnline(db!)).toBe(false);
      await db!.update(chatSupportPresence).set({ lastSeenAt: sql`now() - interval '50 seconds'` });
      expect(await supportOnline(db!)).toBe(true);
      // A blocked operator's page does not count.
      await db!.update(users).set({ status: "blocked" }).where(eq(users.id, support.id));
      expect(await supportOnline(db!)).toBe(false);
      await offline();
    });

    it("lists conversations for support by newest activity, with unread counts", async () => {
      const first = await person(db!, "doctor", "Premier");
      const second = await person(db!, "secretary", "Second");
      const support = await person(db!, "support");
      await sendUserMessage({ user: first }, "Un", db!);
      await sendUserMessage({ user: second }, "Deux", db!);
      await sendUserMessage({ user: second }, "Trois", db!);
      const top = (await listConversations(db!)).slice(0, 2);
      expect(top.map((c) => [c.userName, c.unread, c.userRole, c.lastMessageExcerpt])).toEqual([
        [`Second ${second.lastName}`, 2, "secretary", "Trois"],
        [`Dr Premier ${first.lastName}`, 1, "doctor", "Un"],
      ]);
      await markReadBySupport(top[0]!.id, db!);
      expect(await conversationSummary(top[0]!.id, db!)).toMatchObject({ unread: 0 });
      await sendSupportReply(answering(support), top[1]!.id, "Réponse", db!, async () => {});
      expect((await listConversations(db!))[0]!.id).toBe(top[1]!.id);
      // A conversation without messages is not listed.
      const silent = await person(db!, "doctor");
      await db!.insert(chatConversations).values({ userId: silent.id });
      expect((await listConversations(db!)).some((c) => c.userEmail === silent.email)).toBe(false);
    });
  });
}

chatSuite("chat on PGlite", async () => ({ db: await freshDatabase() }));
chatSuite(
  "chat on PostgreSQL",
  async () => {
    const pg = await throwawayPostgres(1);
    return pg && { db: pg.dbs[0]!, drop: pg.drop };
  },
  ON_POSTGRES,
);
