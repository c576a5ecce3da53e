import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, patients, users } from "@/db/schema";
import { listPatientAppointments } from "@/lib/patient-space/appointments";
import { listSharedDocuments } from "@/lib/patient-space/documents";
import { freshDatabase } from "@/tests/support/test-db";
import { seedDemoDocuments } from "./demo-documents";
import { DEMO_PATIENT_EMAIL, seedDemoPatient } from "./demo-patient";
import { seedDemoPractices } from "./demo-practice";
import { seedDemo } from "./seed-demo";

process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";

let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  db = await freshDatabase();
  await seedDemo(db);
  await seedDemoPractices(db);
  await seedDemoDocuments(db);
}, 240_000);

const countPerDoctor = async () =>
  (await db.execute(sql`SELECT doctor_id, count(*)::int AS n FROM appointments GROUP BY doctor_id ORDER BY doctor_id`)) as unknown as {
    rows: { doctor_id: string; n: number }[];
  };

describe("the demo patient's space", () => {
  it("has files at two doctors and a child's at the paediatrician, appointments to come and past, a shared document and an answered review, once", async () => {
    const before = (await countPerDoctor()).rows;
    expect(await seedDemoPatient(db)).toEqual({ seeded: true });
    expect(await seedDemoPatient(db)).toEqual({ seeded: false });
    // Appointments were handed over, not added: every practice keeps its count.
    expect((await countPerDoctor()).rows).toEqual(before);

    const [account] = await db.select().from(users).where(eq(users.email, DEMO_PATIENT_EMAIL));
    const files = await db
      .select({ relation: patients.accountRelation, email: users.email, firstName: patients.firstName })
      .from(patients)
      .innerJoin(users, eq(users.id, patients.doctorId))
      .where(eq(patients.accountUserId, account!.id));
    expect(files.map((f) => `${f.email}:${f.relation}`).sort()).toEqual([
      "dr.hoffmann@demo.doctipro.lu:self",
      "dr.schmit@demo.doctipro.lu:self",
      "dr.weber@demo.doctipro.lu:relative",
    ]);

    const { upcoming, past } = await listPatientAppointments(account!.id, { db });
    expect(upcoming.length).toBeGreaterThanOrEqual(3);
    expect(upcoming.some((a) => a.bookedOnline && a.waitlist)).toBe(true);
    expect(upcoming.some((a) => a.forWhom.relative && a.forWhom.firstName === "Emma")).toBe(true);
    expect(past.some((a) => a.review?.answer)).toBe(true);
    // A finished visit still to review, so « Laisser un avis » shows on a fresh start.
    expect(past.some((a) => a.status === "done" && a.review === null)).toBe(true);
    const online = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(eq(appointments.bookedByUserId, account!.id));
    expect(online[0]!.n).toBeGreaterThanOrEqual(3);

    const shared = await listSharedDocuments(account!.id, db);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ kind: "prescription", doctorName: "Dr Paul Schmit" });
  });
});
