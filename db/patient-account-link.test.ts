import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { patients, users } from "./schema";

describe("a patient file linked to a patient account", () => {
  it("outlives the account: deleting the account keeps the practice's file, unlinked", async () => {
    const db = await freshDatabase();
    const practice = await testPractice(db, "Kieffer");
    const [account] = await db.insert(users).values({ email: "luc@example.lu", role: "patient", firstName: "Luc", lastName: "Reding" }).returning();
    await db.update(patients).set({ accountUserId: account!.id, accountRelation: "self" }).where(eq(patients.id, practice.patientIds[0]));

    await db.delete(users).where(eq(users.id, account!.id));

    const [file] = await db.select().from(patients).where(eq(patients.id, practice.patientIds[0]));
    expect(file).toMatchObject({ accountUserId: null, archivedAt: null });
  });

  it("never holds an account without saying whose file it is", async () => {
    const db = await freshDatabase();
    const practice = await testPractice(db, "Faber");
    const [account] = await db.insert(users).values({ email: "tom@example.lu", role: "patient", firstName: "Tom", lastName: "Klein" }).returning();
    await expect(db.update(patients).set({ accountUserId: account!.id }).where(eq(patients.id, practice.patientIds[0]))).rejects.toThrow();
  });
});
