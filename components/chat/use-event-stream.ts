"use client";

import { useEffect, useRef, useState } from "react";

export type StreamStatus = "connecting" | "open" | "closed";

/** The one live stream of a tab: chat and agenda events (app/api/events). */
export const EVENTS_URL = "/api/events";

// One EventSource per URL for the whole tab, shared by every component that listens (the chat
// bubble and the agenda): a browser allows six connections per host, a second stream per tab would
// soon run out of them. Closed when the last listener goes.
type Shared = { source: EventSource; users: number };
const shared = new Map<string, Shared>();

function acquire(url: string): EventSource {
  let entry = shared.get(url);
  if (!entry || entry.source.readyState === EventSource.CLOSED) {
    entry = { source: new EventSource(url), users: 0 };
    shared.set(url, entry);
  }
  entry.users++;
  return entry.source;
}

function release(url: string, source: EventSource) {
  const entry = shared.get(url);
  if (!entry || entry.source !== source) return;
  if (--entry.users <= 0) {
    entry.source.close();
    shared.delete(url);
  }
}

/**
 * Listens to a Server-Sent Events URL while mounted. EventSource reconnects by itself (the server
 * asks for 3 s); an `ended` event (session over) closes it for good.
 */
export function useEventStream(url: string, handlers: Record<string, (data: unknown) => void>): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  // The latest handlers, without reconnecting when the component re-renders.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const source = acquire(url);
    // Already open for another listener of this tab: no `open` event will come.
    if (source.readyState === EventSource.OPEN) queueMicrotask(() => setStatus("open"));
    const names = Object.keys(latest.current);
    const listeners = names.map((name) => {
      const listener = (event: MessageEvent<string>) => {
        try {
          latest.current[name]?.(JSON.parse(event.data));
        } catch {
          // a malformed event is dropped; the next snapshot repairs the state
        }
      };
      source.addEventListener(name, listener);
      return [name, listener] as const;
    });
    const onEnded = () => {
      source.close();
      setStatus("closed");
    };
    const onOpen = () => setStatus("open");
    const onError = () => setStatus(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    source.addEventListener("ended", onEnded);
    source.addEventListener("open", onOpen);
    source.addEventListener("error", onError);
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener);
      source.removeEventListener("ended", onEnded);
      source.removeEventListener("open", onOpen);
      source.removeEventListener("error", onError);
      release(url, source);
    };
  }, [url]);

  return status;
}

/** Adds messages to a list by id (a message may arrive twice: action answer and stream). */
export function mergeById<T extends { id: number }>(current: T[], incoming: T[]): T[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
