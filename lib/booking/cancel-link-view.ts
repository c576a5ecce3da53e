import "server-only";
import { getDb, type Database } from "@/lib/db";
import { loadAppointmentFacts } from "@/lib/jobs/handlers/appointment-facts";
import { cancelLinkState } from "./cancel-links";

// What /rdv/annuler/<token> shows before the patient confirms: the appointment's date, doctor,
// motif and address — never its id or calendar UID — or why the link cancels nothing.

export type CancelLinkView =
  | { kind: "usable"; startsAt: Date; doctorName: string; motif: string | null; address: string | null; until: Date }
  | { kind: "used" }
  | { kind: "expired" }
  | { kind: "unknown" }
  /** The practice cancelled it, or it took place. */
  | { kind: "not-cancellable" };

export async function cancelLinkView(token: string, deps: { db?: Database; now?: Date } = {}): Promise<CancelLinkView> {
  const db = deps.db ?? getDb();
  const state = await cancelLinkState(db, token, deps.now ?? new Date());
  if (state.kind !== "usable") return { kind: state.kind };
  const facts = await loadAppointmentFacts(db, state.appointmentId);
  if (!facts) return { kind: "unknown" };
  if (facts.status !== "booked") return { kind: "not-cancellable" };
  return {
    kind: "usable",
    startsAt: facts.startsAt,
    doctorName: facts.doctorName,
    motif: facts.motif,
    address: facts.address,
    until: state.expiresAt,
  };
}
