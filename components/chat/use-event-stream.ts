"use client";

import { useEffect, useRef, useState } from "react";

export type StreamStatus = "connecting" | "open" | "closed";

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
    const source = new EventSource(url);
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
    source.addEventListener("ended", onEnded);
    source.onopen = () => setStatus("open");
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener);
      source.removeEventListener("ended", onEnded);
      source.close();
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
