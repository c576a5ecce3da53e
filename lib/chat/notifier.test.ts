import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatSupportPresence, users, type User } from "@/db/schema";
import type { Database } from "@/db/client";
import { freshDatabase } from "@/tests/support/test-db";
import { ON_POSTGRES, throwawayPostgres } from "@/tests/support/postgres";
import { conversationIdOf } from "./conversations";
import { sendSupportReply, sendUserMessage } from "./messages";
import { recordSupportHeartbeat } from "./presence";
import { createPgNotifier, createPollingNotifier, RESYNC, type ChatNotifier } from "./notifier";
import { chatEventStream } from "./stream";
import { announceAgendaChange } from "@/lib/agenda/revisions";

// Live delivery: the notifier signals changed conversations (PGlite: a poll; PostgreSQL: LISTEN/
// NOTIFY between two "instances"), and each user's event stream carries only what is theirs.

let n = 0;
async function person(db: Database, role: User["role"]): Promise<User> {
  n += 1;
  const [u] = await db
    .insert(users)
    .values({
      email: `live${n}-${Date.now()}@example.lu`,
      role,
      doctorKind: role === "doctor" ? "medecin" : null,
      firstName: "Live",
      lastName: `N${n}`,
    })
    .returning();
  return u!;
}

/** Reads a stream's events into an array as they come. */
function collect(stream: ReadableStream<Uint8Array>) {
  const events: { event: string; data: unknown }[] = [];
  const raw: string[] = [];
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const done = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        raw.push(block);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    }
  })();
  return { events, raw, done };
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

type Setup = { writer: Database; reader: Database; notifier: ChatNotifier; drop?: () => Promise<void> };

function liveSuite(name: string, setup: () => Promise<Setup | null>, runs = true) {
  describe.runIf(runs)(name, () => {
    let s: Setup | null = null;
    beforeAll(async () => {
      s = await setup();
      if (!s) throw new Error(`${name}: no database`);
    });
    afterAll(async () => {
      await s?.notifier.close();
      await s?.drop?.();
    });

    it("signals the id of a conversation written through another instance, and stops after unsubscribe", async () => {
      const doctor = await person(s!.writer, "doctor");
      const seen: string[] = [];
      const unsubscribe = await s!.notifier.subscribe((id) => seen.push(id));
      await sendUserMessage({ user: doctor }, "Bonjour", s!.writer);
      const conversation = (await conversationIdOf(doctor.id, s!.writer))!;
      await waitFor(() => seen.includes(conversation));
      unsubscribe();
      const count = seen.length;
      await sendUserMessage({ user: doctor }, "Encore", s!.writer);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toHaveLength(count);
    });

    it("streams a user their own conversation only, and support every one", async () => {
      const alice = await person(s!.writer, "doctor");
      const bob = await person(s!.writer, "doctor");
      const support = await person(s!.writer, "support");
      await sendUserMessage({ user: alice }, "Historique d'Alice", s!.writer);
      const controller = new AbortController();
      const open = (user: User) =>
        collect(chatEventStream({ user }, { signal: controller.signal, stillAllowed: async () => true, db: s!.reader, notifier: s!.notifier }));
      const aliceStream = open(alice);
      const bobStream = open(bob);
      const supportStream = open(support);
      await waitFor(() => [aliceStream, bobStream, supportStream].every((x) => x.events.some((e) => e.event === "snapshot")));
      expect(aliceStream.events[0]).toMatchObject({ event: "snapshot", data: { messages: [{ body: "Historique d'Alice" }], unread: 0 } });
      expect(bobStream.events[0]).toMatchObject({ event: "snapshot", data: { messages: [] } });

      // Written through the other instance: Alice's secret, support's answer, then Bob's message.
      await sendUserMessage({ user: alice }, "Secret d'Alice", s!.writer);
      const conversation = (await conversationIdOf(alice.id, s!.writer))!;
      await sendSupportReply({ user: support, ip: "203.0.113.9" }, conversation, "Réponse pour Alice", s!.writer, async () => {});
      await sendUserMessage({ user: bob }, "Message de Bob", s!.writer);

      const bodies = (x: ReturnType<typeof open>) =>
        x.events.filter((e) => e.event === "messages").flatMap((e) => (e.data as { messages: { body: string }[] }).messages.map((m) => m.body));
      await waitFor(() => bodies(aliceStream).includes("Réponse pour Alice") && bodies(bobStream).includes("Message de Bob"));
      await waitFor(() => supportStream.events.some((e) => e.event === "conversation" && JSON.stringify(e.data).includes("Message de Bob")));
      expect(bodies(aliceStream)).toEqual(["Secret d'Alice", "Réponse pour Alice"]);
      expect(aliceStream.events.filter((e) => e.event === "messages").at(-1)?.data).toMatchObject({ unread: 1 });
      // Nothing of Alice's ever reached Bob's stream.
      expect(bodies(bobStream)).toEqual(["Message de Bob"]);
      expect(bobStream.raw.join("\n")).not.toContain("Alice");
      expect(JSON.stringify(supportStream.events)).toContain("Secret d'Alice");

      controller.abort();
      await Promise.all([aliceStream.done, bobStream.done, supportStream.done]);
    });

    it("streams agenda changes only to the streams that watch that doctor's agenda", async () => {
      const watched = await person(s!.writer, "doctor");
      const other = await person(s!.writer, "doctor");
      const viewer = await person(s!.writer, "secretary");
      const controller = new AbortController();
      const stream = collect(
        chatEventStream(
          { user: viewer },
          { signal: controller.signal, stillAllowed: async () => true, agendaDoctorIds: [watched.id], db: s!.reader, notifier: s!.notifier },
        ),
      );
      await waitFor(() => stream.events.some((e) => e.event === "snapshot"));
      await s!.writer.transaction((tx) => announceAgendaChange(tx, other.id));
      await s!.writer.transaction((tx) => announceAgendaChange(tx, watched.id));
      await waitFor(() => stream.events.some((e) => e.event === "agenda"));
      await new Promise((r) => setTimeout(r, 200));
      expect(stream.events.filter((e) => e.event === "agenda")).toEqual([{ event: "agenda", data: { doctorId: watched.id } }]);
      expect(stream.raw.join("\n")).not.toContain(other.id);
      controller.abort();
      await stream.done;
    });

    it("tells a user's stream when an operator comes online", async () => {
      await s!.writer.delete(chatSupportPresence);
      const doctor = await person(s!.writer, "doctor");
      const support = await person(s!.writer, "support");
      const controller = new AbortController();
      const stream = collect(
        chatEventStream(
          { user: doctor },
          { signal: controller.signal, stillAllowed: async () => true, db: s!.reader, notifier: s!.notifier, presenceCheckMs: 50 },
        ),
      );
      await waitFor(() => stream.events.some((e) => e.event === "snapshot"));
      expect(stream.events[0]).toMatchObject({ data: { supportOnline: false } });
      await recordSupportHeartbeat(support.id, s!.writer);
      await waitFor(() => stream.events.some((e) => e.event === "presence"));
      expect(stream.events.find((e) => e.event === "presence")?.data).toEqual({ supportOnline: true });
      await s!.writer.delete(chatSupportPresence);
      controller.abort();
      await stream.done;
    });

    it("sends heartbeats, and ends the stream when the session is no longer live", async () => {
      const doctor = await person(s!.writer, "doctor");
      let allowed = true;
      const stream = collect(
        chatEventStream(
          { user: doctor },
          { signal: new AbortController().signal, stillAllowed: async () => allowed, db: s!.reader, notifier: s!.notifier, heartbeatMs: 50 },
        ),
      );
      await waitFor(() => stream.raw.includes(": ping"));
      expect(stream.events.map((e) => e.event)).not.toContain("ended");
      allowed = false;
      await waitFor(() => stream.events.some((e) => e.event === "ended"));
      await stream.done;
      expect(stream.events.at(-1)?.event).toBe("ended");
    });
  });
}

describe.runIf(ON_POSTGRES)("LISTEN connection lost (PostgreSQL)", () => {
  it("reconnects and asks every stream to re-read (signals may have been missed)", async () => {
    const pg = (await throwawayPostgres(1))!;
    const notifier = createPgNotifier(pg.url, 50);
    try {
      const seen: string[] = [];
      await notifier.subscribe((id) => seen.push(id));
      // What a server restart or a network cut does to the listening connection.
      await pg.dbs[0]!.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'doctipro-chat-listen' AND datname = current_database()`,
      );
      await waitFor(() => seen.includes(RESYNC));
      const doctor = await person(pg.dbs[0]!, "doctor");
      await sendUserMessage({ user: doctor }, "Après la coupure", pg.dbs[0]!);
      const conversation = (await conversationIdOf(doctor.id, pg.dbs[0]!))!;
      await waitFor(() => seen.includes(conversation));
      expect(seen.indexOf(RESYNC)).toBeLessThan(seen.indexOf(conversation));
    } finally {
      await notifier.close();
      await pg.drop();
    }
  });
});

liveSuite("live delivery on PGlite (poll)", async () => {
  const db = await freshDatabase();
  return { writer: db, reader: db, notifier: createPollingNotifier(db, 50) };
});

liveSuite(
  "live delivery on PostgreSQL (LISTEN/NOTIFY, two instances)",
  async () => {
    const pg = await throwawayPostgres(2);
    return pg && { writer: pg.dbs[0]!, reader: pg.dbs[1]!, notifier: createPgNotifier(pg.url), drop: pg.drop };
  },
  ON_POSTGRES,
);
