import { describe, expect, it } from "vitest";
import {
  absenceSchema,
  agendaSearch,
  createAppointmentSchema,
  moveAppointmentSchema,
  openingHoursSchema,
  parseAgendaQuery,
  visitReasonSchema,
} from "./schema";

const base = {
  patientId: "0b7b7f3e-2f4c-4b8e-9d7a-1c2d3e4f5a6b",
  visitReasonId: "",
  day: "2027-06-01",
  time: "08:00",
  durationMinutes: "15",
  note: "",
};

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("appointment form", () => {
  it("turns a Luxembourg wall-clock time into an instant", () => {
    expect(createAppointmentSchema.parse(base)).toEqual({
      patientId: base.patientId,
      visitReasonId: null,
      startsAt: new Date("2027-06-01T06:00:00Z"),
      endsAt: new Date("2027-06-01T06:15:00Z"),
      note: null,
      overbooked: false,
      outsideHoursConfirmed: false,
    });
    expect(createAppointmentSchema.parse({ ...base, day: "2027-03-29", overbooked: "on" })).toMatchObject({
      startsAt: new Date("2027-03-29T06:00:00Z"),
      overbooked: true,
    });
    expect(createAppointmentSchema.parse({ ...base, day: "2027-11-01" }).startsAt).toEqual(new Date("2027-11-01T07:00:00Z"));
  });

  it("refuses dates and times that do not parse, year 10000, 24:00 as a start, an off-grid start, durations 0 and 1000", () => {
    const bad: [Record<string, string>, string][] = [
      [{ day: "2027-02-30" }, "day"],
      [{ day: "10000-01-01" }, "day"],
      [{ day: "demain" }, "day"],
      [{ time: "24:00" }, "time"],
      [{ time: "7:3" }, "time"],
      [{ time: "08:02" }, "time"],
      [{ durationMinutes: "0" }, "durationMinutes"],
      [{ durationMinutes: "1000" }, "durationMinutes"],
      [{ durationMinutes: "12" }, "durationMinutes"],
      [{ patientId: "" }, "patientId"],
      [{ note: "x".repeat(1001) }, "note"],
    ];
    for (const [change, field] of bad) {
      const result = createAppointmentSchema.safeParse({ ...base, ...change });
      expect(result.success, JSON.stringify(change)).toBe(false);
      expect(Object.keys(errors(result)), JSON.stringify(change)).toContain(field);
    }
  });

  it("says the note's limit with French digit grouping", () => {
    expect(errors(createAppointmentSchema.safeParse({ ...base, note: "x".repeat(1001) }))).toEqual({
      note: "La note : 1\u202f000 caractères au plus.",
    });
  });

  it("refuses 02:30 on 28 March 2027, which does not exist", () => {
    const result = createAppointmentSchema.safeParse({ ...base, day: "2027-03-28", time: "02:30" });
    expect(errors(result)).toEqual({
      time: "28 mars 2027, 02:30 n'existe pas : les horloges passent de 02:00 à 03:00 (heure d'été). Choisissez une autre heure.",
    });
  });

  it("asks which 02:30 on 31 October 2027, then takes the one chosen", () => {
    const result = createAppointmentSchema.safeParse({ ...base, day: "2027-10-31", time: "02:30" });
    expect(errors(result)).toEqual({
      occurrence:
        "31 octobre 2027, 02:30 a lieu deux fois (retour à l'heure d'hiver) : précisez s'il s'agit de la première (heure d'été) ou de la seconde (heure d'hiver).",
    });
    expect(createAppointmentSchema.parse({ ...base, day: "2027-10-31", time: "02:30", occurrence: "earlier" }).startsAt).toEqual(
      new Date("2027-10-31T00:30:00Z"),
    );
    expect(createAppointmentSchema.parse({ ...base, day: "2027-10-31", time: "02:30", occurrence: "later" }).startsAt).toEqual(
      new Date("2027-10-31T01:30:00Z"),
    );
  });

  it("moves to a day and time; « en surnombre » is kept unless said", () => {
    expect(moveAppointmentSchema.parse({ day: "2027-06-01", time: "14:05" })).toEqual({
      startsAt: new Date("2027-06-01T12:05:00Z"),
      outsideHoursConfirmed: false,
    });
    expect(moveAppointmentSchema.parse({ day: "2027-06-01", time: "14:05", overbooked: "on" })).toMatchObject({ overbooked: true });
    expect(moveAppointmentSchema.safeParse({ day: "2027-06-01", time: "14:07" }).success).toBe(false);
  });
});

describe("settings forms", () => {
  it("opening hours: HH:MM, 24:00 as an end only, no overlap", () => {
    expect(
      openingHoursSchema.parse({
        intervals: [
          { weekday: "1", start: "08:00", end: "12:00" },
          { weekday: "7", start: "00:00", end: "24:00" },
        ],
      }),
    ).toEqual([
      { weekday: 1, startMinute: 480, endMinute: 720 },
      { weekday: 7, startMinute: 0, endMinute: 1440 },
    ]);
    const result = openingHoursSchema.safeParse({
      intervals: [
        { weekday: "1", start: "08:00", end: "12:00" },
        { weekday: "1", start: "11:00", end: "13:00" },
        { weekday: "2", start: "24:00", end: "24:00" },
        { weekday: "3", start: "09:00", end: "08:00" },
      ],
    });
    expect(errors(result)).toEqual({
      "intervals.1.start": "Cette plage chevauche une autre plage du même jour.",
      "intervals.2.start": "L'heure de début : heure non valide (HH:MM, ex. 08:30).",
      "intervals.3.end": "L'heure de fin doit venir après l'heure de début.",
    });
  });

  it("absences: whole days by default, end after start", () => {
    expect(absenceSchema.parse({ startDay: "2027-08-02", endDay: "2027-08-13", label: "Congés" })).toEqual({
      startsAt: new Date("2027-08-01T22:00:00Z"),
      endsAt: new Date("2027-08-13T22:00:00Z"),
      label: "Congés",
    });
    expect(errors(absenceSchema.safeParse({ startDay: "2027-08-13", endDay: "2027-08-02", label: "Congés" }))).toEqual({
      endDay: "La fin de l'absence doit venir après son début.",
    });
    expect(Object.keys(errors(absenceSchema.safeParse({ startDay: "2027-08-02", endDay: "2027-08-02", label: " " })))).toEqual(["label"]);
  });

  it("motifs: 5 to 240 minutes by 5, a palette colour", () => {
    expect(visitReasonSchema.parse({ label: " Vaccination ", durationMinutes: "10", colour: "teal", active: "on" })).toEqual({
      label: "Vaccination",
      durationMinutes: 10,
      colour: "teal",
      active: true,
    });
    expect(Object.keys(errors(visitReasonSchema.safeParse({ label: "", durationMinutes: "245", colour: "#ff0000" })))).toEqual([
      "label",
      "durationMinutes",
      "colour",
    ]);
  });
});

describe("agenda address", () => {
  const now = new Date("2027-03-31T10:00:00Z");
  it("reads view, date and doctors; falls back to this week for anything else", () => {
    expect(parseAgendaQuery({ vue: "semaine", date: "2027-03-28" }, now)).toEqual({
      view: "week",
      day: "2027-03-28",
      from: "2027-03-22",
      days: 7,
      doctorIds: [],
    });
    expect(parseAgendaQuery({ vue: "jour", date: "2027-10-31", medecins: "0b7b7f3e-2f4c-4b8e-9d7a-1c2d3e4f5a6b,nope" }, now)).toEqual({
      view: "day",
      day: "2027-10-31",
      from: "2027-10-31",
      days: 1,
      doctorIds: ["0b7b7f3e-2f4c-4b8e-9d7a-1c2d3e4f5a6b"],
    });
    expect(parseAgendaQuery({ vue: "mois", date: "10000-01-01" }, now)).toEqual({
      view: "week",
      day: "2027-03-31",
      from: "2027-03-29",
      days: 7,
      doctorIds: [],
    });
    expect(parseAgendaQuery({ date: ["2027-02-30", "x"] }, now).day).toBe("2027-03-31");
    expect(agendaSearch({ view: "day", day: "2027-10-31" })).toBe("?vue=jour&date=2027-10-31");
  });
});
