import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { createAbsence, deleteAbsence, listAbsences } from "./absences";
import { createAppointment } from "./appointments";
import { listHolidays, setHolidayOpen } from "./holiday-openings";
import { agendaRefusalMessage } from "./messages";
import { readOpeningHours, replaceOpeningHours } from "./opening-hours";
import { agendaRevisionsOf } from "./revisions";
import {
  createVisitReason,
  deleteVisitReason,
  listVisitReasons,
  reorderVisitReasons,
  setVisitReasonActive,
  updateVisitReason,
} from "./visit-reasons";

let db: Database;
let practice: TestPractice;
let other: TestPractice;

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Kieffer");
  other = await testPractice(db, "Faber");
});

const deps = () => ({ db });
const revision = async (p: TestPractice) => (await agendaRevisionsOf(db, [p.doctor.id])).get(p.doctor.id)!;

describe("opening hours", () => {
  it("replaces the whole week and bumps the revision; refuses overlaps and writes nothing", async () => {
    const before = await revision(practice);
    const week = [
      { weekday: 1, startMinute: 480, endMinute: 720 },
      { weekday: 1, startMinute: 840, endMinute: 1110 },
      { weekday: 6, startMinute: 540, endMinute: 720 },
    ] as const;
    expect(await replaceOpeningHours(practice.viaSecretary, week, deps())).toEqual({ kind: "done" });
    expect(await readOpeningHours(practice.direct, deps())).toEqual(week);
    expect(await revision(practice)).toBeGreaterThan(before);
    const refused = await replaceOpeningHours(practice.direct, [...week, { weekday: 6, startMinute: 700, endMinute: 760 }], deps());
    expect(refused).toEqual({ kind: "invalid", problems: [{ index: 3, problem: "overlap" }] });
    expect(agendaRefusalMessage(refused as never)).toBe("Cette plage chevauche une autre plage du même jour.");
    expect(await readOpeningHours(practice.direct, deps())).toEqual(week);
    // Another doctor's hours are untouched.
    expect(await readOpeningHours(other.direct, deps())).toHaveLength(10);
  });
});

describe("absences", () => {
  it("are created with a label, say how many appointments remain during them, and are deleted by their doctor only", async () => {
    await replaceOpeningHours(
      practice.direct,
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, startMinute: 480, endMinute: 1110 })),
      deps(),
    );
    const booked = await createAppointment(
      practice.direct,
      { patientId: practice.patientIds[0], visitReasonId: null, startsAt: utc("2027-08-03T07:00:00Z"), endsAt: utc("2027-08-03T07:15:00Z") },
      deps(),
    );
    expect(booked.kind).toBe("done");
    const created = await createAbsence(
      practice.viaSecretary,
      { startsAt: utc("2027-08-01T22:00:00Z"), endsAt: utc("2027-08-13T22:00:00Z"), label: " Congés " },
      deps(),
    );
    expect(created).toMatchObject({ kind: "done", appointmentsDuring: 1 });
    const id = (created as { absenceId: string }).absenceId;
    expect(await listAbsences(practice.direct, { from: utc("2027-07-01T00:00:00Z") }, deps())).toEqual([
      { id, startsAt: utc("2027-08-01T22:00:00Z"), endsAt: utc("2027-08-13T22:00:00Z"), label: "Congés" },
    ]);
    // Booking during it is now outside opening hours.
    const during = await createAppointment(
      practice.direct,
      { patientId: practice.patientIds[0], visitReasonId: null, startsAt: utc("2027-08-04T07:00:00Z"), endsAt: utc("2027-08-04T07:15:00Z") },
      deps(),
    );
    expect(during).toEqual({ kind: "outside-hours" });
    expect(await deleteAbsence(other.direct, id, deps())).toEqual({ kind: "not-found" });
    expect(
      await createAbsence(practice.direct, { startsAt: utc("2027-08-13T22:00:00Z"), endsAt: utc("2027-08-01T22:00:00Z"), label: "x" }, deps()),
    ).toEqual({
      kind: "invalid",
      problem: "end-before-start",
    });
    expect(
      await createAbsence(
        practice.direct,
        { startsAt: new Date(Date.UTC(10000, 0, 1)), endsAt: new Date(Date.UTC(10000, 0, 2)), label: "x" },
        deps(),
      ),
    ).toEqual({
      kind: "invalid",
      problem: "out-of-range",
    });
    expect(await deleteAbsence(practice.direct, id, deps())).toEqual({ kind: "done" });
    expect(await listAbsences(practice.direct, {}, deps())).toEqual([]);
  });
});

describe("public holidays", () => {
  it("are closed by default, each can be opened and closed again", async () => {
    const closed = await listHolidays(practice.direct, 2027, deps());
    expect(closed).toHaveLength(11);
    expect(closed.every((h) => !h.open)).toBe(true);
    expect(await setHolidayOpen(practice.viaSecretary, "2027-05-09", true, deps())).toEqual({ kind: "done" });
    expect(await setHolidayOpen(practice.viaSecretary, "2027-05-09", true, deps())).toEqual({ kind: "done" });
    expect((await listHolidays(practice.direct, 2027, deps())).find((h) => h.day === "2027-05-09")).toEqual({
      day: "2027-05-09",
      name: expect.stringMatching(/Europe/),
      open: true,
    });
    expect((await listHolidays(other.direct, 2027, deps())).find((h) => h.day === "2027-05-09")?.open).toBe(false);
    // Good Friday is not a public holiday: nothing to open.
    expect(await setHolidayOpen(practice.direct, "2027-03-26", true, deps())).toEqual({ kind: "not-a-holiday" });
    expect(await setHolidayOpen(practice.direct, "2027-02-30", true, deps())).toEqual({ kind: "not-a-holiday" });
    expect(await setHolidayOpen(practice.direct, "2027-05-09", false, deps())).toEqual({ kind: "done" });
    expect((await listHolidays(practice.direct, 2027, deps())).every((h) => !h.open)).toBe(true);
  });
});

describe("motifs", () => {
  it("are created last, unique by label whatever the case, reordered, deactivated, and deleted only while unused", async () => {
    const created = await createVisitReason(practice.direct, { label: "Vaccination", durationMinutes: 10, colour: "teal" }, deps());
    expect(created).toMatchObject({ kind: "done" });
    const vaccination = (created as { visitReasonId: string }).visitReasonId;
    expect((await listVisitReasons(practice.direct, {}, deps())).map((m) => m.label)).toEqual(["Consultation", "Suivi chronique", "Vaccination"]);
    expect(await createVisitReason(practice.direct, { label: "vaccination", durationMinutes: 10, colour: "teal" }, deps())).toEqual({
      kind: "duplicate-label",
    });
    expect(await createVisitReason(other.direct, { label: "Vaccination", durationMinutes: 10, colour: "teal" }, deps())).toMatchObject({
      kind: "done",
    });
    expect(await createVisitReason(practice.direct, { label: "Long", durationMinutes: 245, colour: "teal" }, deps())).toEqual({
      kind: "invalid",
      problem: "motif-duration",
    });
    expect(await createVisitReason(practice.direct, { label: "Long", durationMinutes: 30, colour: "fuchsia" as never }, deps())).toEqual({
      kind: "invalid",
      problem: "motif-colour",
    });
    expect(await updateVisitReason(practice.direct, vaccination, { label: "Consultation", durationMinutes: 10, colour: "teal" }, deps())).toEqual({
      kind: "duplicate-label",
    });
    expect(await updateVisitReason(other.direct, vaccination, { label: "Rappel", durationMinutes: 10, colour: "teal" }, deps())).toEqual({
      kind: "not-found",
    });

    const all = await listVisitReasons(practice.direct, {}, deps());
    const reversed = all.map((m) => m.id).reverse();
    expect(await reorderVisitReasons(practice.direct, reversed, deps())).toEqual({ kind: "done" });
    expect((await listVisitReasons(practice.direct, {}, deps())).map((m) => m.id)).toEqual(reversed);
    expect(await reorderVisitReasons(practice.direct, reversed.slice(1), deps())).toEqual({ kind: "invalid", problem: "ids" });

    // In use: kept, made inactive instead; it leaves the choices and stays on its appointments.
    expect(await deleteVisitReason(practice.direct, practice.motifs.consultation, deps())).toEqual({ kind: "done" });
    const booked = await createAppointment(
      practice.direct,
      {
        patientId: practice.patientIds[0],
        visitReasonId: practice.motifs.long,
        startsAt: utc("2027-09-06T07:00:00Z"),
        endsAt: utc("2027-09-06T07:30:00Z"),
      },
      deps(),
    );
    expect(booked.kind).toBe("done");
    expect(await deleteVisitReason(practice.direct, practice.motifs.long, deps())).toEqual({ kind: "in-use" });
    expect(await setVisitReasonActive(practice.direct, practice.motifs.long, false, deps())).toEqual({ kind: "done" });
    expect((await listVisitReasons(practice.direct, {}, deps())).map((m) => m.label)).not.toContain("Suivi chronique");
    expect((await listVisitReasons(practice.direct, { includeInactive: true }, deps())).find((m) => m.label === "Suivi chronique")?.active).toBe(
      false,
    );
    expect(
      await createAppointment(
        practice.direct,
        {
          patientId: practice.patientIds[0],
          visitReasonId: practice.motifs.long,
          startsAt: utc("2027-09-06T08:00:00Z"),
          endsAt: utc("2027-09-06T08:30:00Z"),
        },
        deps(),
      ),
    ).toEqual({ kind: "motif-inactive" });
    expect(await deleteVisitReason(practice.direct, vaccination, deps())).toEqual({ kind: "done" });
    expect(await deleteVisitReason(other.direct, practice.motifs.long, deps())).toEqual({ kind: "not-found" });
  });
});
