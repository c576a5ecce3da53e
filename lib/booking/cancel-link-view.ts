import "server-only";
import { getDb, type Database } from "@/lib/db";
import { loadAppointmentFacts } from "@/lib/jobs/handlers/appointment-facts";
import { cancelLinkState, cancellationDeadline } from "./cancel-links";

// What /rdv/annuler/<token> shows before the patient confirms: the appointment's date, doctor,
// motif and address — never its id or calendar UID — or why the link cancels nothing. The deadline
// shown is the one cancelAsPatient applies: the appointment's current one (a move or a new setting
// since the email changes it), never later than the link's own.

export type CancelLinkView =
  | { kind: "usable"; startsAt: Date; doctorName: string; motif: string | null; address: string | null; until: Date }
  | { kind: "used" }
  | { kind: "expired" }
  | { kind: "unknown" }
  /** The practice cancelled it, or it took place. */
  | { kind: "not-cancellable" };

export async function cancelLinkView(token: string, deps: { db?: Database; now?: Date } = {}): Promise<CancelLinkView> {
  const db = deps.db ?? getDb();
  const now = deps.now ?? new Date();
  const state = await cancelLinkState(db, token, now);
  if (state.kind !== "usable") return { kind: state.kind };
  const facts = await loadAppointmentFacts(db, state.appointmentId);
  if (!facts) return { kind: "unknown" };
  if (facts.status !== "booked") return { kind: "not-cancellable" };
  const deadline = cancellationDeadline(facts.startsAt, facts.cancellationDeadlineHours);
  const until = deadline.getTime() < state.expiresAt.getTime() ? deadline : state.expiresAt;
  if (until.getTime() < now.getTime()) return { kind: "expired" };
  return {
    kind: "usable",
    startsAt: facts.startsAt,
    doctorName: facts.doctorName,
    motif: facts.motif,
    address: facts.address,
    until,
  };
}
