import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, jobs, onlineBookingSettings } from "@/db/schema";
import type { Database } from "@/db/client";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { scheduleAppointmentMessages } from "./appointment-messages";

let db: Database;
let practice: TestPractice;
let other: TestPractice;

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Kieffer");
  other = await testPractice(db, "Faber");
  await db.insert(onlineBookingSettings).values({ doctorId: practice.doctor.id, slug: "dr-kieffer", enabled: true, reminderHours: 48 });
  await db.insert(onlineBookingSettings).values({ doctorId: other.doctor.id, slug: "dr-faber", enabled: true, reminderHours: null });
});

async function appointment(p: TestPractice, start: string, bookedVia: "online" | "practice") {
  const startsAt = utc(start);
  const [row] = await db
    .insert(appointments)
    .values({ doctorId: p.doctor.id, patientId: p.patientIds[0], startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000), bookedVia })
    .returning({ id: appointments.id });
  return row!.id;
}

const pending = (id: string) =>
  db
    .select({ kind: jobs.kind, runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.appointmentId, id), isNull(jobs.doneAt)))
    .orderBy(jobs.id);

describe("what a patient is told", () => {
  it("an online booking gets its confirmation now and the reminder the doctor chose (48 h)", async () => {
    const id = await appointment(practice, "2031-03-10T08:00:00Z", "online");
    await db.transaction((tx) => scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: id }));
    const rows = await pending(id);
    expect(rows.map((r) => r.kind)).toEqual(["appointment_confirmation", "appointment_reminder"]);
    expect(rows[1]!.runAt).toEqual(utc("2031-03-08T08:00:00Z"));
  });

  it("a practice booking gets no confirmation, only the reminder", async () => {
    const id = await appointment(practice, "2031-03-11T08:00:00Z", "practice");
    await db.transaction((tx) => scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: id }));
    expect((await pending(id)).map((r) => r.kind)).toEqual(["appointment_reminder"]);
  });

  it("a move raises SEQUENCE, tells the patient and moves the reminder with the appointment", async () => {
    const id = await appointment(practice, "2031-03-12T08:00:00Z", "online");
    await db.transaction((tx) => scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: id }));
    await db
      .update(appointments)
      .set({ startsAt: utc("2031-03-13T08:00:00Z"), endsAt: utc("2031-03-13T08:15:00Z") })
      .where(eq(appointments.id, id));
    await db.transaction((tx) => scheduleAppointmentMessages(tx, { kind: "moved", appointmentId: id }));
    const rows = await pending(id);
    expect(rows.filter((r) => r.kind === "appointment_reminder").map((r) => r.runAt)).toEqual([utc("2031-03-11T08:00:00Z")]);
    expect(rows.map((r) => r.kind)).toContain("appointment_changed");
    const [row] = await db.select({ sequence: appointments.calendarSequence }).from(appointments).where(eq(appointments.id, id));
    expect(row!.sequence).toBe(1);
  });

  it("a cancellation removes the reminder, sends METHOD:CANCEL's notice and offers the freed time", async () => {
    const id = await appointment(practice, "2031-03-14T08:00:00Z", "online");
    await db.transaction((tx) => scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: id }));
    await db.update(appointments).set({ status: "cancelled", cancelledBy: "practice" }).where(eq(appointments.id, id));
    await db.transaction((tx) => scheduleAppointmentMessages(tx, { kind: "cancelled", appointmentId: id }));
    expect((await pending(id)).map((r) => r.kind)).toEqual(["appointment_confirmation", "appointment_cancelled"]);
  });

  it("no reminder when the doctor chose none, nor when the time is already too close", async () => {
    const id = await appointment(other, "2031-03-10T08:00:00Z", "practice");
    await db.transaction((tx) => scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: id }));
    expect(await pending(id)).toEqual([]);
    const soon = await appointment(practice, new Date(Date.now() + 3_600_000).toISOString(), "practice");
    await db.transaction((tx) => scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: soon }));
    expect(await pending(soon)).toEqual([]);
  });
});
