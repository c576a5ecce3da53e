import "server-only";
import { asc, gt, max, sql } from "drizzle-orm";
import { Client } from "pg";
import { chatConversations } from "@/db/schema";
import { AGENDA_EVENT_PREFIX, agendaChangesAfter, agendaEventDoctor, EVENTS_CHANNEL, latestAgendaRevision } from "@/lib/agenda/revisions";
import { databaseUrl } from "@/lib/config/env";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { logger } from "@/lib/log";

// How an event stream learns that a conversation changed (docs/decisions/0011). The signal is a
// conversation id and nothing else: each stream re-reads from the database what its own user may
// see, so a signal can never leak a message to the wrong person.
//  - PostgreSQL: LISTEN on one dedicated connection per process; writers NOTIFY in the transaction
//    of their change, so the signal leaves at commit and reaches every app instance.
//  - PGlite (one process): a short poll for conversation revisions above the last one seen.

export const CHANNEL = "doctipro_chat";
/**
 * The agenda's changes travel the same way (lib/agenda/revisions.ts): a listener also receives
 * « agenda:<doctor id> » signals, on the shared `doctipro_events` channel or from the poller, so one
 * stream per tab carries chat and agenda alike.
 */
export { EVENTS_CHANNEL };
/** Sent to every listener when signals may have been lost (reconnection): re-read everything. */
export const RESYNC = "*";

export type ChatListener = (conversationId: string) => void;

export interface ChatNotifier {
  /** Resolves once signals are flowing: a change committed after that is never missed. */
  subscribe(listener: ChatListener): Promise<() => void>;
  close(): Promise<void>;
}

/**
 * Marks a conversation changed, inside the writer's transaction: a new revision (the poller's
 * cursor) and a NOTIFY (delivered at commit; harmless on PGlite, where nobody listens). Also
 * locks the conversation row, so messages of one conversation are numbered in commit order.
 */
export async function announceChange(tx: Database, conversationId: string, messageAt?: Date): Promise<boolean> {
  const updated = await tx
    .update(chatConversations)
    .set({ revision: sql`nextval('chat_revision')`, ...(messageAt ? { lastMessageAt: messageAt } : {}) })
    .where(sql`${chatConversations.id} = ${conversationId}`)
    .returning({ id: chatConversations.id });
  if (updated.length === 0) return false;
  await tx.execute(sql`SELECT pg_notify(${CHANNEL}, ${conversationId})`);
  return true;
}

class Listeners {
  private readonly set = new Set<ChatListener>();
  add(listener: ChatListener) {
    this.set.add(listener);
  }
  delete(listener: ChatListener) {
    this.set.delete(listener);
  }
  get size() {
    return this.set.size;
  }
  emit(conversationId: string) {
    for (const listener of this.set) {
      try {
        listener(conversationId);
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.message : "unknown" }, "chat listener failed");
      }
    }
  }
}

/** PGlite: polls revisions every `intervalMs` while someone listens. */
export function createPollingNotifier(db: Database, intervalMs = 1000): ChatNotifier {
  const listeners = new Listeners();
  let cursor: number | null = null;
  let agendaCursor: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let starting: Promise<void> | null = null;
  let polling = false;

  const readCursor = async () => {
    const [row] = await db.select({ top: max(chatConversations.revision) }).from(chatConversations);
    return Number(row?.top ?? 0);
  };

  const poll = async () => {
    if (polling || cursor === null) return;
    polling = true;
    try {
      const changed = await db
        .select({ id: chatConversations.id, revision: chatConversations.revision })
        .from(chatConversations)
        .where(gt(chatConversations.revision, cursor))
        .orderBy(asc(chatConversations.revision))
        .limit(500);
      for (const row of changed) {
        cursor = Math.max(cursor, Number(row.revision));
        listeners.emit(row.id);
      }
      if (agendaCursor !== null) {
        for (const row of await agendaChangesAfter(db, agendaCursor)) {
          agendaCursor = Math.max(agendaCursor, row.revision);
          listeners.emit(AGENDA_EVENT_PREFIX + row.doctorId);
        }
      }
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : "unknown" }, "chat poll failed");
    } finally {
      polling = false;
    }
  };

  const start = () => {
    starting ??= (async () => {
      [cursor, agendaCursor] = await Promise.all([readCursor(), latestAgendaRevision(db)]);
      timer = setInterval(() => void poll(), intervalMs);
      timer.unref?.();
    })();
    return starting;
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    starting = null;
    cursor = null;
    agendaCursor = null;
  };

  return {
    async subscribe(listener) {
      listeners.add(listener);
      await start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    async close() {
      stop();
    },
  };
}

/** PostgreSQL: one connection per process LISTENs; it reconnects and asks every stream to resync. */
export function createPgNotifier(connectionString: string, reconnectMs = 1000): ChatNotifier {
  const listeners = new Listeners();
  let client: Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;

  const connect = (): Promise<void> => {
    connecting ??= (async () => {
      const c = new Client({ connectionString, application_name: "doctipro-chat-listen" });
      c.on("notification", (message) => {
        if (message.channel === CHANNEL && isUuid(message.payload)) listeners.emit(message.payload);
        if (message.channel === EVENTS_CHANNEL && isUuid(agendaEventDoctor(message.payload ?? "") ?? "")) listeners.emit(message.payload!);
      });
      const lost = () => {
        if (client !== c) return;
        client = null;
        connecting = null;
        c.removeAllListeners("end");
        c.end().catch(() => {});
        if (closed) return;
        logger.warn("chat LISTEN connection lost, reconnecting");
        setTimeout(() => {
          if (closed || listeners.size === 0) return;
          connect()
            .then(() => listeners.emit(RESYNC))
            .catch(() => lost());
        }, reconnectMs).unref?.();
      };
      c.on("error", lost);
      c.on("end", lost);
      client = c;
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
        await c.query(`LISTEN ${EVENTS_CHANNEL}`);
      } catch (error) {
        client = null;
        connecting = null;
        c.end().catch(() => {});
        throw error;
      }
    })();
    return connecting;
  };

  return {
    async subscribe(listener) {
      listeners.add(listener);
      try {
        await connect();
      } catch (error) {
        listeners.delete(listener);
        throw error;
      }
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      const c = client;
      client = null;
      connecting = null;
      await c?.end().catch(() => {});
    },
  };
}

// One notifier per process: Next bundles this module several times (docs/stack.md), so it lives on
// globalThis like the database client.
const KEY = Symbol.for("doctipro.chat-notifier");
const g = globalThis as unknown as { [KEY]?: ChatNotifier };

export function chatNotifier(): ChatNotifier {
  const url = databaseUrl();
  g[KEY] ??= url ? createPgNotifier(url) : createPollingNotifier(getDb(), 1000);
  return g[KEY];
}
