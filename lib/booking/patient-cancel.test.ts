import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointmentCancelLinks, appointments, jobs, onlineBookingSettings, patients, users, waitlistEntries } from "@/db/schema";
import type { Database } from "@/db/client";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { cancelLinkState, createCancelLink } from "./cancel-links";
import { patientCancelMessage } from "./messages";
import { cancelAsPatient } from "./patient-cancel";

// Monday 7 June 2027, 09:00 in Luxembourg (07:00 UTC); the practice's deadline is 24 h.
const STARTS = "2027-06-07T07:00:00Z";
const DAY_BEFORE = utc("2027-06-06T06:00:00Z");

let db: Database;
let practice: TestPractice;
let patientUser: string;
let stranger: string;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "unit-test-auth-secret";
  db = await freshDatabase();
  practice = await testPractice(db, "Kieffer");
  const [p, s] = await db
    .insert(users)
    .values([
      { email: "lea.patient@example.lu", role: "patient", firstName: "Léa", lastName: "Muller" },
      { email: "autre.patient@example.lu", role: "patient", firstName: "Tom", lastName: "Klein" },
    ])
    .returning({ id: users.id });
  patientUser = p!.id;
  stranger = s!.id;
  await db.update(patients).set({ accountUserId: patientUser, accountRelation: "self" }).where(eq(patients.id, practice.patientIds[0]));
  await db.insert(onlineBookingSettings).values({ doctorId: practice.doctor.id, slug: "dr-kieffer", enabled: true, cancellationDeadlineHours: 24 });
});

async function appointment(start = STARTS, patientId = practice.patientIds[0]) {
  const startsAt = utc(start);
  const [row] = await db
    .insert(appointments)
    .values({ doctorId: practice.doctor.id, patientId, startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000), bookedVia: "online" })
    .returning({ id: appointments.id });
  return row!.id;
}

const status = async (id: string) => (await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.s;

describe("a patient cancels from the patient space", () => {
  it("cancels their own appointment before the deadline, tells the patient and frees the waitlist entry", async () => {
    const id = await appointment();
    await db.insert(waitlistEntries).values({ appointmentId: id });
    const result = await cancelAsPatient({ kind: "account", userId: patientUser, appointmentId: id }, { db, now: () => DAY_BEFORE });
    expect(result).toEqual({ kind: "cancelled", appointmentId: id, doctorId: practice.doctor.id });
    expect(await status(id)).toBe("cancelled");
    expect(await db.select().from(waitlistEntries).where(eq(waitlistEntries.appointmentId, id))).toHaveLength(0);
    const kinds = (await db.select({ kind: jobs.kind }).from(jobs).where(eq(jobs.appointmentId, id))).map((j) => j.kind);
    expect(kinds).toContain("appointment_cancelled");
  });

  it("answers « introuvable » for someone else's appointment or a forged id, and changes nothing", async () => {
    const id = await appointment("2027-06-07T08:00:00Z");
    expect(await cancelAsPatient({ kind: "account", userId: stranger, appointmentId: id }, { db, now: () => DAY_BEFORE })).toEqual({
      kind: "not-found",
    });
    expect(await cancelAsPatient({ kind: "account", userId: patientUser, appointmentId: "not-a-uuid" }, { db })).toEqual({ kind: "not-found" });
    const other = await appointment("2027-06-07T09:00:00Z", practice.patientIds[1]);
    expect(await cancelAsPatient({ kind: "account", userId: patientUser, appointmentId: other }, { db, now: () => DAY_BEFORE })).toEqual({
      kind: "not-found",
    });
    expect(await status(id)).toBe("booked");
    expect(await status(other)).toBe("booked");
  });

  it("refuses after the deadline with a sentence that says to call", async () => {
    const id = await appointment("2027-06-08T07:00:00Z");
    const result = await cancelAsPatient({ kind: "account", userId: patientUser, appointmentId: id }, { db, now: () => utc("2027-06-07T08:00:00Z") });
    expect(result).toMatchObject({ kind: "too-late" });
    expect(patientCancelMessage(result)).toMatch(/Appelez le cabinet/);
    expect(await status(id)).toBe("booked");
  });
});

describe("a patient cancels through the emailed link", () => {
  it("cancels once; the replayed link is refused", async () => {
    const id = await appointment("2027-06-09T07:00:00Z");
    const token = (await db.transaction((tx) => createCancelLink(tx, id, DAY_BEFORE)))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // Only the hash is stored, and neither the appointment id nor the calendar UID is in the token.
    const [stored] = await db.select().from(appointmentCancelLinks).where(eq(appointmentCancelLinks.appointmentId, id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(token).not.toContain(id);
    expect(await cancelLinkState(db, token, DAY_BEFORE)).toMatchObject({ kind: "usable", appointmentId: id });

    expect(await cancelAsPatient({ kind: "link", token }, { db, now: () => DAY_BEFORE })).toMatchObject({ kind: "cancelled" });
    expect(await status(id)).toBe("cancelled");
    expect(await cancelAsPatient({ kind: "link", token }, { db, now: () => DAY_BEFORE })).toEqual({ kind: "link-used" });
  });

  it("refuses an unknown token and an expired link", async () => {
    expect(await cancelAsPatient({ kind: "link", token: "x".repeat(43) }, { db })).toEqual({ kind: "not-found" });
    const id = await appointment("2027-06-10T07:00:00Z");
    const token = (await db.transaction((tx) => createCancelLink(tx, id, DAY_BEFORE)))!;
    const after = utc("2027-06-09T08:00:00Z");
    expect(await cancelAsPatient({ kind: "link", token }, { db, now: () => after })).toEqual({ kind: "link-expired" });
    expect(await status(id)).toBe("booked");
  });

  it("gives no link once the deadline has passed", async () => {
    const id = await appointment("2027-06-11T07:00:00Z");
    expect(await db.transaction((tx) => createCancelLink(tx, id, utc("2027-06-10T08:00:00Z")))).toBeNull();
  });
});
