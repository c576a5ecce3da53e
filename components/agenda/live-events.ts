"use client";

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
