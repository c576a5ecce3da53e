import { requireRole } from "@/lib/auth/guards";
import { isSessionStillLive } from "@/lib/auth/sessions";
import { chatEventStream } from "@/lib/chat/stream";
import { listAttachedDoctors } from "@/lib/secretary/doctors";

// The one live stream of a tab (Server-Sent Events): chat and agenda events alike, so a page with
// the chat bubble and the agenda holds one connection (a browser allows six per host). Takes no
// parameter: what it carries is decided by the session alone — the user's own conversation (or
// every conversation for support), and the agendas this user may see: a doctor's own, a
// secretary's doctors'.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { session, user } = await requireRole("doctor", "secretary", "support");
  const agendaDoctorIds = user.role === "doctor" ? [user.id] : user.role === "secretary" ? (await listAttachedDoctors(user.id)).map((d) => d.id) : [];
  const stream = chatEventStream(
    { user },
    {
      signal: request.signal,
      agendaDoctorIds,
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
