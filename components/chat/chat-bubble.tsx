"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { ChatMessageView, MyChatState, SendResult } from "@/lib/chat/limits";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { EVENTS_URL, mergeById, useEventStream } from "./use-event-stream";

type Props = {
  send: (body: string) => Promise<SendResult>;
  markRead: () => Promise<void>;
};

/**
 * The live chat with support, bottom left on every page of the practice area. The layout keeps it
 * mounted across pages, so one event stream serves the whole visit; a new visit starts with the
 * stream's snapshot (history, unread answers, whether an operator is online).
 */
export function ChatBubble({ send, markRead }: Props) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<MyChatState | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const bubble = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const panelId = useId();
  const titleId = useId();

  // What the stream handlers and listeners need without re-subscribing.
  const openRef = useRef(false);
  const unreadRef = useRef(0);

  /** Answers are read when the panel is open and the page is in front of the user. */
  const readIfSeen = useCallback(() => {
    if (unreadRef.current === 0 || !openRef.current || document.visibilityState !== "visible") return;
    unreadRef.current = 0;
    setState((s) => (s ? { ...s, unread: 0 } : s));
    void markRead().catch(() => {});
  }, [markRead]);

  const status = useEventStream(EVENTS_URL, {
    snapshot: (data) => {
      const snapshot = data as MyChatState;
      unreadRef.current = snapshot.unread;
      setState(snapshot);
      readIfSeen();
    },
    messages: (data) => {
      const update = data as { messages: ChatMessageView[]; unread: number };
      unreadRef.current = update.unread;
      setState((s) => (s ? { ...s, messages: mergeById(s.messages, update.messages), unread: update.unread } : s));
      readIfSeen();
    },
    presence: (data) => setState((s) => (s ? { ...s, supportOnline: (data as { supportOnline: boolean }).supportOnline } : s)),
  });

  useEffect(() => {
    document.addEventListener("visibilitychange", readIfSeen);
    return () => document.removeEventListener("visibilitychange", readIfSeen);
  }, [readIfSeen]);

  const unread = state?.unread ?? 0;
  const show = () => {
    openRef.current = true;
    setOpen(true);
    readIfSeen();
  };

  const close = useCallback(() => {
    openRef.current = false;
    setOpen(false);
    bubble.current?.focus();
  }, []);

  // Focus goes to the message box on opening, or as soon as it is usable (first snapshot).
  const ready = state !== null;
  useEffect(() => {
    if (open && ready) input.current?.focus();
  }, [open, ready]);

  useEffect(() => {
    if (!open) return;
    // Escape belongs to the chat while focus is in it or nowhere (another menu may want it).
    const onKey = (e: KeyboardEvent) => {
      const active = document.activeElement;
      if (e.key === "Escape" && (!active || active === document.body || root.current?.contains(active))) close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, close]);

  const sendAndShow = async (body: string): Promise<SendResult> => {
    const result = await send(body);
    if (result.ok) setState((s) => (s ? { ...s, messages: mergeById(s.messages, [result.message]) } : s));
    return result;
  };

  const online = state?.supportOnline ?? false;
  return (
    <div ref={root} className="fixed bottom-4 left-4 z-40 flex flex-col items-start gap-3 print:hidden">
      {open && (
        <section
          id={panelId}
          role="dialog"
          aria-labelledby={titleId}
          className="flex max-h-[min(36rem,calc(100dvh-6rem))] w-[min(24rem,calc(100vw-2rem))] flex-col overflow-hidden rounded-xl border border-slate-200 bg-slate-50 shadow-2xl"
        >
          <header className="flex items-start justify-between gap-3 bg-brand-700 px-4 py-3 text-white">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                Chat avec le support
              </h2>
              <p className="mt-0.5 flex items-center gap-1.5 text-xs text-brand-100" data-testid="chat-presence">
                <span aria-hidden className={`size-2 rounded-full ${online ? "bg-emerald-400" : "bg-slate-300"}`} />
                {state === null ? "Connexion…" : online ? "Un opérateur est en ligne" : "Aucun opérateur disponible"}
              </p>
            </div>
            <button
              type="button"
              onClick={close}
              aria-label="Fermer le chat"
              className="-mr-1 rounded-md p-1 text-brand-100 hover:bg-white/10 hover:text-white focus-visible:outline-white"
            >
              <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="currentColor">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          </header>
          {state !== null && !online && (
            <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
              Aucun opérateur n&apos;est disponible pour le moment. Laissez un message : nous vous répondrons ici et par courriel.
            </p>
          )}
          {status === "closed" && (
            <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-900">
              Votre session a pris fin. Reconnectez-vous pour continuer le chat.
            </p>
          )}
          <div className="min-h-40 flex-1 overflow-y-auto">
            {state === null ? (
              <p className="px-4 py-8 text-center text-sm text-slate-500">Chargement du chat…</p>
            ) : (
              <MessageList
                messages={state.messages}
                mine="user"
                label="Chat avec le support"
                emptyText="Une question sur Doctipro ? Écrivez-nous, nous vous répondons ici."
              />
            )}
          </div>
          <Composer
            label="Votre message au support"
            placeholder="Votre message…"
            submitLabel={online ? "Envoyer" : "Laisser un message"}
            send={sendAndShow}
            inputRef={input}
            disabled={state === null || status === "closed"}
          />
        </section>
      )}
      <button
        ref={bubble}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : show())}
        className="relative grid size-14 place-items-center rounded-full bg-brand-600 text-white shadow-lg ring-4 ring-white transition-colors hover:bg-brand-700"
      >
        <span className="sr-only">{open ? "Fermer le chat avec le support" : "Chat avec le support"}</span>
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="size-7"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M7.5 8.25h9m-9 3H12m-9.75 1.51c0 1.6 1.123 2.994 2.707 3.227 1.087.16 2.185.283 3.293.369V21l4.076-4.076a1.526 1.526 0 0 1 1.037-.443 48.282 48.282 0 0 0 5.68-.494c1.584-.233 2.707-1.626 2.707-3.228V6.741c0-1.602-1.123-2.995-2.707-3.228A48.394 48.394 0 0 0 12 3c-2.392 0-4.744.175-7.043.513C3.373 3.746 2.25 5.14 2.25 6.741v6.018Z" />
        </svg>
        {unread > 0 && (
          <span
            data-testid="chat-unread"
            className="absolute -right-1 -top-1 grid min-w-6 place-items-center rounded-full bg-red-600 px-1.5 text-xs font-bold leading-6 text-white ring-2 ring-white"
          >
            {unread}
            <span className="sr-only"> {unread > 1 ? "réponses non lues" : "réponse non lue"}</span>
          </span>
        )}
      </button>
    </div>
  );
}
