import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, onlineBookingSettings, patients, users, visitReasons } from "@/db/schema";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { ON_POSTGRES, throwawayPostgres } from "@/tests/support/postgres";
import { bookOnline } from "./book";

// On PostgreSQL, through two pools as two app instances would hold: 40 new patients booking the
// same time at once. One gets it; every other one is told « taken » with the next free times, and
// rolls back whole: no orphan file is left behind by a loser.

process.env.AUTH_SECRET ??= "unit-test-auth-secret";

describe.runIf(ON_POSTGRES)("online booking races on PostgreSQL", () => {
  let pg: NonNullable<Awaited<ReturnType<typeof throwawayPostgres>>>;
  let practice: TestPractice;
  const NOW = utc("2027-06-07T04:00:00Z");

  beforeAll(async () => {
    pg = (await throwawayPostgres(2))!;
    const db = pg.dbs[0]!;
    practice = await testPractice(db, "Race");
    await db
      .insert(onlineBookingSettings)
      .values({ doctorId: practice.doctor.id, slug: "dr-race", enabled: true, minNoticeMinutes: 120, horizonWeeks: 2 });
    await db.update(visitReasons).set({ bookableOnline: true }).where(eq(visitReasons.doctorId, practice.doctor.id));
  });
  afterAll(async () => {
    await pg?.drop();
  });

  it("of 40 simultaneous bookings of one time across two instances, exactly one is stored; the others are told, with next times", async () => {
    const accounts = await pg.dbs[0]!.insert(users)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          email: `racer${i}@example.lu`,
          role: "patient" as const,
          firstName: "Racer",
          lastName: `Num${"abcdefghijklmnopqrstuvwxyzabcdefghijklmn"[i]}`,
        })),
      )
      .returning();
    const startsAt = utc("2027-06-07T07:00:00Z");
    const results = await Promise.all(
      accounts.map((account, i) =>
        bookOnline(
          account,
          {
            doctorId: practice.doctor.id,
            visitReasonId: practice.motifs.consultation,
            startsAt,
            person: {
              kind: "self",
              file: {
                firstName: account.firstName,
                lastName: account.lastName,
                birthDate: "1990-01-01",
                matricule: null,
                noMatriculeReason: "other",
                otherIdentifier: null,
                email: null,
                phone: null,
                address: null,
              },
            },
          },
          { db: pg.dbs[i % 2]!, now: NOW, ip: `203.0.${i}.1` },
        ),
      ),
    );
    expect(results.filter((r) => r.kind === "done")).toHaveLength(1);
    const losers = results.filter((r) => r.kind === "taken");
    expect(losers).toHaveLength(39);
    for (const loser of losers) expect(loser.kind === "taken" && loser.nextTimes.length).toBeGreaterThan(0);
    const stored = await pg.dbs[0]!.select().from(appointments).where(eq(appointments.doctorId, practice.doctor.id));
    expect(stored).toHaveLength(1);
    const online = await pg.dbs[0]!.select().from(patients).where(eq(patients.createdOnline, true));
    expect(online).toHaveLength(1);
  });
});
