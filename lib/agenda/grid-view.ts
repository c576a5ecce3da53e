import type { AppointmentStatus } from "@/db/schema";
import type { VisitReasonColour } from "@/db/visit-reason-colours";
import type { AbsenceView } from "./calendar";
import type { Span } from "./hours";
import type { AgendaDay, AgendaView } from "./week";

// What the agenda's client grid receives (client-safe, pure): only what it draws. The page's
// weight is the week view's cost (docs/benchmarks.md): every field of every appointment crosses
// the wire twice, in the HTML and in the props the browser hydrates with, so an appointment
// carries its times, status, flags, the patient's name as shown and an index into the view's
// motifs. The details dialog reads the whole appointment when it opens (readAppointmentAction).

export type GridAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  /** « NOM Prénom », as the block writes it. */
  patient: string;
  /** Index into GridView.reasons; null when the appointment has no motif. */
  reason: number | null;
  /** Set only when true (« en surnombre »). */
  overbooked?: true;
  /** Set only when booked online by the patient (issue 18: shown « en ligne »). */
  online?: true;
};

export type GridReason = { label: string; colour: VisitReasonColour };

export type GridDoctorDay = {
  doctorId: string;
  open: Span[];
  scheduled: Span[];
  absences: AbsenceView[];
  holiday: { name: string; open: boolean } | null;
  appointments: GridAppointment[];
};

export type GridDay = Omit<AgendaDay, "doctors"> & { doctors: GridDoctorDay[] };

export type GridView = {
  from: string;
  to: string;
  doctors: { id: string; name: string }[];
  days: GridDay[];
  /** The motifs the appointments name, each once. */
  reasons: GridReason[];
};

/** The agenda as the grid draws it. */
export function toGridView(view: AgendaView): GridView {
  const reasons: GridReason[] = [];
  const reasonIndex = new Map<string, number>();
  const indexOf = (reason: { id: string; label: string; colour: VisitReasonColour } | null): number | null => {
    if (!reason) return null;
    let index = reasonIndex.get(reason.id);
    if (index === undefined) {
      index = reasons.push({ label: reason.label, colour: reason.colour }) - 1;
      reasonIndex.set(reason.id, index);
    }
    return index;
  };
  return {
    from: view.from,
    to: view.to,
    doctors: view.doctors.map(({ id, name }) => ({ id, name })),
    reasons,
    days: view.days.map((day) => ({
      ...day,
      doctors: day.doctors.map((d) => ({
        ...d,
        appointments: d.appointments.map((a) => ({
          id: a.id,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          status: a.status,
          patient: `${a.patient.lastName.toUpperCase()} ${a.patient.firstName}`,
          reason: indexOf(a.visitReason),
          ...(a.overbooked ? { overbooked: true as const } : {}),
          ...(a.bookedVia === "online" ? { online: true as const } : {}),
        })),
      })),
    })),
  };
}

/** The keys of the view whose values are instants (Dates); nothing else in it is named so. */
const INSTANT_KEYS = new Set(["start", "end", "startsAt", "endsAt"]);

/**
 * The view as one JSON text, for the page to hand the grid. React's RSC serialiser walks a prop
 * value by value in JavaScript, on the server and again in the server's HTML pass: for the busiest
 * week (about 150 appointments, 2,000 values) that walk cost more than the rest of the page's own
 * work; one native JSON.stringify and one JSON.parse do it for a fraction (docs/benchmarks.md).
 */
export function encodeGridView(view: GridView): string {
  return JSON.stringify(view);
}

/** encodeGridView's text read back: its instants are Dates again. */
export function decodeGridView(text: string): GridView {
  return JSON.parse(text, (key, value: unknown) => (INSTANT_KEYS.has(key) && typeof value === "string" ? new Date(value) : value)) as GridView;
}
