import { beforeAll, describe, expect, it } from "vitest";
import { secretaryDoctors } from "@/db/schema";
import type { Database } from "@/db/client";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { createAbsence } from "./absences";
import { cancelAppointment, createAppointment, findAppointment } from "./appointments";
import { setHolidayOpen } from "./holiday-openings";
import { replaceOpeningHours } from "./opening-hours";
import { readAgenda } from "./week";

let db: Database;
let practice: TestPractice;
let other: TestPractice;
let unrelated: TestPractice;

const HOUR = 3_600_000;

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Kieffer");
  other = await testPractice(db, "Faber");
  unrelated = await testPractice(db, "Reding");
  // The practice's secretary also works for Dr Faber.
  await db.insert(secretaryDoctors).values({ secretaryId: practice.secretary.id, doctorId: other.doctor.id });
  // Open on Sundays 00:00–06:00 too, for the daylight-saving weeks.
  const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday: weekday as 1, startMinute: 480, endMinute: 720 },
    { weekday: weekday as 1, startMinute: 840, endMinute: 1110 },
  ]);
  await replaceOpeningHours(practice.direct, [...weekdays, { weekday: 7, startMinute: 0, endMinute: 360 }], { db });
});

const deps = () => ({ db });

describe("the week of 31 October 2027 (back to winter time)", () => {
  it("has days of 24 hours and a Sunday of 25, open 7 hours that Sunday, All Saints closed", async () => {
    const week = await readAgenda(practice.direct, { from: "2027-10-25", days: 7 }, deps());
    expect(week.days.map((d) => (d.end.getTime() - d.start.getTime()) / HOUR)).toEqual([24, 24, 24, 24, 24, 24, 25]);
    const sunday = week.days[6]!.doctors[0]!;
    expect(sunday.open).toEqual([{ start: utc("2027-10-30T22:00:00Z"), end: utc("2027-10-31T05:00:00Z") }]);
    const allSaints = await readAgenda(practice.direct, { from: "2027-11-01", days: 1 }, deps());
    expect(allSaints.days[0]!.holiday).toEqual({ name: "Toussaint" });
    expect(allSaints.days[0]!.doctors[0]).toMatchObject({
      holiday: { name: "Toussaint", open: false },
      open: [],
      scheduled: [{ start: utc("2027-11-01T07:00:00Z"), end: utc("2027-11-01T11:00:00Z") }, expect.anything()],
    });
  });

  it("the week of 28 March 2027 has a Sunday of 23 hours, open 5; Easter Monday closed unless opened", async () => {
    const week = await readAgenda(practice.direct, { from: "2027-03-22", days: 7 }, deps());
    expect((week.days[6]!.end.getTime() - week.days[6]!.start.getTime()) / HOUR).toBe(23);
    expect(week.days[6]!.doctors[0]!.open).toEqual([{ start: utc("2027-03-27T23:00:00Z"), end: utc("2027-03-28T04:00:00Z") }]);
    // Good Friday stays open.
    expect(week.days[4]!.holiday).toBeNull();
    expect(week.days[4]!.doctors[0]!.open).toHaveLength(2);
    await setHolidayOpen(practice.direct, "2027-03-29", true, deps());
    const monday = await readAgenda(practice.direct, { from: "2027-03-29", days: 1 }, deps());
    expect(monday.days[0]!.doctors[0]).toMatchObject({ holiday: { name: "Lundi de Pâques", open: true } });
    expect(monday.days[0]!.doctors[0]!.open[0]).toEqual({ start: utc("2027-03-29T06:00:00Z"), end: utc("2027-03-29T10:00:00Z") });
  });
});

describe("appointments and absences in the view", () => {
  it("shows each appointment with patient, motif and status (its note and authors read whole on demand), and absences with their label", async () => {
    const booked = await createAppointment(
      practice.viaSecretary,
      {
        patientId: practice.patientIds[0],
        visitReasonId: practice.motifs.consultation,
        startsAt: utc("2027-06-01T06:00:00Z"),
        endsAt: utc("2027-06-01T06:15:00Z"),
        note: "À jeun",
      },
      deps(),
    );
    const cancelled = await createAppointment(
      practice.direct,
      { patientId: practice.patientIds[1], visitReasonId: null, startsAt: utc("2027-06-02T06:00:00Z"), endsAt: utc("2027-06-02T06:15:00Z") },
      deps(),
    );
    await cancelAppointment(practice.direct, (cancelled as { appointmentId: string }).appointmentId, "patient", deps());
    await createAbsence(practice.direct, { startsAt: utc("2027-06-03T10:00:00Z"), endsAt: utc("2027-06-03T22:00:00Z"), label: "Formation" }, deps());
    await createAppointment(
      other.direct,
      { patientId: other.patientIds[0], visitReasonId: null, startsAt: utc("2027-06-01T06:00:00Z"), endsAt: utc("2027-06-01T06:15:00Z") },
      deps(),
    );

    const week = await readAgenda(practice.direct, { from: "2027-05-31", days: 7 }, deps());
    expect(week.doctors).toEqual([{ id: practice.doctor.id, name: "Dr Jos Kieffer" }]);
    const tuesday = week.days[1]!.doctors[0]!;
    expect(tuesday.appointments).toHaveLength(1);
    const bookedId = (booked as { appointmentId: string }).appointmentId;
    expect(tuesday.appointments[0]).toEqual({
      id: bookedId,
      doctorId: practice.doctor.id,
      startsAt: utc("2027-06-01T06:00:00Z"),
      endsAt: utc("2027-06-01T06:15:00Z"),
      patient: { firstName: "Nora", lastName: "Wagner" },
      visitReason: { id: practice.motifs.consultation, label: "Consultation", colour: "blue" },
      status: "booked",
      overbooked: false,
      bookedVia: "practice",
    });
    expect(week.days[2]!.doctors[0]!.appointments[0]).toMatchObject({ status: "cancelled", visitReason: null });
    // The note and the authors are the details dialog's, read with the appointment whole.
    expect(await findAppointment(practice.direct, bookedId, deps())).toMatchObject({ note: "À jeun", createdBy: { role: "secretary" } });
    expect(await findAppointment(practice.direct, (cancelled as { appointmentId: string }).appointmentId, deps())).toMatchObject({
      cancelledBy: "patient",
    });
    const thursday = week.days[3]!.doctors[0]!;
    expect(thursday.absences).toMatchObject([{ label: "Formation" }]);
    // Open 08:00–12:00 only: the absence starts at 12:00 local.
    expect(thursday.open).toEqual([{ start: utc("2027-06-03T06:00:00Z"), end: utc("2027-06-03T10:00:00Z") }]);
  });

  it("puts a secretary's doctors side by side, and only hers; a doctor sees only their own", async () => {
    const side = await readAgenda(practice.viaSecretary, { from: "2027-06-01", days: 1, doctorIds: [other.doctor.id, unrelated.doctor.id] }, deps());
    expect(side.doctors.map((d) => d.id)).toEqual([practice.doctor.id, other.doctor.id]);
    expect(side.days[0]!.doctors.map((d) => d.appointments.length)).toEqual([1, 1]);
    const asDoctor = await readAgenda(practice.direct, { from: "2027-06-01", days: 1, doctorIds: [other.doctor.id] }, deps());
    expect(asDoctor.doctors.map((d) => d.id)).toEqual([practice.doctor.id]);
  });

  it("refuses a range that is not one to seven days from a real day", async () => {
    await expect(readAgenda(practice.direct, { from: "2027-02-30", days: 1 }, deps())).rejects.toThrow(RangeError);
    await expect(readAgenda(practice.direct, { from: "2027-06-01", days: 8 }, deps())).rejects.toThrow(RangeError);
  });
});
