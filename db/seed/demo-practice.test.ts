import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { isValidMatricule } from "@/lib/patients/matricule";
import { freshDatabase } from "@/tests/support/test-db";
import { appointments, connectionLog, patients, reviews, secretaryDoctors, users } from "../schema";
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
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.doctorId, doctorId)))[0]!.n;
  const [history] = await db.select({ n: sql<number>`count(*)::int` }).from(connectionLog).where(eq(connectionLog.accountId, doctorId));
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

  it("spread appointments over about a year around today, working hours in Luxembourg", async () => {
    const [span] = await db.execute(sql`
      SELECT min(starts_at) < now() - interval '280 days' AS long_past,
             max(starts_at) > now() + interval '45 days' AS ahead,
             bool_and(extract(isodow FROM starts_at AT TIME ZONE 'Europe/Luxembourg') < 6) AS weekdays,
             bool_and((starts_at AT TIME ZONE 'Europe/Luxembourg')::time BETWEEN '08:00' AND '17:59') AS office_hours,
             bool_and(status IN ('done', 'no_show', 'cancelled') OR starts_at > now() - interval '1 day') AS past_is_settled
      FROM appointments
    `).then((r) => (r as unknown as { rows: Record<string, boolean>[] }).rows);
    expect(span).toEqual({ long_past: true, ahead: true, weekdays: true, office_hours: true, past_is_settled: true });
  });

  it("give every patient a valid matricule and appointments only with the doctor's own patients", async () => {
    const all = await db.select({ matricule: patients.matricule }).from(patients);
    expect(all.every((p) => p.matricule !== null && isValidMatricule(p.matricule))).toBe(true);
    const [crossed] = await db.execute(sql`
      SELECT count(*)::int AS n FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.doctor_id <> a.doctor_id
    `).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(crossed!.n).toBe(0);
  });

  it("run again without adding anything", async () => {
    const schmit = await idOf("dr.schmit@demo.doctipro.lu");
    const before = await countsOf(schmit);
    expect(await seedDemoPractices(db)).toEqual({ seeded: [] });
    expect(await countsOf(schmit)).toEqual(before);
  });
});
