"use client";

import { useEffect, useRef } from "react";
import type { ChatMessageView } from "@/lib/chat/limits";
import { formatDateTime } from "@/lib/format/datetime";

type Props = {
  messages: ChatMessageView[];
  /** Whose messages sit on the right: the reader's own. */
  mine: "user" | "support";
  /** Support sees who wrote, for whom, and which messages waited offline. */
  detailed?: boolean;
  emptyText: string;
  label: string;
};

/**
 * A conversation, oldest first, kept scrolled to the newest message. Bodies are React text:
 * escaped, never HTML or Markdown, line breaks kept.
 */
export function MessageList({ messages, mine, detailed = false, emptyText, label }: Props) {
  const end = useRef<HTMLLIElement>(null);
  const lastId = messages.at(-1)?.id;
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [lastId]);

  if (messages.length === 0) {
    return <p className="px-4 py-8 text-center text-sm text-slate-500">{emptyText}</p>;
  }
  return (
    <ol role="log" aria-label={label} aria-live="polite" className="space-y-3 px-4 py-4">
      {messages.map((m) => {
        const own = m.side === mine;
        const who = m.side === "support" ? (detailed && m.authorName ? m.authorName : "Support Doctipro") : detailed ? null : "Vous";
        return (
          <li key={m.id} data-testid="chat-message" className={`flex flex-col ${own ? "items-end" : "items-start"}`}>
            <div
              className={`max-w-[85%] whitespace-pre-wrap wrap-anywhere rounded-2xl px-3.5 py-2 text-sm leading-relaxed shadow-sm ${
                own ? "rounded-br-sm bg-brand-600 text-white" : "rounded-bl-sm border border-slate-200 bg-white text-slate-900"
              }`}
            >
              {m.body}
            </div>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 px-1 text-xs text-slate-500">
              {who && <span>{who}</span>}
              {detailed && m.actingForName && <span>pour {m.actingForName}</span>}
              <time dateTime={m.createdAt}>{formatDateTime(new Date(m.createdAt))}</time>
              {detailed && m.waitedOffline && (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">Laissé hors ligne</span>
              )}
            </p>
          </li>
        );
      })}
      <li ref={end} aria-hidden className="h-0" />
    </ol>
  );
}
