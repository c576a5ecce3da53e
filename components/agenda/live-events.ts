"use client";

import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useRef } from "react";
import { EVENTS_URL, useEventStream } from "@/components/chat/use-event-stream";

/**
 * The agenda's share of the tab's one event stream: `agenda` events name a doctor whose agenda
 * changed (only doctors this user may see are sent).
 */
export function useLiveEvents(handlers: { agenda: (doctorId: string) => void }) {
  return useEventStream(EVENTS_URL, {
    agenda: (data) => {
      const doctorId = (data as { doctorId?: unknown } | null)?.doctorId;
      if (typeof doctorId === "string") handlers.agenda(doctorId);
    },
  });
}

/** How long a change made in this tab waits for its own live event before the page reads itself anyway. */
export const ECHO_MS = 2000;

/**
 * Keeps an agenda of `doctorIds` up to date: each live event of one of them reads the page again
 * (`router.refresh()`, through the page's own guard). The agenda's actions answer a change with
 * its result only (decision 0049): the event the change sends refreshes this tab like every other
 * one, once. Returns `changed(doctorId)`, called when a change made here succeeded: should the
 * event not come (the stream reconnecting), the page reads itself after ECHO_MS.
 */
export function useAgendaRefresh(doctorIds: readonly string[]): (doctorId: string) => void {
  const router = useRouter();
  const lastEvent = useRef(new Map<string, number>());
  const waiting = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const refresh = useCallback(() => startTransition(() => router.refresh()), [router]);

  useLiveEvents({
    agenda: (doctorId) => {
      if (!doctorIds.includes(doctorId)) return;
      lastEvent.current.set(doctorId, Date.now());
      clearTimeout(waiting.current.get(doctorId));
      waiting.current.delete(doctorId);
      refresh();
    },
  });

  useEffect(() => {
    const timers = waiting.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    };
  }, []);

  return useCallback(
    (doctorId: string) => {
      // Its event may have come before the action's answer (it leaves at commit).
      if (Date.now() - (lastEvent.current.get(doctorId) ?? Number.NEGATIVE_INFINITY) < ECHO_MS) return;
      clearTimeout(waiting.current.get(doctorId));
      waiting.current.set(
        doctorId,
        setTimeout(() => {
          waiting.current.delete(doctorId);
          refresh();
        }, ECHO_MS),
      );
    },
    [refresh],
  );
}
