import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { doctorProfiles, onlineBookingSettings, reviews } from "@/db/schema";
import type { Database } from "@/db/client";
import { announceAgendaChange } from "@/lib/agenda/revisions";
import { testPractice, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { findPublicDoctor } from "./public-doctor";
import { listPublicReviews } from "./public-page";

// The public page's per-instance caches (the weeks' is in public-page's loadPublicWeek): what a
// change shows at once (anything that bumps the agenda's revision) and what within 15 s (the
// profile's facts, the reviews).

let db: Database;
let practice: TestPractice;
const T = 1_900_000_000_000;

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Cachet");
  await db.insert(onlineBookingSettings).values({ doctorId: practice.doctor.id, slug: "dr-jos-cachet", enabled: true });
  await db.insert(doctorProfiles).values({ doctorId: practice.doctor.id, phone: "+35226000001" });
});

describe("the public doctor's facts", () => {
  it("are kept 15 s for a profile change, and follow a settings change (a new revision) at once", async () => {
    expect(await findPublicDoctor("dr-jos-cachet", { db, now: T })).toMatchObject({ phone: "+35226000001", enabled: true });
    await db.update(doctorProfiles).set({ phone: "+35226000002" }).where(eq(doctorProfiles.doctorId, practice.doctor.id));
    expect(await findPublicDoctor("dr-jos-cachet", { db, now: T + 14_000 })).toMatchObject({ phone: "+35226000001" });
    expect(await findPublicDoctor("dr-jos-cachet", { db, now: T + 15_000 })).toMatchObject({ phone: "+35226000002" });

    await db.transaction(async (tx) => {
      await tx.update(onlineBookingSettings).set({ enabled: false }).where(eq(onlineBookingSettings.doctorId, practice.doctor.id));
      await announceAgendaChange(tx, practice.doctor.id);
    });
    expect(await findPublicDoctor("dr-jos-cachet", { db, now: T + 15_001 })).toMatchObject({ enabled: false });
    expect(await findPublicDoctor("dr-nobody", { db, now: T })).toBeNull();
  });
});

describe("the public reviews", () => {
  it("are read once per 15 s for every visitor", async () => {
    await db.insert(reviews).values({ doctorId: practice.doctor.id, rating: 5, comment: "Très bien" });
    expect(await listPublicReviews(practice.doctor.id, { db, now: T })).toMatchObject({ count: 1, average: 5 });
    await db.insert(reviews).values({ doctorId: practice.doctor.id, rating: 3 });
    expect(await listPublicReviews(practice.doctor.id, { db, now: T + 14_999 })).toMatchObject({ count: 1 });
    expect(await listPublicReviews(practice.doctor.id, { db, now: T + 15_000 })).toMatchObject({ count: 2, average: 4 });
  });
});
