import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, patients } from "@/db/schema";
import type { Database } from "@/db/client";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import {
  cancelAppointment,
  createAppointment,
  findAppointment,
  moveAppointment,
  rescheduleAppointment,
  resizeAppointment,
  setAppointmentStatus,
  updateAppointmentDetails,
} from "./appointments";
import { agendaRefusalMessage } from "./messages";
import { agendaRevisionsOf } from "./revisions";

// Tuesday 1 June 2027, summer time (UTC+2): the practice is open 08:00–12:00 and 14:00–18:30,
// that is 06:00–10:00 and 12:00–16:30 UTC.

let db: Database;
let practice: TestPractice;
let other: TestPractice;

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Kieffer");
  other = await testPractice(db, "Faber");
});

const deps = () => ({ db });

async function book(p: TestPractice, start: string, minutes = 15, extra: Partial<Parameters<typeof createAppointment>[1]> = {}) {
  const startsAt = utc(start);
  return createAppointment(
    p.viaSecretary,
    { patientId: p.patientIds[0], visitReasonId: p.motifs.consultation, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), ...extra },
    deps(),
  );
}

async function bookedId(p: TestPractice, start: string, minutes = 15, extra: Partial<Parameters<typeof createAppointment>[1]> = {}) {
  const result = await book(p, start, minutes, extra);
  if (result.kind !== "done") throw new Error(`expected a booking, got ${result.kind}`);
  return result.appointmentId;
}

/** The doctor's appointments and agenda revision: what « nothing written » compares. */
async function snapshot(p: TestPractice) {
  const rows = await db.select().from(appointments).where(eq(appointments.doctorId, p.doctor.id)).orderBy(asc(appointments.id));
  return { rows, revision: (await agendaRevisionsOf(db, [p.doctor.id])).get(p.doctor.id) };
}

describe("booking", () => {
  it("books inside opening hours, recording who and when, and bumps the agenda revision", async () => {
    const before = (await agendaRevisionsOf(db, [practice.doctor.id])).get(practice.doctor.id)!;
    const result = await book(practice, "2027-06-01T06:00:00Z", 15, { note: "  Apporter les résultats  " });
    expect(result).toMatchObject({ kind: "done", outsideHours: false });
    const id = (result as { appointmentId: string }).appointmentId;
    const seen = await findAppointment(practice.direct, id, deps());
    expect(seen).toMatchObject({
      startsAt: utc("2027-06-01T06:00:00Z"),
      endsAt: utc("2027-06-01T06:15:00Z"),
      status: "booked",
      overbooked: false,
      bookedVia: "practice",
      note: "Apporter les résultats",
      patient: { firstName: "Nora", lastName: "Wagner", archived: false },
      visitReason: { label: "Consultation", colour: "blue" },
      createdBy: { id: practice.secretary.id, name: practice.secretary.firstName + " " + practice.secretary.lastName, role: "secretary" },
      updatedBy: { id: practice.secretary.id },
    });
    expect((await agendaRevisionsOf(db, [practice.doctor.id])).get(practice.doctor.id)).toBeGreaterThan(before);
  });

  it("refuses a time already taken (« Ce créneau n'est plus libre. ») and writes nothing", async () => {
    await bookedId(practice, "2027-06-01T07:00:00Z", 30);
    const before = await snapshot(practice);
    for (const [start, minutes] of [
      ["2027-06-01T07:00:00Z", 15],
      ["2027-06-01T06:50:00Z", 15],
      ["2027-06-01T07:25:00Z", 5],
      ["2027-06-01T06:45:00Z", 60],
    ] as const) {
      const result = await book(practice, start, minutes);
      expect(result).toEqual({ kind: "taken" });
      expect(agendaRefusalMessage(result as { kind: "taken" })).toBe("Ce créneau n'est plus libre.");
    }
    expect(await snapshot(practice)).toEqual(before);
    // Back to back is not an overlap; another doctor's agenda is another agenda.
    expect(await book(practice, "2027-06-01T07:30:00Z", 15)).toMatchObject({ kind: "done" });
    expect(await book(practice, "2027-06-01T06:45:00Z", 15)).toMatchObject({ kind: "done" });
    expect(await book(other, "2027-06-01T07:00:00Z", 30)).toMatchObject({ kind: "done" });
  });

  it("books over another appointment only « en surnombre », as a deliberate choice", async () => {
    await bookedId(practice, "2027-06-01T08:00:00Z", 15);
    const id = await bookedId(practice, "2027-06-01T08:00:00Z", 15, { overbooked: true, patientId: practice.patientIds[1] });
    expect(await findAppointment(practice.direct, id, deps())).toMatchObject({ overbooked: true, patient: { firstName: "Luc" } });
  });

  it("warns outside opening hours and books once confirmed", async () => {
    const before = await snapshot(practice);
    // 12:00 local, the lunch break; 11:50–12:05 straddles it; Saturday; a public holiday (23 June).
    for (const start of ["2027-06-01T10:00:00Z", "2027-06-01T09:50:00Z", "2027-06-05T08:00:00Z", "2027-06-23T07:00:00Z"]) {
      expect(await book(practice, start)).toEqual({ kind: "outside-hours" });
    }
    expect(await snapshot(practice)).toEqual(before);
    expect(await book(practice, "2027-06-01T10:00:00Z", 15, { outsideHoursConfirmed: true })).toMatchObject({ kind: "done", outsideHours: true });
  });

  it("frees a cancelled appointment's time at once", async () => {
    const id = await bookedId(practice, "2027-06-02T06:00:00Z");
    expect(await cancelAppointment(practice.direct, id, "patient", deps())).toEqual({ kind: "done" });
    expect(await findAppointment(practice.direct, id, deps())).toMatchObject({
      status: "cancelled",
      cancelledBy: "patient",
      updatedBy: { id: practice.doctor.id },
    });
    expect(await book(practice, "2027-06-02T06:00:00Z")).toMatchObject({ kind: "done" });
    expect(await cancelAppointment(practice.direct, id, "practice", deps())).toEqual({ kind: "not-cancellable", status: "cancelled" });
  });
});

describe("moving and resizing", () => {
  it("moves in one statement: onto a taken time it stays where it was; onto a free one it keeps its duration", async () => {
    const a = await bookedId(practice, "2027-06-03T06:00:00Z", 30);
    await bookedId(practice, "2027-06-03T07:00:00Z", 15);
    const before = await snapshot(practice);
    expect(await moveAppointment(practice.viaSecretary, a, { startsAt: utc("2027-06-03T06:45:00Z") }, deps())).toEqual({ kind: "taken" });
    expect(await snapshot(practice)).toEqual(before);
    expect(await moveAppointment(practice.viaSecretary, a, { startsAt: utc("2027-06-03T07:15:00Z") }, deps())).toEqual({
      kind: "done",
      outsideHours: false,
    });
    expect(await findAppointment(practice.direct, a, deps())).toMatchObject({
      startsAt: utc("2027-06-03T07:15:00Z"),
      endsAt: utc("2027-06-03T07:45:00Z"),
    });
    // Its old time is free now.
    expect(await book(practice, "2027-06-03T06:00:00Z", 30)).toMatchObject({ kind: "done" });
    // Moving onto itself, shifted by 5 minutes, overlaps only itself: allowed.
    expect(await moveAppointment(practice.viaSecretary, a, { startsAt: utc("2027-06-03T07:20:00Z") }, deps())).toMatchObject({ kind: "done" });
  });

  it("moves onto a taken time « en surnombre » when asked, and warns outside hours", async () => {
    const a = await bookedId(practice, "2027-06-04T06:00:00Z");
    await bookedId(practice, "2027-06-04T07:00:00Z");
    expect(await moveAppointment(practice.direct, a, { startsAt: utc("2027-06-04T07:00:00Z"), overbooked: true }, deps())).toMatchObject({
      kind: "done",
    });
    expect(await moveAppointment(practice.direct, a, { startsAt: utc("2027-06-04T17:00:00Z") }, deps())).toEqual({ kind: "outside-hours" });
  });

  it("changes the duration, refused when it would run into the next appointment", async () => {
    const a = await bookedId(practice, "2027-06-07T06:00:00Z", 15);
    await bookedId(practice, "2027-06-07T06:30:00Z", 15);
    expect(await resizeAppointment(practice.direct, a, { durationMinutes: 45 }, deps())).toEqual({ kind: "taken" });
    expect(await resizeAppointment(practice.direct, a, { durationMinutes: 30 }, deps())).toMatchObject({ kind: "done" });
    expect(await findAppointment(practice.direct, a, deps())).toMatchObject({ endsAt: utc("2027-06-07T06:30:00Z") });
  });

  it("does not move an appointment that is over", async () => {
    const a = await bookedId(practice, "2027-06-08T06:00:00Z");
    await setAppointmentStatus(practice.direct, a, "done", deps());
    expect(await moveAppointment(practice.direct, a, { startsAt: utc("2027-06-08T07:00:00Z") }, deps())).toEqual({
      kind: "not-reschedulable",
      status: "done",
    });
  });
});

describe("statuses", () => {
  const now = utc("2027-06-09T12:00:00Z");

  it("arrived, then done; a cancelled or finished appointment goes nowhere", async () => {
    const a = await bookedId(practice, "2027-06-09T06:00:00Z");
    expect(await setAppointmentStatus(practice.direct, a, "arrived", { db, now })).toEqual({ kind: "done" });
    expect(await setAppointmentStatus(practice.direct, a, "no_show", { db, now })).toEqual({ kind: "not-allowed", from: "arrived", to: "no_show" });
    expect(await setAppointmentStatus(practice.direct, a, "done", { db, now })).toEqual({ kind: "done" });
    expect(await setAppointmentStatus(practice.direct, a, "booked", { db, now })).toEqual({ kind: "not-allowed", from: "done", to: "booked" });
    const b = await bookedId(practice, "2027-06-09T06:30:00Z");
    await cancelAppointment(practice.direct, b, "practice", deps());
    const before = await snapshot(practice);
    const refused = await setAppointmentStatus(practice.direct, b, "done", { db, now });
    expect(refused).toEqual({ kind: "not-allowed", from: "cancelled", to: "done" });
    expect(agendaRefusalMessage(refused as never)).toBe("Un rendez-vous « annulé » ne peut pas passer à « terminé ».");
    expect(await snapshot(practice)).toEqual(before);
  });

  it("absent only once the time has come, and undone back to booked", async () => {
    const a = await bookedId(practice, "2027-06-09T14:00:00Z");
    expect(await setAppointmentStatus(practice.direct, a, "no_show", { db, now })).toEqual({ kind: "not-yet" });
    expect(await setAppointmentStatus(practice.direct, a, "no_show", { db, now: utc("2027-06-09T14:20:00Z") })).toEqual({ kind: "done" });
    expect(await setAppointmentStatus(practice.direct, a, "booked", { db, now })).toEqual({ kind: "done" });
  });
});

describe("another doctor's ids and bad input", () => {
  it("treats another doctor's appointment as not found, for every action", async () => {
    const theirs = await bookedId(other, "2027-06-10T06:00:00Z");
    const before = await snapshot(other);
    const me = practice.viaSecretary;
    expect(await findAppointment(me, theirs, deps())).toBeNull();
    expect(await moveAppointment(me, theirs, { startsAt: utc("2027-06-10T07:00:00Z") }, deps())).toEqual({ kind: "not-found" });
    expect(await rescheduleAppointment(me, theirs, { startsAt: utc("2027-06-10T07:00:00Z"), endsAt: utc("2027-06-10T07:15:00Z") }, deps())).toEqual({
      kind: "not-found",
    });
    expect(await resizeAppointment(me, theirs, { durationMinutes: 30 }, deps())).toEqual({ kind: "not-found" });
    expect(await cancelAppointment(me, theirs, "practice", deps())).toEqual({ kind: "not-found" });
    expect(await setAppointmentStatus(me, theirs, "arrived", deps())).toEqual({ kind: "not-found" });
    expect(await updateAppointmentDetails(me, theirs, { visitReasonId: null, note: "x" }, deps())).toEqual({ kind: "not-found" });
    expect(await cancelAppointment(me, "not-a-uuid", "practice", deps())).toEqual({ kind: "not-found" });
    expect(await snapshot(other)).toEqual(before);
  });

  it("refuses bad times, another doctor's patient or motif, an archived patient, and writes nothing", async () => {
    const before = await snapshot(practice);
    const start = utc("2027-06-11T06:00:00Z");
    const at = (ms: number) => new Date(start.getTime() + ms);
    const cases: [Parameters<typeof createAppointment>[1], unknown][] = [
      [
        { patientId: practice.patientIds[0], visitReasonId: null, startsAt: at(2 * 60_000), endsAt: at(17 * 60_000) },
        { kind: "invalid", problem: "off-grid" },
      ],
      [
        { patientId: practice.patientIds[0], visitReasonId: null, startsAt: start, endsAt: start },
        { kind: "invalid", problem: "end-before-start" },
      ],
      [
        { patientId: practice.patientIds[0], visitReasonId: null, startsAt: start, endsAt: at(-15 * 60_000) },
        { kind: "invalid", problem: "end-before-start" },
      ],
      [
        { patientId: practice.patientIds[0], visitReasonId: null, startsAt: start, endsAt: at(1000 * 60_000) },
        { kind: "invalid", problem: "duration" },
      ],
      [
        {
          patientId: practice.patientIds[0],
          visitReasonId: null,
          startsAt: new Date(Date.UTC(10000, 0, 3, 8)),
          endsAt: new Date(Date.UTC(10000, 0, 3, 9)),
        },
        { kind: "invalid", problem: "out-of-range" },
      ],
      [
        { patientId: practice.patientIds[0], visitReasonId: null, startsAt: new Date("pas une date"), endsAt: start },
        { kind: "invalid", problem: "invalid-date" },
      ],
      [
        { patientId: practice.patientIds[0], visitReasonId: null, startsAt: start, endsAt: at(15 * 60_000), note: "x".repeat(1001) },
        { kind: "invalid", problem: "note" },
      ],
      [{ patientId: other.patientIds[0], visitReasonId: null, startsAt: start, endsAt: at(15 * 60_000) }, { kind: "patient-not-found" }],
      [{ patientId: "1' OR '1'='1", visitReasonId: null, startsAt: start, endsAt: at(15 * 60_000) }, { kind: "patient-not-found" }],
      [
        { patientId: practice.patientIds[0], visitReasonId: other.motifs.consultation, startsAt: start, endsAt: at(15 * 60_000) },
        { kind: "motif-not-found" },
      ],
    ];
    for (const [input, expected] of cases) expect(await createAppointment(practice.direct, input, deps())).toEqual(expected);
    const a = await bookedId(practice, "2027-06-11T08:00:00Z");
    const afterOne = await snapshot(practice);
    expect(await resizeAppointment(practice.direct, a, { durationMinutes: 0 }, deps())).toEqual({ kind: "invalid", problem: "duration" });
    expect(await resizeAppointment(practice.direct, a, { durationMinutes: 1000 }, deps())).toEqual({ kind: "invalid", problem: "duration" });
    expect(await moveAppointment(practice.direct, a, { startsAt: utc("2027-06-11T06:03:00Z") }, deps())).toEqual({
      kind: "invalid",
      problem: "off-grid",
    });
    expect(await updateAppointmentDetails(practice.direct, a, { visitReasonId: other.motifs.long, note: null }, deps())).toEqual({
      kind: "motif-not-found",
    });
    expect(await snapshot(practice)).toEqual(afterOne);
    expect(before.rows.length + 1).toBe(afterOne.rows.length);

    await db
      .update(patients)
      .set({ archivedAt: sql`now()` })
      .where(eq(patients.id, practice.patientIds[1]));
    expect(
      await createAppointment(
        practice.direct,
        { patientId: practice.patientIds[1], visitReasonId: null, startsAt: start, endsAt: at(15 * 60_000) },
        deps(),
      ),
    ).toEqual({
      kind: "patient-archived",
    });
    await db.update(patients).set({ archivedAt: null }).where(eq(patients.id, practice.patientIds[1]));
  });

  it("changes the motif and the note; an inactive motif is refused unless it is already the appointment's", async () => {
    const a = await bookedId(practice, "2027-06-14T06:00:00Z");
    expect(await updateAppointmentDetails(practice.direct, a, { visitReasonId: practice.motifs.long, note: "Contrôle" }, deps())).toEqual({
      kind: "done",
    });
    expect(await findAppointment(practice.direct, a, deps())).toMatchObject({ visitReason: { label: "Suivi chronique" }, note: "Contrôle" });
  });
});
