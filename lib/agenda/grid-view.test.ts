import { describe, expect, it } from "vitest";
import type { AgendaAppointment } from "./appointment-view";
import { decodeGridView, encodeGridView, toGridView } from "./grid-view";
import type { AgendaView } from "./week";

const at = (iso: string) => new Date(iso);

function appointment(id: string, overrides: Partial<AgendaAppointment> = {}): AgendaAppointment {
  return {
    id,
    doctorId: "d1",
    startsAt: at("2031-03-05T08:00:00Z"),
    endsAt: at("2031-03-05T08:15:00Z"),
    status: "booked",
    overbooked: false,
    bookedVia: "practice",
    patient: { id: "p1", firstName: "Zoé", lastName: "Muller", birthDate: "1985-03-12", archived: false },
    visitReason: { id: "r1", label: "Consultation", colour: "blue", active: true },
    note: "Allergie à la pénicilline",
    cancelledBy: null,
    cancelledAt: null,
    createdAt: at("2031-01-01T10:00:00Z"),
    createdBy: { id: "s1", name: "Sophie Muller", role: "secretary" },
    updatedAt: at("2031-01-01T10:00:00Z"),
    updatedBy: null,
    ...overrides,
  };
}

function viewOf(appointments: AgendaAppointment[]): AgendaView {
  return {
    from: "2031-03-05",
    to: "2031-03-05",
    doctors: [{ id: "d1", name: "Dr Paul Schmit" }],
    days: [
      {
        day: "2031-03-05",
        weekday: 3,
        start: at("2031-03-04T23:00:00Z"),
        end: at("2031-03-05T23:00:00Z"),
        holiday: null,
        doctors: [{ doctorId: "d1", open: [], scheduled: [], absences: [], holiday: null, appointments }],
      },
    ],
  };
}

describe("toGridView", () => {
  it("keeps only what the grid draws: times, status, the name as shown, the motif once, the flags when set", () => {
    const grid = toGridView(
      viewOf([
        appointment("a1"),
        appointment("a2", { overbooked: true, bookedVia: "online" }),
        appointment("a3", { visitReason: null, status: "done" }),
      ]),
    );
    const [a1, a2, a3] = grid.days[0]!.doctors[0]!.appointments;
    expect(a1).toEqual({
      id: "a1",
      startsAt: at("2031-03-05T08:00:00Z"),
      endsAt: at("2031-03-05T08:15:00Z"),
      status: "booked",
      patient: "MULLER Zoé",
      reason: 0,
    });
    expect(a2).toMatchObject({ reason: 0, overbooked: true, online: true });
    expect(a3).toMatchObject({ reason: null, status: "done" });
    expect(a3).not.toHaveProperty("online");
    expect(grid.reasons).toEqual([{ label: "Consultation", colour: "blue" }]);
    expect(grid.doctors).toEqual([{ id: "d1", name: "Dr Paul Schmit" }]);
    // Nothing of the details dialog (note, authors, patient id) reaches the grid.
    const sent = JSON.stringify(grid);
    for (const secret of ["pénicilline", "Sophie Muller", "p1", "1985-03-12"]) expect(sent).not.toContain(secret);
  });
});

describe("encodeGridView / decodeGridView", () => {
  it("gives the grid back whole, its instants as Dates and its texts as texts", () => {
    const view = viewOf([appointment("a1"), appointment("a2", { overbooked: true })]);
    view.days[0]!.doctors[0]!.open = [{ start: at("2031-03-05T07:00:00Z"), end: at("2031-03-05T11:00:00Z") }];
    view.days[0]!.doctors[0]!.absences = [{ id: "x1", startsAt: at("2031-03-05T12:00:00Z"), endsAt: at("2031-03-05T13:00:00Z"), label: "Formation" }];
    const grid = toGridView(view);
    const back = decodeGridView(encodeGridView(grid));
    expect(back).toEqual(grid);
    expect(back.days[0]!.start).toBeInstanceOf(Date);
    expect(back.days[0]!.doctors[0]!.appointments[0]!.startsAt).toBeInstanceOf(Date);
    expect(back.days[0]!.doctors[0]!.absences[0]!.endsAt).toBeInstanceOf(Date);
    expect(back.from).toBe("2031-03-05");
  });
});
