import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { isValidMatricule } from "@/lib/patients/matricule";
import { freshDatabase } from "@/tests/support/test-db";
import { appointments, connectionLog, openingHours, patients, reviews, secretaryDoctors, users, visitReasons } from "@/db/schema";
import { DEMO_PRACTICES, seedDemoPractices } from "./demo-practice";
import { seedDemo } from "./seed-demo";

// The demo accounts include authenticator secrets, stored encrypted.
process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";

let db: Awaited<ReturnType<typeof freshDatabase>>;

async function idOf(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

async function countsOf(doctorId: string) {
  const count = async (table: typeof patients | typeof appointments | typeof reviews) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(table)
        .where(eq(table.doctorId, doctorId))
    )[0]!.n;
  const [history] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(connectionLog)
    .where(eq(connectionLog.accountId, doctorId));
  return { patients: await count(patients), appointments: await count(appointments), reviews: await count(reviews), history: history!.n };
}

beforeAll(async () => {
  db = await freshDatabase();
  await seedDemo(db);
  await seedDemoPractices(db);
}, 120_000);

describe("demo practices", () => {
  it("give every demo doctor a practice", async () => {
    expect(DEMO_PRACTICES.map((p) => p.doctorEmail).sort()).toEqual([
      "dr.hoffmann@demo.doctipro.lu",
      "dr.schmit@demo.doctipro.lu",
      "dr.weber@demo.doctipro.lu",
    ]);
    for (const practice of DEMO_PRACTICES) {
      const counts = await countsOf(await idOf(practice.doctorEmail));
      expect(counts.patients).toBe(practice.patients);
      expect(counts.reviews).toBe(practice.reviews);
      expect(counts.appointments).toBeGreaterThan(1500);
      expect(counts.history).toBeGreaterThan(60);
    }
  });

  it("link every review to a finished visit of that doctor and patient, written after it", async () => {
    const [unlinked] = (
      (await db.execute(sql`
        SELECT count(*)::int AS n FROM reviews r
        LEFT JOIN appointments a ON a.id = r.appointment_id
        WHERE a.id IS NULL OR a.status <> 'done' OR a.doctor_id <> r.doctor_id OR a.patient_id <> r.patient_id
          OR r.created_at < a.ends_at`)) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(unlinked!.n).toBe(0);
  });

  it("show sign-ins through the secretary only for the doctors she works for", async () => {
    const viaSecretary = async (email: string) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(connectionLog)
          .where(sql`${connectionLog.accountId} = ${await idOf(email)} AND ${connectionLog.mode} = 'secretary'`)
      )[0]!.n;
    expect(await viaSecretary("dr.schmit@demo.doctipro.lu")).toBeGreaterThan(20);
    expect(await viaSecretary("dr.hoffmann@demo.doctipro.lu")).toBe(0);
    // She was attached before the first of those sign-ins, as the profile's « rattachée le » says.
    const [span] = await db
      .select({ attached: sql<Date>`min(${secretaryDoctors.createdAt})`, first: sql<Date>`min(${connectionLog.at})` })
      .from(secretaryDoctors)
      .innerJoin(connectionLog, sql`${connectionLog.accountId} = ${secretaryDoctors.doctorId} AND ${connectionLog.mode} = 'secretary'`);
    expect(new Date(span!.attached).getTime()).toBeLessThan(new Date(span!.first).getTime());
  });

  it("spread appointments over about a year around today, on each practice's opening hours, with its motifs' durations", async () => {
    const [span] = await db
      .execute(
        sql`
      SELECT min(starts_at) < now() - interval '280 days' AS long_past,
             max(starts_at) > now() + interval '45 days' AS ahead,
             bool_and(status IN ('done', 'no_show', 'cancelled') OR starts_at > now() - interval '1 day') AS past_is_settled,
             bool_and(EXISTS (
               SELECT 1 FROM opening_hours h
               WHERE h.doctor_id = a.doctor_id
                 AND h.weekday = extract(isodow FROM a.starts_at AT TIME ZONE 'Europe/Luxembourg')
                 AND extract(hour FROM a.starts_at AT TIME ZONE 'Europe/Luxembourg') * 60 + extract(minute FROM a.starts_at AT TIME ZONE 'Europe/Luxembourg') >= h.start_minute
                 AND extract(hour FROM a.ends_at AT TIME ZONE 'Europe/Luxembourg') * 60 + extract(minute FROM a.ends_at AT TIME ZONE 'Europe/Luxembourg') <= h.end_minute
             )) AS within_hours,
             bool_and(a.overbooked OR a.ends_at - a.starts_at = v.duration_minutes * interval '1 minute') AS motif_durations,
             bool_and(NOT EXISTS (SELECT 1 FROM absences x WHERE x.doctor_id = a.doctor_id AND x.starts_at < a.ends_at AND x.ends_at > a.starts_at)) AS not_during_absences,
             count(*) FILTER (WHERE a.overbooked) > 0 AS some_overbooked
      FROM appointments a JOIN visit_reasons v ON v.id = a.visit_reason_id
    `,
      )
      .then((r) => (r as unknown as { rows: Record<string, boolean>[] }).rows);
    expect(span).toEqual({
      long_past: true,
      ahead: true,
      past_is_settled: true,
      within_hours: true,
      motif_durations: true,
      not_during_absences: true,
      some_overbooked: true,
    });
    // The database would have refused it, but the seed must not depend on that: no ordinary overlap.
    const [overlaps] = await db
      .execute(
        sql`
      SELECT count(*)::int AS n FROM appointments a JOIN appointments b
        ON a.doctor_id = b.doctor_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
      WHERE a.status <> 'cancelled' AND b.status <> 'cancelled' AND NOT a.overbooked AND NOT b.overbooked
    `,
      )
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(overlaps!.n).toBe(0);
  });

  it("give each demo doctor believable motifs and opening hours", async () => {
    const schmit = await idOf("dr.schmit@demo.doctipro.lu");
    const motifs = await db
      .select({ label: visitReasons.label, minutes: visitReasons.durationMinutes })
      .from(visitReasons)
      .where(eq(visitReasons.doctorId, schmit))
      .orderBy(visitReasons.position);
    expect(motifs).toEqual([
      { label: "Consultation", minutes: 15 },
      { label: "Première consultation", minutes: 30 },
      { label: "Vaccination", minutes: 10 },
      { label: "Certificat médical", minutes: 10 },
      { label: "Suivi chronique", minutes: 20 },
    ]);
    const saturday = await db
      .select()
      .from(openingHours)
      .where(sql`${openingHours.doctorId} = ${schmit} AND ${openingHours.weekday} = 6`);
    expect(saturday.map((h) => [h.startMinute, h.endMinute])).toEqual([[540, 720]]);
  });

  it("give every patient a valid matricule and appointments only with the doctor's own patients", async () => {
    const all = await db.select({ matricule: patients.matricule }).from(patients);
    expect(all.every((p) => p.matricule !== null && isValidMatricule(p.matricule))).toBe(true);
    const [crossed] = await db
      .execute(
        sql`
      SELECT count(*)::int AS n FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.doctor_id <> a.doctor_id
    `,
      )
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(crossed!.n).toBe(0);
  });

  it("run again without adding anything", async () => {
    const schmit = await idOf("dr.schmit@demo.doctipro.lu");
    const before = await countsOf(schmit);
    expect(await seedDemoPractices(db)).toEqual({ seeded: [] });
    expect(await countsOf(schmit)).toEqual(before);
  });
});
