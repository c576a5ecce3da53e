import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { agendaRevisions, appointments, jobs, onlineBookingSettings, patients, rateLimits, users, visitReasons } from "@/db/schema";
import type { Database } from "@/db/client";
import type { PatientInput } from "@/lib/patients/file-rules";
import { matriculeFor } from "@/lib/patients/matricule";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { BOOKING_LIMITS, bookOnline, MAX_FUTURE_ONLINE_PER_PERSON, type BookOnlineInput } from "./book";
import { bookingRefusal, TAKEN } from "./flow-messages";
import { resolveOnlineFile, filesToCheck, countFilesToCheck } from "@/lib/patients/online-duplicates";

// bookOnline on the embedded database: one transaction that writes the file, the appointment and
// its messages, or nothing at all, for every bad input of issue 18 that concerns booking.

process.env.AUTH_SECRET ??= "unit-test-auth-secret";

let db: Database;
let practice: TestPractice;
let account: { id: string };
// Monday 7 June 2027, 06:00 in Luxembourg; the practice opens at 08:00, notice 2 h, horizon 2 weeks.
const NOW = utc("2027-06-07T04:00:00Z");
const NINE = utc("2027-06-07T07:00:00Z"); // Monday 09:00
const file = (over: Partial<PatientInput> = {}): PatientInput => ({
  firstName: "Anna",
  lastName: "Weber",
  birthDate: "1990-04-12",
  matricule: null,
  noMatriculeReason: "insured_abroad",
  otherIdentifier: null,
  email: null,
  phone: null,
  address: null,
  ...over,
});
const at = (startsAt: Date, person: BookOnlineInput["person"] = { kind: "self", file: file() }): BookOnlineInput => ({
  doctorId: practice.doctor.id,
  visitReasonId: practice.motifs.consultation,
  startsAt,
  person,
});
const book = (input: BookOnlineInput, who = account) => bookOnline(who, input, { db, now: NOW, ip: "198.51.100.7" });

async function written() {
  const files = await db.select().from(patients).where(eq(patients.createdOnline, true));
  const booked = await db.select().from(appointments).where(eq(appointments.bookedVia, "online"));
  return { files: files.length, appointments: booked.length };
}

beforeEach(async () => {
  db = await freshDatabase();
  await db.delete(rateLimits);
  practice = await testPractice(db, "Reuter");
  await db
    .insert(onlineBookingSettings)
    .values({ doctorId: practice.doctor.id, slug: `dr-reuter-${Date.now()}`, enabled: true, minNoticeMinutes: 120, horizonWeeks: 2 });
  await db.update(visitReasons).set({ bookableOnline: true }).where(eq(visitReasons.doctorId, practice.doctor.id));
  const [user] = await db
    .insert(users)
    .values({ email: `anna${Date.now()}@example.lu`, role: "patient", firstName: "Anna", lastName: "Weber" })
    .returning();
  account = user!;
});

describe("booking online", () => {
  it("a first booking creates the « self » file online, the online appointment, its confirmation job, and moves the agenda", async () => {
    const result = await book(at(NINE));
    expect(result).toMatchObject({ kind: "done", newFile: true });
    if (result.kind !== "done") throw new Error(result.kind);
    const [stored] = await db.select().from(appointments).where(eq(appointments.id, result.appointmentId));
    expect(stored).toMatchObject({
      bookedVia: "online",
      bookedByUserId: account.id,
      status: "booked",
      startsAt: NINE,
      endsAt: utc("2027-06-07T07:15:00Z"),
    });
    const [own] = await db.select().from(patients).where(eq(patients.id, result.patientId));
    expect(own).toMatchObject({ createdOnline: true, accountUserId: account.id, accountRelation: "self", possibleDuplicateOfId: null });
    const queued = await db.select().from(jobs).where(eq(jobs.appointmentId, result.appointmentId));
    expect(queued.map((j) => j.kind)).toContain("appointment_confirmation");
    const [revision] = await db.select().from(agendaRevisions).where(eq(agendaRevisions.doctorId, practice.doctor.id));
    expect(revision).toBeDefined();
  });

  it("the next booking reuses the file; a third future appointment for that person is refused, nothing written", async () => {
    expect((await book(at(NINE))).kind).toBe("done");
    expect((await book(at(utc("2027-06-08T07:00:00Z"), { kind: "self" }))).kind).toBe("done");
    const before = await written();
    expect(before).toEqual({ files: 1, appointments: MAX_FUTURE_ONLINE_PER_PERSON });
    expect(await book(at(utc("2027-06-09T07:00:00Z"), { kind: "self" }))).toEqual({ kind: "too-many-appointments" });
    expect(await written()).toEqual(before);
    // A child of the same account has limits of their own.
    expect(
      (await book(at(utc("2027-06-09T07:00:00Z"), { kind: "new-relative", file: file({ firstName: "Léa", birthDate: "2019-02-03" }) }))).kind,
    ).toBe("done");
  });

  it("a relative booked for again keeps one file; another account's or the practice's file is « not found »", async () => {
    const child = file({ firstName: "Léa", birthDate: "2019-02-03", noMatriculeReason: "newborn" });
    const first = await book(at(NINE, { kind: "new-relative", file: child }));
    const second = await book(at(utc("2027-06-08T07:00:00Z"), { kind: "new-relative", file: child }));
    expect(first.kind === "done" && second.kind === "done" && first.patientId === second.patientId).toBe(true);
    if (first.kind !== "done") throw new Error(first.kind);
    expect((await book(at(utc("2027-06-09T07:00:00Z"), { kind: "relative", patientId: first.patientId }))).kind).toBe("too-many-appointments");
    const before = await written();
    expect(await book(at(utc("2027-06-09T08:00:00Z"), { kind: "relative", patientId: practice.patientIds[0] }))).toEqual({
      kind: "person-not-found",
    });
    expect(await book(at(utc("2027-06-09T08:00:00Z"), { kind: "relative", patientId: "not-a-uuid" }))).toEqual({ kind: "person-not-found" });
    const [stranger] = await db
      .insert(users)
      .values({ email: `autre${Date.now()}@example.lu`, role: "patient", firstName: "Paul", lastName: "Klein" })
      .returning();
    expect(await book(at(utc("2027-06-09T08:00:00Z"), { kind: "relative", patientId: first.patientId }), stranger!)).toEqual({
      kind: "person-not-found",
    });
    expect(await written()).toEqual(before);
  });

  it("refuses every bad time or motif with its own kind, writes nothing, and offers the next times to the loser of a taken one", async () => {
    const doctorId = practice.doctor.id;
    await db
      .insert(appointments)
      .values({ doctorId, patientId: practice.patientIds[0], startsAt: NINE, endsAt: utc("2027-06-07T07:15:00Z"), bookedVia: "practice" });
    const cases: [BookOnlineInput, string][] = [
      [at(NINE), "taken"],
      [at(utc("2027-06-07T08:05:00Z")), "not_offered"], // 10:05: not on the 15-minute grid
      [at(utc("2027-06-07T11:00:00Z")), "not_offered"], // 13:00: closed at lunch
      [at(utc("2027-06-07T03:00:00Z")), "past"],
      [at(utc("2027-06-07T05:00:00Z")), "too_soon"], // 07:00, less than 2 h ahead (and closed)
      [at(utc("2027-07-05T07:00:00Z")), "beyond_horizon"],
      [{ ...at(utc("2027-06-07T08:00:00Z")), visitReasonId: "00000000-0000-4000-8000-000000000000" }, "motif_not_online"],
      [{ ...at(utc("2027-06-07T08:00:00Z")), visitReasonId: "forged" }, "motif_not_online"],
      [{ ...at(utc("2027-06-07T08:00:00Z")), startsAt: new Date(Number.NaN) }, "not_offered"],
    ];
    for (const [input, kind] of cases) expect((await book(input)).kind, kind).toBe(kind);
    const taken = await book(at(NINE));
    expect(taken.kind).toBe("taken");
    if (taken.kind !== "taken") throw new Error(taken.kind);
    expect(taken.nextTimes.length).toBeGreaterThan(0);
    expect(taken.nextTimes[0]!.getTime()).toBeGreaterThan(NINE.getTime());
    const shown = bookingRefusal(taken, (d) => `/rdv/x/reserver?debut=${d.toISOString()}`);
    expect(shown.formError).toContain(TAKEN);
    expect(shown.links?.[0]?.href).toContain(taken.nextTimes[0]!.toISOString());
    expect(await written()).toEqual({ files: 0, appointments: 0 });
    await db.delete(rateLimits); // the per-account limit is not what this test is about

    await db.update(visitReasons).set({ bookableOnline: false }).where(eq(visitReasons.id, practice.motifs.consultation));
    expect((await book(at(utc("2027-06-07T08:00:00Z")))).kind).toBe("motif_not_online");
    await db.update(visitReasons).set({ bookableOnline: true, openToNewPatients: false }).where(eq(visitReasons.id, practice.motifs.consultation));
    expect((await book(at(utc("2027-06-07T08:00:00Z")))).kind).toBe("new_patients_not_accepted");
    await db.update(onlineBookingSettings).set({ enabled: false }).where(eq(onlineBookingSettings.doctorId, doctorId));
    expect((await book(at(utc("2027-06-07T08:00:00Z")))).kind).toBe("booking_off");
    expect(await written()).toEqual({ files: 0, appointments: 0 });
    for (const kind of cases.map(([, k]) => k)) expect(bookingRefusal({ kind, nextTimes: [] } as never, () => "").formError).toBeTruthy();
  });

  it("asks for the file the first time, and refuses an invalid one", async () => {
    expect(await book(at(NINE, { kind: "self" }))).toEqual({ kind: "file-needed" });
    expect(await book(at(NINE, { kind: "self", file: file({ birthDate: "2999-01-01" }) }))).toEqual({ kind: "invalid-file", problem: "birth-date" });
    expect(await written()).toEqual({ files: 0, appointments: 0 });
  });

  it("is limited per account", async () => {
    for (let i = 0; i < BOOKING_LIMITS.perAccount; i++) await book(at(utc("2027-06-07T03:00:00Z")));
    expect(await book(at(NINE))).toEqual({ kind: "rate-limited" });
  });
});

describe("« À vérifier »", () => {
  it("flags a file that may be the practice's (same names and birth date), and « la même personne » moves the booking there", async () => {
    // Nora Wagner, born 2 May 1980, is already a patient of the practice.
    const result = await book(at(NINE, { kind: "self", file: file({ firstName: "nora", lastName: "WAGNER", birthDate: "1980-05-02" }) }));
    if (result.kind !== "done") throw new Error(result.kind);
    const [online] = await db.select().from(patients).where(eq(patients.id, result.patientId));
    expect(online!.possibleDuplicateOfId).toBe(practice.patientIds[0]);
    expect(await countFilesToCheck(practice.doctor)).toBe(1);
    expect((await filesToCheck(practice.doctor))[0]!.existing.id).toBe(practice.patientIds[0]);

    // Another practice cannot decide on it.
    const other = await testPractice(db, "Thill");
    expect(await resolveOnlineFile(other.viaSecretary, result.patientId, "same", db)).toEqual({ kind: "not-found" });

    expect(await resolveOnlineFile(practice.viaSecretary, result.patientId, "same", db)).toEqual({
      kind: "linked",
      patientId: practice.patientIds[0],
    });
    const [moved] = await db.select().from(appointments).where(eq(appointments.id, result.appointmentId));
    expect(moved!.patientId).toBe(practice.patientIds[0]);
    const [existing] = await db.select().from(patients).where(eq(patients.id, practice.patientIds[0]));
    expect(existing).toMatchObject({ accountUserId: account.id, accountRelation: "self" });
    const [archived] = await db.select().from(patients).where(eq(patients.id, result.patientId));
    expect(archived).toMatchObject({ duplicateResolution: "linked", accountUserId: null });
    expect(archived!.archivedAt).not.toBeNull();
    expect(await countFilesToCheck(practice.doctor)).toBe(0);
    // Decided once: a second decision finds nothing to decide.
    expect(await resolveOnlineFile(practice.direct, result.patientId, "distinct", db)).toEqual({ kind: "not-found" });
    // The next booking of this account goes to the existing file.
    const next = await book(at(utc("2027-06-08T07:00:00Z"), { kind: "self" }));
    expect(next.kind === "done" && next.patientId).toBe(practice.patientIds[0]);
  });

  it("a matricule already on a file: kept as the other identifier, flagged; « personnes différentes » keeps both", async () => {
    const [nora] = await db.select().from(patients).where(eq(patients.id, practice.patientIds[0]));
    const result = await book(
      at(NINE, { kind: "new-relative", file: file({ birthDate: "1980-05-02", matricule: nora!.matricule, noMatriculeReason: null }) }),
    );
    if (result.kind !== "done") throw new Error(result.kind);
    const [online] = await db.select().from(patients).where(eq(patients.id, result.patientId));
    expect(online).toMatchObject({
      matricule: null,
      noMatriculeReason: "other",
      otherIdentifier: `Matricule ${nora!.matricule}`,
      possibleDuplicateOfId: nora!.id,
    });
    expect(await resolveOnlineFile(practice.direct, result.patientId, "distinct", db)).toEqual({ kind: "distinct" });
    const both = await db
      .select()
      .from(patients)
      .where(and(eq(patients.doctorId, practice.doctor.id)));
    expect(both.filter((p) => p.archivedAt === null)).toHaveLength(3);
    expect(matriculeFor("1980-05-02", 1)).toMatch(/^\d{13}$/);
  });
});
