import { beforeEach, describe, expect, it } from "vitest";
import { appointments, patients, reviews, users } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { dashboardStatistics } from "./statistics";

// Hand-made practices with known answers. Instants are written in UTC; the comments give the
// Luxembourg wall-clock time each one is, because that is what the statistics must count in.

let db: Awaited<ReturnType<typeof freshDatabase>>;
let doctorId: string;
let otherDoctorId: string;
let patientId: string;
let otherPatientId: string;

const at = (iso: string) => new Date(iso);

beforeEach(async () => {
  db = await freshDatabase();
  const [doctor, other] = await db
    .insert(users)
    .values([
      { email: "doc@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Jos", lastName: "Kieffer" },
      { email: "other@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Lis", lastName: "Faber" },
    ])
    .returning();
  doctorId = doctor!.id;
  otherDoctorId = other!.id;
  const [p, q] = await db
    .insert(patients)
    .values([
      { doctorId, firstName: "Nora", lastName: "Wagner", birthDate: "1980-05-02", matricule: "1980050212345", createdAt: at("2024-01-10T09:00:00Z") },
      {
        doctorId: otherDoctorId,
        firstName: "Tom",
        lastName: "Klein",
        birthDate: "1975-03-04",
        matricule: "1975030412345",
        createdAt: at("2024-01-10T09:00:00Z"),
      },
    ])
    .returning();
  patientId = p!.id;
  otherPatientId = q!.id;
});

function appointment(
  startsAt: string,
  status: "booked" | "done" | "cancelled" | "no_show",
  mine = true,
  bookedVia: "online" | "practice" = "practice",
) {
  return {
    doctorId: mine ? doctorId : otherDoctorId,
    patientId: mine ? patientId : otherPatientId,
    startsAt: at(startsAt),
    // One minute: the cases sit a minute apart around midnight, and the database refuses two
    // active appointments of a doctor that overlap.
    endsAt: new Date(at(startsAt).getTime() + 60_000),
    status,
    bookedVia,
  };
}

describe("patients", () => {
  it("counts new patients from midnight of the 1st in Luxembourg (summer time), not UTC", async () => {
    // now: Wednesday 1 April 2026, 00:30 in Luxembourg (UTC+2).
    const now = at("2026-03-31T22:30:00Z");
    await db.insert(patients).values([
      // 31 March 23:59:59 in Luxembourg: March.
      { doctorId, firstName: "A", lastName: "A", birthDate: "1990-01-01", matricule: "1990010100011", createdAt: at("2026-03-31T21:59:59Z") },
      // 1 April 00:00 in Luxembourg, still 31 March in UTC: this month.
      { doctorId, firstName: "B", lastName: "B", birthDate: "1990-01-01", matricule: "1990010100022", createdAt: at("2026-03-31T22:00:00Z") },
      { doctorId, firstName: "C", lastName: "C", birthDate: "1990-01-01", matricule: "1990010100033", createdAt: at("2026-03-31T22:20:00Z") },
      // Another doctor's new patient counts nowhere here.
      {
        doctorId: otherDoctorId,
        firstName: "D",
        lastName: "D",
        birthDate: "1990-01-01",
        matricule: "1990010100044",
        createdAt: at("2026-03-31T22:10:00Z"),
      },
    ]);
    const stats = await dashboardStatistics({ doctor: { id: doctorId } as never }, now);
    expect(stats.patients).toEqual({ total: 4, newThisMonth: 2 });
  });

  it("uses winter time (UTC+1) in winter", async () => {
    // now: Sunday 1 February 2026, 00:30 in Luxembourg (UTC+1).
    const now = at("2026-01-31T23:30:00Z");
    await db.insert(patients).values([
      // 31 January 23:59 in Luxembourg: January.
      { doctorId, firstName: "A", lastName: "A", birthDate: "1990-01-01", matricule: "1990010100011", createdAt: at("2026-01-31T22:59:00Z") },
      // 1 February 00:00 in Luxembourg: February.
      { doctorId, firstName: "B", lastName: "B", birthDate: "1990-01-01", matricule: "1990010100022", createdAt: at("2026-01-31T23:00:00Z") },
    ]);
    const stats = await dashboardStatistics({ doctor: { id: doctorId } as never }, now);
    expect(stats.patients).toEqual({ total: 3, newThisMonth: 1 });
  });
});

describe("appointments", () => {
  it("counts today, 7 days and the month in Luxembourg time, leaving cancelled ones out of the totals", async () => {
    // now: Wednesday 1 April 2026, 09:30 in Luxembourg (UTC+2).
    const now = at("2026-04-01T07:30:00Z");
    await db.insert(appointments).values([
      appointment("2026-03-31T21:30:00Z", "done"), // 31 March 23:30: yesterday, last month
      appointment("2026-03-31T22:15:00Z", "no_show"), // 1 April 00:15: today, due, a no-show
      appointment("2026-04-01T06:00:00Z", "done"), // 1 April 08:00: today, due
      appointment("2026-04-01T09:00:00Z", "booked", true, "online"), // 1 April 11:00: today, not yet due, online
      appointment("2026-04-01T10:00:00Z", "cancelled", true, "online"), // today but cancelled: not counted online
      appointment("2026-04-07T20:00:00Z", "booked"), // 7 April 22:00: last of the 7 days
      appointment("2026-04-07T22:00:00Z", "booked"), // 8 April 00:00: after the 7 days
      appointment("2026-04-30T21:59:00Z", "cancelled"), // 30 April 23:59: this month, cancelled
      appointment("2026-04-30T22:00:00Z", "booked"), // 1 May 00:00: next month
      appointment("2026-04-01T08:00:00Z", "booked", false), // another doctor's
    ]);
    const stats = await dashboardStatistics({ doctor: { id: doctorId } as never }, now);
    expect(stats.appointments).toEqual({
      today: 3,
      next7Days: 4,
      thisMonth: 5,
      // « dont en ligne »: the 11:00 one; the cancelled online one counts nowhere.
      thisMonthOnline: 1,
      // 2 cancelled out of the 7 appointments of April.
      cancellationRate: 2 / 7,
      // 1 no-show out of the 2 due so far (00:15 and 08:00).
      noShowRate: 1 / 2,
    });
  });

  it("counts the 7 days ahead into next month", async () => {
    // now: Monday 28 December 2026, 10:00 in Luxembourg (UTC+1).
    const now = at("2026-12-28T09:00:00Z");
    await db.insert(appointments).values([
      appointment("2027-01-02T08:00:00Z", "booked"), // 2 January: within 7 days, not this month
      appointment("2027-01-03T22:59:00Z", "booked"), // 3 January 23:59: the 7th day
      appointment("2027-01-03T23:00:00Z", "booked"), // 4 January 00:00: the 8th day
    ]);
    const stats = await dashboardStatistics({ doctor: { id: doctorId } as never }, now);
    expect(stats.appointments).toMatchObject({ today: 0, next7Days: 2, thisMonth: 0, cancellationRate: null, noShowRate: null });
  });

  it("draws 12 Monday-to-Sunday weeks in Luxembourg time across the change to summer time", async () => {
    // now: Wednesday 1 April 2026; this week began Monday 30 March (clocks went forward on the 29th).
    const now = at("2026-04-01T10:00:00Z");
    await db.insert(appointments).values([
      appointment("2026-01-11T22:59:00Z", "done"), // Sunday 11 January 23:59 CET: before the 12 weeks
      appointment("2026-01-11T23:00:00Z", "done"), // Monday 12 January 00:00 CET: first week
      appointment("2026-03-29T21:59:00Z", "done"), // Sunday 29 March 23:59 CEST: week of 23 March
      appointment("2026-03-29T22:00:00Z", "done"), // Monday 30 March 00:00 CEST: this week
      appointment("2026-03-30T08:00:00Z", "cancelled"), // this week, cancelled: not drawn
      appointment("2026-04-03T08:00:00Z", "booked"), // Friday, still to come: this week
      appointment("2026-04-05T22:00:00Z", "booked"), // Monday 6 April: next week, not drawn
      appointment("2026-03-30T08:00:00Z", "done", false), // another doctor's
    ]);
    const { weeks } = await dashboardStatistics({ doctor: { id: doctorId } as never }, now);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ weekStart: "2026-01-12", count: 1 });
    expect(weeks[10]).toEqual({ weekStart: "2026-03-23", count: 1 });
    expect(weeks[11]).toEqual({ weekStart: "2026-03-30", count: 2 });
    expect(weeks.slice(1, 10).every((w) => w.count === 0)).toBe(true);
    expect(weeks.map((w) => w.weekStart)).toContain("2026-03-02");
  });
});

describe("reviews", () => {
  it("counts published reviews only: number, average and the last 30 days", async () => {
    const now = at("2026-04-01T10:00:00Z");
    await db.insert(reviews).values([
      { doctorId, rating: 5, createdAt: at("2025-06-01T10:00:00Z") },
      { doctorId, rating: 4, createdAt: at("2026-03-02T10:00:01Z") }, // 30 days minus a second ago
      { doctorId, rating: 4, createdAt: at("2026-03-02T10:00:00Z") }, // exactly 30 days ago: older
      { doctorId, rating: 1, status: "hidden", hiddenReason: "Propos injurieux", createdAt: at("2026-03-30T10:00:00Z") }, // hidden
      { doctorId: otherDoctorId, rating: 1, createdAt: at("2026-03-30T10:00:00Z") }, // another doctor's
    ]);
    const stats = await dashboardStatistics({ doctor: { id: doctorId } as never }, now);
    expect(stats.reviews.count).toBe(3);
    expect(stats.reviews.averageRating).toBeCloseTo(13 / 3, 10);
    expect(stats.reviews.last30Days).toBe(1);
  });
});

describe("a new doctor", () => {
  it("has zeros, no rates, no average and 12 empty weeks", async () => {
    const [fresh] = await db
      .insert(users)
      .values({ email: "new@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Ben", lastName: "Nei" })
      .returning();
    const stats = await dashboardStatistics({ doctor: { id: fresh!.id } as never }, at("2026-04-01T10:00:00Z"));
    expect(stats.patients).toEqual({ total: 0, newThisMonth: 0 });
    expect(stats.appointments).toEqual({ today: 0, next7Days: 0, thisMonth: 0, thisMonthOnline: 0, cancellationRate: null, noShowRate: null });
    expect(stats.reviews).toEqual({ count: 0, averageRating: null, last30Days: 0 });
    expect(stats.weeks).toHaveLength(12);
    expect(stats.weeks.every((w) => w.count === 0)).toBe(true);
  });
});
