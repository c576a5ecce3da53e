import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { onlineBookingSettings, users, visitReasons } from "@/db/schema";
import { nextFreeTimes } from "@/lib/booking/availability";
import { findDoctorBySlug } from "@/lib/booking/public-doctor";
import { searchBookableDoctors } from "@/lib/booking/public-page";
import { instantToWallClock } from "@/lib/time/luxembourg";
import { freshDatabase } from "@/tests/support/test-db";
import { seedDemoPractices } from "./demo-practice";
import { seedDemoOnlineBooking } from "./online-booking";
import { seedDemo } from "./seed-demo";

process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";

let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  db = await freshDatabase();
  await seedDemo(db);
  await seedDemoPractices(db);
}, 180_000);

describe("demo online booking", () => {
  it("opens online booking for every demo doctor once, with readable slugs and some motifs online", async () => {
    expect((await seedDemoOnlineBooking(db)).seeded).toHaveLength(3);
    expect((await seedDemoOnlineBooking(db)).seeded).toEqual([]);
    const schmit = await findDoctorBySlug("dr-paul-schmit", { db });
    expect(schmit).toMatchObject({ name: "Dr Paul Schmit", enabled: true, showReviews: true, locality: "Luxembourg" });
    const motifs = await db.select().from(visitReasons).where(eq(visitReasons.doctorId, schmit!.id));
    expect(motifs.filter((m) => m.bookableOnline).map((m) => m.label)).toContain("Consultation");
    expect(motifs.filter((m) => !m.bookableOnline).map((m) => m.label)).toEqual(["Certificat médical"]);
    expect(motifs.find((m) => m.label === "Suivi chronique")).toMatchObject({ bookableOnline: true, openToNewPatients: false });
    expect((await searchBookableDoctors("pediatrie", { db })).map((d) => d.slug)).toEqual(["dr-anne-weber"]);
    expect((await searchBookableDoctors("ettelbruck", { db })).map((d) => d.slug)).toEqual(["dr-marc-hoffmann"]);
  });

  it("keeps Dr Weber's 16:00–18:00 out of online booking", async () => {
    const [weber] = await db.select({ id: users.id }).from(users).where(eq(users.email, "dr.weber@demo.doctipro.lu"));
    const [settings] = await db.select().from(onlineBookingSettings).where(eq(onlineBookingSettings.doctorId, weber!.id));
    expect(settings!.customWindows).toBe(true);
    const [consultation] = await db.select().from(visitReasons).where(eq(visitReasons.doctorId, weber!.id)).orderBy(visitReasons.position);
    const times = await nextFreeTimes({ doctorId: weber!.id, visitReasonId: consultation!.id, after: new Date(), count: 200 }, { db });
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(instantToWallClock(t).minute).toBeLessThan(16 * 60);
  });
});
