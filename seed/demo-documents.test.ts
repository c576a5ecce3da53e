import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/tests/support/test-db";
import { documents, users } from "@/db/schema";
import { seedDemoDocuments } from "./demo-documents";
import { seedDemoPractices } from "./demo-practice";
import { seedDemo } from "./seed-demo";

process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";

let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  db = await freshDatabase();
  await seedDemo(db);
  await seedDemoPractices(db);
}, 120_000);

describe("demo documents", () => {
  it("gives each demo doctor four numbered documents, once", async () => {
    expect(await seedDemoDocuments(db)).toBe(12);
    expect(await seedDemoDocuments(db)).toBe(0);
    const [schmit] = await db.select().from(users).where(eq(users.email, "dr.schmit@demo.doctipro.lu"));
    const rows = await db.select().from(documents).where(eq(documents.doctorId, schmit!.id));
    expect(rows.map((r) => r.sequence).sort()).toEqual([1, 2, 3, 4]);
    expect(
      rows
        .filter((r) => r.kind === "fee_note")
        .map((r) => r.totalCents)
        .sort(),
    ).toEqual([5480, 7355]);
    expect(rows.every((r) => r.signatureKey === null && r.withStamp)).toBe(true);
  });
});
