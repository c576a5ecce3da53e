"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessageView, ConversationSummary, SendResult } from "@/lib/chat/limits";
import { formatDateTime } from "@/lib/format/datetime";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { EVENTS_URL, mergeById, useEventStream } from "./use-event-stream";

type Props = {
  initialConversations: ConversationSummary[];
  initialSelected: string | null;
  /** The messages of initialSelected, read by the page. */
  initialMessages: ChatMessageView[] | null;
  open: (conversationId: string) => Promise<ChatMessageView[] | null>;
  markRead: (conversationId: string) => Promise<void>;
  reply: (conversationId: string, body: string) => Promise<SendResult>;
};

const byActivity = (a: ConversationSummary, b: ConversationSummary) => (b.lastMessageAt ?? "").localeCompare(a.lastMessageAt ?? "");

/**
 * /admin/chat: the conversations, newest activity first, and the one open. The page's event
 * stream also counts this operator as online (lib/chat/stream.ts).
 */
export function SupportChat({ initialConversations, initialSelected, initialMessages, open, markRead, reply }: Props) {
  const [conversations, setConversations] = useState(initialConversations);
  const [selected, setSelected] = useState<string | null>(initialSelected);
  const [messages, setMessages] = useState<ChatMessageView[] | null>(initialMessages);
  const [loadError, setLoadError] = useState<string | null>(initialSelected && !initialMessages ? "Cette conversation n'existe pas." : null);
  const selectedRef = useRef(selected);
  const snapshots = useRef(0);
  const input = useRef<HTMLTextAreaElement>(null);

  const select = useCallback(
    async (id: string) => {
      selectedRef.current = id;
      setSelected(id);
      setMessages(null);
      setLoadError(null);
      window.history.replaceState(null, "", `/admin/chat?c=${id}`);
      try {
        const loaded = await open(id);
        if (selectedRef.current !== id) return;
        if (loaded === null) setLoadError("Cette conversation n'existe pas.");
        else {
          setMessages(loaded);
          setConversations((list) => list.map((c) => (c.id === id ? { ...c, unread: 0 } : c)));
        }
      } catch {
        if (selectedRef.current === id) setLoadError("La conversation n'a pas pu être chargée. Réessayez.");
      }
    },
    [open],
  );

  // A conversation opened by its address is read like one opened from the list; the stream then
  // brings its line up to date.
  useEffect(() => {
    if (initialSelected && initialMessages) void markRead(initialSelected).catch(() => {});
  }, [initialSelected, initialMessages, markRead]);

  const status = useEventStream(EVENTS_URL, {
    snapshot: (data) => {
      setConversations((data as { conversations: ConversationSummary[] }).conversations);
      // A snapshot after the first is a reconnection: what came meanwhile is read again.
      snapshots.current += 1;
      const id = selectedRef.current;
      if (snapshots.current > 1 && id)
        void open(id)
          .then((loaded) => {
            if (loaded && selectedRef.current === id) setMessages((m) => mergeById(m ?? [], loaded));
          })
          .catch(() => {});
    },
    conversation: (data) => {
      const { conversation, messages: recent } = data as { conversation: ConversationSummary; messages: ChatMessageView[] };
      const isOpen = conversation.id === selectedRef.current;
      if (isOpen) setMessages((m) => (m ? mergeById(m, recent) : m));
      // What arrives in the conversation on screen is read at once, if the operator can see it.
      const readNow = isOpen && conversation.unread > 0 && document.visibilityState === "visible";
      if (readNow) void markRead(conversation.id).catch(() => {});
      const line = readNow ? { ...conversation, unread: 0 } : conversation;
      setConversations((list) => [line, ...list.filter((c) => c.id !== conversation.id)].sort(byActivity));
    },
  });

  const current = conversations.find((c) => c.id === selected) ?? null;
  const sendReply = async (body: string): Promise<SendResult> => {
    if (!selected) return { ok: false, error: "Choisissez une conversation." };
    const result = await reply(selected, body);
    if (result.ok) setMessages((m) => mergeById(m ?? [], [result.message]));
    return result;
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-slate-900">Chat</h1>
        <p className="flex items-center gap-2 text-sm text-slate-600" role="status">
          <span aria-hidden className={`size-2.5 rounded-full ${status === "open" ? "bg-emerald-500" : "bg-slate-300"}`} />
          {status === "open"
            ? "Vous êtes en ligne : les médecins et secrétariats voient qu'un opérateur est disponible."
            : status === "closed"
              ? "Déconnecté : votre session a pris fin."
              : "Connexion…"}
        </p>
      </div>
      <div className="grid grid-cols-1 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm lg:h-[calc(100dvh-12rem)] lg:min-h-[28rem] lg:grid-cols-[20rem_minmax(0,1fr)]">
        <nav aria-label="Conversations" className="max-h-80 overflow-y-auto border-b border-slate-200 lg:max-h-none lg:border-b-0 lg:border-r">
          {conversations.length === 0 ? (
            <p className="p-6 text-sm text-slate-500">Aucune conversation pour le moment.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {conversations.map((c) => {
                const active = c.id === selected;
                return (
                  <li key={c.id}>
                    <button
                      type="button"
                      onClick={() => void select(c.id)}
                      aria-current={active ? "true" : undefined}
                      data-testid="chat-conversation"
                      className={`block w-full px-4 py-3 text-left ${active ? "bg-brand-50" : "hover:bg-slate-50"}`}
                    >
                      <span className="flex items-center justify-between gap-2">
                        <span className={`truncate text-sm ${c.unread > 0 ? "font-bold text-slate-900" : "font-medium text-slate-800"}`}>
                          {c.userName}
                        </span>
                        {c.unread > 0 && (
                          <span className="shrink-0 rounded-full bg-red-600 px-2 py-0.5 text-xs font-bold text-white">
                            {c.unread}
                            <span className="sr-only"> non lu{c.unread > 1 ? "s" : ""}</span>
                          </span>
                        )}
                      </span>
                      <span className="mt-0.5 block truncate text-xs text-slate-500">
                        {c.userRole === "secretary" ? "Secrétariat" : "Médecin"} · {c.userEmail}
                      </span>
                      <span className="mt-1 block truncate text-sm text-slate-600">
                        {c.lastMessageSide === "support" && <span className="text-slate-600">Vous : </span>}
                        {c.lastMessageExcerpt}
                      </span>
                      <span className="mt-1 flex items-center gap-2 text-xs text-slate-600">
                        {c.lastMessageAt && <time dateTime={c.lastMessageAt}>{formatDateTime(new Date(c.lastMessageAt))}</time>}
                        {c.waitingOffline && (
                          <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">Message laissé hors ligne</span>
                        )}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </nav>
        <section aria-label="Conversation ouverte" className="flex min-h-[24rem] min-w-0 flex-col bg-slate-50">
          {!selected ? (
            <p className="m-auto p-6 text-sm text-slate-500">Choisissez une conversation pour la lire et y répondre.</p>
          ) : (
            <>
              <header className="border-b border-slate-200 bg-white px-4 py-3">
                <h2 className="text-base font-semibold wrap-anywhere text-slate-900">{current?.userName ?? "Conversation"}</h2>
                {current && <p className="text-xs wrap-anywhere text-slate-500">{current.userEmail}</p>}
              </header>
              <div className="flex-1 overflow-y-auto">
                {loadError ? (
                  <p role="alert" className="p-6 text-sm text-red-700">
                    {loadError}
                  </p>
                ) : messages === null ? (
                  <p className="p-6 text-sm text-slate-500">Chargement…</p>
                ) : (
                  <MessageList
                    messages={messages}
                    mine="support"
                    detailed
                    label={`Conversation avec ${current?.userName ?? "l'utilisateur"}`}
                    emptyText="Aucun message."
                  />
                )}
              </div>
              <Composer
                label="Votre réponse"
                placeholder="Votre réponse…"
                submitLabel="Répondre"
                send={sendReply}
                inputRef={input}
                disabled={messages === null}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
