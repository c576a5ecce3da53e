import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, jobs, onlineBookingSettings, patients, users, visitReasons, type User } from "@/db/schema";
import type { Database } from "@/db/client";
import { matriculeFor } from "@/lib/patients/matricule";
import { rescheduleMessage } from "@/lib/patient-space/messages";
import { testPractice, utc } from "@/tests/support/agenda";
import { throwawayPostgres } from "@/tests/support/postgres";
import { freshDatabase } from "@/tests/support/test-db";
import { rescheduleAsPatient, type PatientRescheduleResult } from "./patient-reschedule";

// « Déplacer » from the patient space: the new time must be offered, the old one is kept until
// the new one is taken, another account's appointment is out of reach, and a race for the new time
// is decided by the database — the loser keeps their appointment and is told.

// Monday 7 June 2027, 06:00 in Luxembourg (summer time, UTC+2); the practice opens at 08:00.
const NOW = utc("2027-06-07T04:00:00Z");
const TUESDAY_0900 = utc("2027-06-08T07:00:00Z");
const TUESDAY_1000 = utc("2027-06-08T08:00:00Z");
const TUESDAY_1100 = utc("2027-06-08T09:00:00Z");

async function setUp(db: Database, name: string) {
  const practice = await testPractice(db, name);
  await db
    .insert(onlineBookingSettings)
    .values({ doctorId: practice.doctor.id, slug: `dr-${name.toLowerCase()}-${Date.now()}`, enabled: true, horizonWeeks: 4 });
  await db.update(visitReasons).set({ bookableOnline: true }).where(eq(visitReasons.doctorId, practice.doctor.id));
  const account = async (first: string): Promise<User> =>
    (
      await db
        .insert(users)
        .values({ email: `${first}-${name}-${Date.now()}@example.lu`.toLowerCase(), role: "patient", firstName: first, lastName: "T" })
        .returning()
    )[0]!;
  const file = async (owner: User, seq: number) =>
    (
      await db
        .insert(patients)
        .values({
          doctorId: practice.doctor.id,
          firstName: owner.firstName,
          lastName: "T",
          birthDate: "1990-01-01",
          matricule: matriculeFor("1990-01-01", seq),
          accountUserId: owner.id,
          accountRelation: "self",
        })
        .returning({ id: patients.id })
    )[0]!.id;
  const book = async (patientId: string, startsAt: Date, owner: User) =>
    (
      await db
        .insert(appointments)
        .values({
          doctorId: practice.doctor.id,
          patientId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 15 * 60_000),
          visitReasonId: practice.motifs.consultation,
          bookedVia: "online",
          bookedByUserId: owner.id,
        })
        .returning({ id: appointments.id })
    )[0]!.id;
  return { practice, account, file, book };
}

describe("rescheduleAsPatient", () => {
  let db: Database;
  let ana: User;
  let ben: User;
  let anaAppointment: string;
  let benAppointment: string;

  beforeAll(async () => {
    db = await freshDatabase();
    const s = await setUp(db, "Deplace");
    ana = await s.account("Ana");
    ben = await s.account("Ben");
    anaAppointment = await s.book(await s.file(ana, 11), TUESDAY_0900, ana);
    benAppointment = await s.book(await s.file(ben, 12), TUESDAY_1000, ben);
  });

  const startOf = async (id: string) => (await db.select({ s: appointments.startsAt }).from(appointments).where(eq(appointments.id, id)))[0]!.s;

  it("refuses another account's appointment, a time not offered, a taken time, and moves nothing", async () => {
    const move = (appointmentId: string, startsAt: Date, userId = ana.id) =>
      rescheduleAsPatient({ userId, appointmentId, startsAt }, { db, now: NOW });
    expect(await move(benAppointment, TUESDAY_1100)).toEqual({ kind: "not-found" });
    expect(await move("not-an-id", TUESDAY_1100)).toEqual({ kind: "not-found" });
    // Off the 15-minute grid, during Ben's appointment, at night, in the past.
    expect(await move(anaAppointment, utc("2027-06-08T07:07:00Z"))).toEqual({ kind: "not-bookable", reason: "not_offered" });
    expect(await move(anaAppointment, TUESDAY_1000)).toEqual({ kind: "not-bookable", reason: "not_offered" });
    expect(await move(anaAppointment, utc("2027-06-08T01:00:00Z"))).toEqual({ kind: "not-bookable", reason: "not_offered" });
    expect(await move(anaAppointment, utc("2027-06-01T07:00:00Z"))).toEqual({ kind: "not-bookable", reason: "past" });
    expect(await move(anaAppointment, TUESDAY_0900)).toEqual({ kind: "same-time" });
    expect(await startOf(anaAppointment)).toEqual(TUESDAY_0900);
    expect(await startOf(benAppointment)).toEqual(TUESDAY_1000);
  });

  it("moves to a free time, raises SEQUENCE, queues the notice, and frees the old time", async () => {
    const result = await rescheduleAsPatient({ userId: ana.id, appointmentId: anaAppointment, startsAt: TUESDAY_1100 }, { db, now: NOW });
    expect(result).toEqual({ kind: "moved", appointmentId: anaAppointment, startsAt: TUESDAY_1100 });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, anaAppointment));
    expect(row).toMatchObject({ startsAt: TUESDAY_1100, endsAt: utc("2027-06-08T09:15:00Z"), status: "booked", calendarSequence: 1 });
    const queued = await db.select({ kind: jobs.kind }).from(jobs).where(eq(jobs.appointmentId, anaAppointment));
    expect(queued.map((j) => j.kind)).toContain("appointment_changed");
    // The freed 09:00 can be taken again.
    expect(await rescheduleAsPatient({ userId: ana.id, appointmentId: anaAppointment, startsAt: TUESDAY_0900 }, { db, now: NOW })).toMatchObject({
      kind: "moved",
    });
  });

  it("refuses after the cancellation deadline", async () => {
    const late = new Date(TUESDAY_0900.getTime() - 3 * 3_600_000);
    const result = await rescheduleAsPatient({ userId: ana.id, appointmentId: anaAppointment, startsAt: TUESDAY_1100 }, { db, now: late });
    expect(result).toMatchObject({ kind: "too-late" });
    expect(rescheduleMessage(result)).toMatch(/délai/);
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)("two patients moving to the same time at once, across two instances (PostgreSQL)", () => {
  let pg: NonNullable<Awaited<ReturnType<typeof throwawayPostgres>>>;
  beforeAll(async () => {
    pg = (await throwawayPostgres(2))!;
  });
  afterAll(async () => {
    await pg?.drop();
  });

  it("lets exactly one through; every loser keeps their old time and reads « Ce créneau vient d'être réservé »", async () => {
    const db = pg.dbs[0]!;
    const s = await setUp(db, "Course");
    const racers = 10;
    const people: { user: User; appointment: string; start: Date }[] = [];
    for (let i = 0; i < racers; i++) {
      const user = await s.account(`R${i}`);
      // Wednesday 9 June 2027 from 08:00, one a quarter-hour each: all racing for Thursday 09:00.
      const start = new Date(utc("2027-06-09T06:00:00Z").getTime() + i * 15 * 60_000);
      people.push({ user, appointment: await s.book(await s.file(user, 100 + i), start, user), start });
    }
    const target = utc("2027-06-10T07:00:00Z");
    const settled = await Promise.allSettled(
      people.map((p, i) =>
        rescheduleAsPatient({ userId: p.user.id, appointmentId: p.appointment, startsAt: target }, { db: pg.dbs[i % 2]!, now: NOW }),
      ),
    );
    expect(settled.filter((r) => r.status === "rejected")).toEqual([]);
    const results = settled.map((r) => (r as PromiseFulfilledResult<PatientRescheduleResult>).value);
    expect(results.filter((r) => r.kind === "moved")).toHaveLength(1);
    const losers = results.filter((r) => r.kind !== "moved");
    // A loser either met the winner in the constraint or, arriving later, saw the time no longer offered.
    for (const r of losers) expect(["taken", "not-bookable"]).toContain(r.kind);
    for (const r of losers) expect(rescheduleMessage(r)).toMatch(/vient d'être réservé/);
    const rows = await db
      .select({ id: appointments.id, startsAt: appointments.startsAt })
      .from(appointments)
      .where(eq(appointments.doctorId, s.practice.doctor.id));
    expect(rows.filter((r) => r.startsAt.getTime() === target.getTime())).toHaveLength(1);
    for (const p of people) {
      const row = rows.find((r) => r.id === p.appointment)!;
      expect([p.start.getTime(), target.getTime()]).toContain(row.startsAt.getTime());
    }
  });
});
