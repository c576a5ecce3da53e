import { eq } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "@/db/schema";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { throwawayPostgres } from "@/tests/support/postgres";
import { cancelAppointment, createAppointment } from "./appointments";
import { EVENTS_CHANNEL } from "./revisions";

// On PostgreSQL, through two pools as two app instances would hold: the race for one time, and the
// signal other instances listen for.

describe.runIf(!!process.env.TEST_DATABASE_URL)("appointments on PostgreSQL", () => {
  let pg: NonNullable<Awaited<ReturnType<typeof throwawayPostgres>>>;
  let practice: TestPractice;

  beforeAll(async () => {
    pg = (await throwawayPostgres(2))!;
    practice = await testPractice(pg.dbs[0]!);
  });
  afterAll(async () => {
    await pg?.drop();
  });

  it("of 30 simultaneous bookings of one time across two instances, exactly one is stored; the others are told it is taken", async () => {
    const startsAt = utc("2027-06-01T07:00:00Z");
    const endsAt = utc("2027-06-01T07:15:00Z");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        createAppointment(
          practice.viaSecretary,
          { patientId: practice.patientIds[i % 2]!, visitReasonId: null, startsAt, endsAt },
          { db: pg.dbs[i % 2]! },
        ),
      ),
    );
    expect(results.filter((r) => r.kind === "done")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "taken")).toHaveLength(29);
    const stored = await pg.dbs[0]!.select().from(appointments).where(eq(appointments.doctorId, practice.doctor.id));
    expect(stored).toHaveLength(1);
  });

  it("signals every committed change of the agenda, and nothing for a refused one", async () => {
    const listener = new Client({ connectionString: pg.url });
    await listener.connect();
    const received: string[] = [];
    listener.on("notification", (n) => received.push(n.payload ?? ""));
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    const booked = await createAppointment(
      practice.direct,
      { patientId: practice.patientIds[0], visitReasonId: null, startsAt: utc("2027-06-01T08:00:00Z"), endsAt: utc("2027-06-01T08:15:00Z") },
      { db: pg.dbs[1]! },
    );
    expect(booked.kind).toBe("done");
    const refused = await createAppointment(
      practice.direct,
      { patientId: practice.patientIds[0], visitReasonId: null, startsAt: utc("2027-06-01T08:00:00Z"), endsAt: utc("2027-06-01T08:15:00Z") },
      { db: pg.dbs[1]! },
    );
    expect(refused).toEqual({ kind: "taken" });
    await cancelAppointment(practice.direct, (booked as { appointmentId: string }).appointmentId, "practice", { db: pg.dbs[0]! });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await listener.end();
    expect(received).toEqual([`agenda:${practice.doctor.id}`, `agenda:${practice.doctor.id}`]);
  });
});
