import "server-only";
import type { User } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { logger } from "@/lib/log";
import { conversationIdOf, conversationMessages, conversationSummary, listConversations, myChat, myMessagesAfter } from "./conversations";
import { agendaEventDoctor } from "@/lib/agenda/revisions";
import { chatNotifier, RESYNC, type ChatNotifier } from "./notifier";
import { recordSupportHeartbeat, supportOnline } from "./presence";

// The Server-Sent Events stream behind the chat bubble and /admin/chat. What it sends is read
// from the database for the signed-in user each time: a doctor's or a secretary's stream only
// ever reads the conversation they own; support's stream reads any.
//
// Events: `snapshot` on (re)connection, then `messages` (user) or `conversation` (support),
// `presence` (user: support went on or offline), `ended` (the session ended), and `agenda`
// ({ doctorId }: that doctor's agenda changed; only for the agendas in `agendaDoctorIds`, the ones
// the user may see — the page then reads it again through its own guard). A comment every
// HEARTBEAT_MS keeps proxies from closing an idle connection; the same tick re-checks the session
// and, for support, counts the operator online.

export const HEARTBEAT_MS = 15_000;
/** How often a user's stream looks whether support came on or went offline. */
export const PRESENCE_CHECK_MS = 5_000;
/** Support receives a changed conversation's newest messages; the page merges them by id. */
const SUPPORT_RECENT = 20;

export type StreamViewer = { user: Pick<User, "id" | "role"> };

type Options = {
  /** Whether the session that opened the stream is still live (checked on every heartbeat). */
  stillAllowed: () => Promise<boolean>;
  signal: AbortSignal;
  /** The doctors whose agenda changes this stream forwards (none by default). */
  agendaDoctorIds?: readonly string[];
  db?: Database;
  notifier?: ChatNotifier;
  heartbeatMs?: number;
  presenceCheckMs?: number;
};

// Every user stream of a process asks the same question; one query answers them all for a while.
const presenceCache = new WeakMap<Database, { at: number; value: Promise<boolean> }>();
function cachedSupportOnline(db: Database, maxAgeMs: number): Promise<boolean> {
  const hit = presenceCache.get(db);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.value;
  const value = supportOnline(db);
  presenceCache.set(db, { at: Date.now(), value });
  value.catch(() => presenceCache.delete(db));
  return value;
}

export function chatEventStream(viewer: StreamViewer, options: Options): ReadableStream<Uint8Array> {
  const db = options.db ?? getDb();
  const notifier = options.notifier ?? chatNotifier();
  const encoder = new TextEncoder();
  const isSupport = viewer.user.role === "support";
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let presenceTimer: ReturnType<typeof setInterval> | null = null;
  // Signals are handled one after the other, so events leave in the order of the reads.
  let queue: Promise<void> = Promise.resolve();

  // The user's own conversation (created by their first message) and what was already sent.
  let conversationId: string | null = null;
  let cursor = 0;
  let online: boolean | null = null;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      // A write that fails means the client is gone: stop everything rather than keep querying.
      const write = (raw: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(raw));
        } catch {
          close();
        }
      };
      const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        if (timer) clearInterval(timer);
        if (presenceTimer) clearInterval(presenceTimer);
        options.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };

      const snapshot = async () => {
        if (isSupport) {
          send("snapshot", { conversations: await listConversations(db) });
          return;
        }
        const state = await myChat(viewer.user.id, db);
        conversationId = state.conversationId;
        cursor = state.messages.at(-1)?.id ?? 0;
        online = state.supportOnline;
        send("snapshot", { messages: state.messages, unread: state.unread, supportOnline: state.supportOnline });
      };

      const agendas = new Set(options.agendaDoctorIds ?? []);
      const onSignal = async (changed: string) => {
        if (changed === RESYNC) {
          // Agenda signals may have been lost too: every open agenda reads itself again.
          for (const doctorId of agendas) send("agenda", { doctorId });
          return snapshot();
        }
        const agendaDoctor = agendaEventDoctor(changed);
        if (agendaDoctor !== null) {
          if (agendas.has(agendaDoctor)) send("agenda", { doctorId: agendaDoctor });
          return;
        }
        if (isSupport) {
          const summary = await conversationSummary(changed, db);
          if (summary) send("conversation", { conversation: summary, messages: await conversationMessages(changed, SUPPORT_RECENT, db) });
          return;
        }
        // Not this user's conversation (or none yet): nothing to read, nothing to send.
        conversationId ??= await conversationIdOf(viewer.user.id, db);
        if (changed !== conversationId) return;
        const update = await myMessagesAfter(conversationId, viewer.user.id, cursor, db);
        cursor = update.messages.at(-1)?.id ?? cursor;
        send("messages", update);
      };

      const tick = async () => {
        if (!(await options.stillAllowed())) {
          send("ended", {});
          return close();
        }
        write(": ping\n\n");
        if (closed) return;
        if (isSupport) await recordSupportHeartbeat(viewer.user.id, db);
      };

      const presence = async () => {
        const now = await cachedSupportOnline(db, Math.max(0, (options.presenceCheckMs ?? PRESENCE_CHECK_MS) - 500));
        if (now !== online) send("presence", { supportOnline: (online = now) });
      };

      const run = (work: () => Promise<void>) => {
        queue = queue.then(async () => {
          if (closed) return;
          try {
            await work();
          } catch (error) {
            logger.warn({ err: error instanceof Error ? error.message : "unknown" }, "chat stream step failed");
          }
        });
      };

      if (options.signal.aborted) return close();
      options.signal.addEventListener("abort", close);
      // Reconnect after 3 s when the connection drops (EventSource does it by itself).
      write("retry: 3000\n\n");
      if (isSupport) await recordSupportHeartbeat(viewer.user.id, db);
      // Listen first, then read: whatever changes after the read is signalled.
      const stop = await notifier.subscribe((id) => run(() => onSignal(id)));
      if (closed) return stop();
      unsubscribe = stop;
      run(snapshot);
      timer = setInterval(() => run(tick), options.heartbeatMs ?? HEARTBEAT_MS);
      if (!isSupport) presenceTimer = setInterval(() => run(presence), options.presenceCheckMs ?? PRESENCE_CHECK_MS);
    },
    cancel() {
      closed = true;
      unsubscribe?.();
      if (timer) clearInterval(timer);
      if (presenceTimer) clearInterval(presenceTimer);
    },
  });
}
