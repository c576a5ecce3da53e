import { requireRole } from "@/lib/auth/guards";
import { isSessionStillLive } from "@/lib/auth/sessions";
import { chatEventStream } from "@/lib/chat/stream";

// The chat's live stream (Server-Sent Events). Takes no parameter: what it carries is decided by
// the session alone — a doctor's or a secretary's own conversation, or every conversation for
// support (lib/chat/stream.ts).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { session, user } = await requireRole("doctor", "secretary", "support");
  const stream = chatEventStream(
    { user },
    {
      signal: request.signal,
      // Checked without counting as activity: an open tab still idles out after an hour.
      stillAllowed: () => isSessionStillLive(session.id, user.id),
    },
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: the server's gzip would otherwise hold events back in its buffer.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
