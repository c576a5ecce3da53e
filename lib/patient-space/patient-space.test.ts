import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, documents, documentShares, patients, reviews, sessions, users, waitlistEntries, type User } from "@/db/schema";
import type { Database } from "@/db/client";
import { actorOf } from "@/lib/audit/support-log";
import { fixtureHash } from "@/tests/support/password-fixture";
import { cancelAsPatient } from "@/lib/booking/patient-cancel";
import { allocateDocumentNumber } from "@/lib/documents/numbering";
import { setDocumentShared } from "@/lib/documents/shares";
import { matriculeFor } from "@/lib/patients/matricule";
import { answerReview, hideReview, listDoctorReviews } from "@/lib/reviews/reviews";
import { testPractice, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { findPatientAppointment, listPatientAppointments } from "./appointments";
import { deletePatientAccount } from "./delete-account";
import { listSharedDocuments, sharedDocumentPdf } from "./documents";
import { reviewMessage } from "./messages";
import { leaveReview, setWaitlist } from "./reviews";
import { reviewSchema } from "./schema";

process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";

// The patient space reaches only what the signed-in account holds: two patient accounts at one
// practice, each with a file and appointments; every call with the other's ids must find nothing
// and write nothing.

const HOUR = 3_600_000;
const now = new Date();
const ctx = { ip: "203.0.113.7", userAgent: "vitest", requestId: "t" };

let db: Database;
let practice: TestPractice;
let alice: User;
let bruno: User;
let aliceFile: string;
let brunoFile: string;
let n = 0;

async function patientAccount(first: string): Promise<User> {
  const [u] = await db
    .insert(users)
    .values({
      email: `${first.toLowerCase()}-${Date.now()}@example.lu`,
      role: "patient",
      firstName: first,
      lastName: "Test",
      passwordHash: await fixtureHash("Un-mot-de-passe-solide-42"),
    })
    .returning();
  return u!;
}

async function file(account: User, relation: "self" | "relative", firstName: string): Promise<string> {
  n += 1;
  const [row] = await db
    .insert(patients)
    .values({
      doctorId: practice.doctor.id,
      firstName,
      lastName: "Test",
      birthDate: "1990-01-01",
      matricule: matriculeFor("1990-01-01", 500 + n),
      accountUserId: account.id,
      accountRelation: relation,
    })
    .returning({ id: patients.id });
  return row!.id;
}

/** An appointment `hoursFromNow` ahead (negative: past), on an hour of its own so none overlap. */
async function appointment(patientId: string, hoursFromNow: number, status: "booked" | "done" = "booked", bookedBy: User | null = null) {
  const startsAt = new Date(Math.floor(now.getTime() / HOUR) * HOUR + hoursFromNow * HOUR);
  const [row] = await db
    .insert(appointments)
    .values({
      doctorId: practice.doctor.id,
      patientId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 15 * 60_000),
      status,
      visitReasonId: practice.motifs.consultation,
      bookedVia: bookedBy ? "online" : "practice",
      bookedByUserId: bookedBy?.id ?? null,
    })
    .returning({ id: appointments.id });
  return row!.id;
}

async function document(patientId: string): Promise<string> {
  const number = await db.transaction((tx) => allocateDocumentNumber(tx, practice.doctor.id, 2026));
  const [row] = await db
    .insert(documents)
    .values({
      doctorId: practice.doctor.id,
      patientId,
      kind: "certificate",
      ...number,
      issuedOn: "2026-12-01",
      content: { certificateKind: "incapacite", periodFrom: "2026-12-01", periodTo: "2026-12-02", body: "" },
      header: {
        doctor: { name: "Dr Jos Kieffer", lines: [] },
        patient: { name: "Test", birthDate: "1990-01-01", identifier: null },
      },
      withStamp: false,
      createdById: practice.doctor.id,
      createdVia: "direct",
    })
    .returning({ id: documents.id });
  return row!.id;
}

/** The doctor at the keyboard, as lib/documents takes it. */
const docAccess = (p: TestPractice) => ({ doctor: p.doctor, user: p.doctor, mode: "direct" as const });

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Kieffer");
  alice = await patientAccount("Alice");
  bruno = await patientAccount("Bruno");
  aliceFile = await file(alice, "self", "Alice");
  brunoFile = await file(bruno, "self", "Bruno");
}, 60_000);

describe("what a patient account reaches", () => {
  it("lists its own upcoming and past appointments, its relatives' included, never another account's", async () => {
    const child = await file(alice, "relative", "Zoé");
    const mine = await appointment(aliceFile, 100);
    const childs = await appointment(child, 101);
    const past = await appointment(aliceFile, -100, "done");
    const brunos = await appointment(brunoFile, 102);
    const { upcoming, past: before } = await listPatientAppointments(alice.id, { db, now });
    const ids = upcoming.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([mine, childs]));
    expect(ids).not.toContain(brunos);
    expect(upcoming.find((a) => a.id === childs)!.forWhom).toMatchObject({ firstName: "Zoé", relative: true });
    expect(upcoming.find((a) => a.id === mine)!.forWhom.relative).toBe(false);
    expect(before.map((a) => a.id)).toContain(past);
    expect(await findPatientAppointment(alice.id, brunos, db)).toBeNull();
    expect(await findPatientAppointment(alice.id, "not-a-uuid", db)).toBeNull();
  });

  it("sees an appointment it booked online for a file it does not hold", async () => {
    const [unlinked] = await db
      .insert(patients)
      .values({
        doctorId: practice.doctor.id,
        firstName: "Léa",
        lastName: "Autre",
        birthDate: "2015-02-02",
        matricule: matriculeFor("2015-02-02", 7),
      })
      .returning({ id: patients.id });
    const booked = await appointment(unlinked!.id, 110, "booked", alice);
    expect((await listPatientAppointments(alice.id, { db, now })).upcoming.map((a) => a.id)).toContain(booked);
    expect((await listPatientAppointments(bruno.id, { db, now })).upcoming.map((a) => a.id)).not.toContain(booked);
  });

  it("cannot cancel another account's appointment by a forged id", async () => {
    const brunos = await appointment(brunoFile, 120);
    expect(await cancelAsPatient({ kind: "account", userId: alice.id, appointmentId: brunos }, { db })).toEqual({ kind: "not-found" });
    const [row] = await db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, brunos));
    expect(row!.status).toBe("booked");
  });

  it("turns the waitlist on and off for its own upcoming appointment only", async () => {
    const mine = await appointment(aliceFile, 130);
    const brunos = await appointment(brunoFile, 131);
    expect(await setWaitlist(alice.id, mine, true, { db, now })).toEqual({ kind: "done", on: true });
    expect(await db.select().from(waitlistEntries).where(eq(waitlistEntries.appointmentId, mine))).toHaveLength(1);
    expect(await setWaitlist(alice.id, brunos, true, { db, now })).toEqual({ kind: "not-found" });
    expect(await db.select().from(waitlistEntries).where(eq(waitlistEntries.appointmentId, brunos))).toHaveLength(0);
    expect(await setWaitlist(alice.id, mine, false, { db, now })).toEqual({ kind: "done", on: false });
    expect(await db.select().from(waitlistEntries).where(eq(waitlistEntries.appointmentId, mine))).toHaveLength(0);
    const past = await appointment(aliceFile, -131, "done");
    expect(await setWaitlist(alice.id, past, true, { db, now })).toEqual({ kind: "not-upcoming" });
  });
});

describe("reviews", () => {
  it("takes one review per finished appointment of the account, and refuses the rest with nothing written", async () => {
    const done = await appointment(aliceFile, -200, "done");
    const upcoming = await appointment(aliceFile, 200);
    const brunos = await appointment(brunoFile, -201, "done");
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(reviews))[0]!.n;
    const before = await count();
    expect(await leaveReview(alice.id, brunos, { rating: 5, comment: null }, db)).toEqual({ kind: "not-found" });
    expect(await leaveReview(alice.id, upcoming, { rating: 5, comment: null }, db)).toEqual({ kind: "not-finished" });
    expect(await count()).toBe(before);
    expect(await leaveReview(alice.id, done, { rating: 4, comment: "Très bien" }, db)).toEqual({ kind: "done" });
    const second = await leaveReview(alice.id, done, { rating: 1, comment: null }, db);
    expect(second).toEqual({ kind: "already-reviewed" });
    expect(reviewMessage(second)).toBe("Vous avez déjà laissé un avis pour ce rendez-vous.");
    const [row] = await db.select().from(reviews).where(eq(reviews.appointmentId, done));
    expect(row).toMatchObject({ rating: 4, comment: "Très bien", patientId: aliceFile, doctorId: practice.doctor.id, authorUserId: alice.id });
    expect(await count()).toBe(before + 1);
  });

  it("checks the stars and the comment's length", () => {
    expect(reviewSchema.safeParse({ rating: "0" }).success).toBe(false);
    expect(reviewSchema.safeParse({ rating: "6" }).success).toBe(false);
    expect(reviewSchema.safeParse({ rating: "3", comment: "x".repeat(1001) }).success).toBe(false);
    expect(reviewSchema.parse({ rating: "5", comment: "   " })).toEqual({ rating: 5, comment: null });
    expect(reviewSchema.parse({ rating: "1", comment: "x".repeat(1000) }).comment).toHaveLength(1000);
  });

  it("lets the doctor answer once, and no other doctor", async () => {
    const done = await appointment(aliceFile, -210, "done");
    await leaveReview(alice.id, done, { rating: 3, comment: null }, db);
    const [review] = await db.select().from(reviews).where(eq(reviews.appointmentId, done));
    const other = await testPractice(db, "Faber");
    expect(await answerReview(other.direct, review!.id, "Merci", db)).toEqual({ kind: "not-found" });
    expect(await answerReview(practice.direct, review!.id, "Merci pour votre avis", db)).toEqual({ kind: "done" });
    expect(await answerReview(practice.direct, review!.id, "Encore", db)).toEqual({ kind: "already-answered" });
    const listed = (await listDoctorReviews(practice.doctor.id, db)).find((r) => r.id === review!.id);
    expect(listed).toMatchObject({ answer: "Merci pour votre avis", rating: 3 });
  });

  it("support hides a review with its reason and an audit row, in one go", async () => {
    const done = await appointment(aliceFile, -220, "done");
    await leaveReview(alice.id, done, { rating: 1, comment: "Hors sujet" }, db);
    const [review] = await db.select().from(reviews).where(eq(reviews.appointmentId, done));
    const [support] = await db
      .insert(users)
      .values({ email: `support-${Date.now()}@example.lu`, role: "support", firstName: "S", lastName: "T" })
      .returning();
    expect(await hideReview(actorOf(support!, "198.51.100.1"), review!.id, "Propos sans rapport", db)).toEqual({ kind: "done" });
    expect(await hideReview(actorOf(support!, "198.51.100.1"), review!.id, "Encore", db)).toEqual({ kind: "already-hidden" });
    const [after] = await db.select().from(reviews).where(eq(reviews.id, review!.id));
    expect(after).toMatchObject({ status: "hidden", hiddenReason: "Propos sans rapport", hiddenById: support!.id });
    const audit = await db.execute(sql`SELECT action, reason FROM audit_log WHERE action = 'review.hide'`);
    expect((audit as unknown as { rows: { reason: string }[] }).rows.map((r) => r.reason)).toContain("Propos sans rapport");
  });
});

describe("shared documents", () => {
  it("shows a document once shared, about the account's file only, and never another's by id", async () => {
    const mine = await document(aliceFile);
    const brunos = await document(brunoFile);
    expect(await listSharedDocuments(alice.id, db)).toHaveLength(0);
    expect(await setDocumentShared(docAccess(practice), mine, true, db)).toEqual({ kind: "done", shared: true });
    await setDocumentShared(docAccess(practice), brunos, true, db);
    expect((await listSharedDocuments(alice.id, db)).map((d) => d.id)).toEqual([mine]);
    expect(await sharedDocumentPdf(alice.id, brunos, { db })).toBeNull();
    expect(await sharedDocumentPdf(alice.id, "00000000-0000-4000-8000-000000000000", { db })).toBeNull();
    // Another doctor cannot share this practice's document.
    const other = await testPractice(db, "Hoffmann");
    expect(await setDocumentShared(docAccess(other), mine, false, db)).toEqual({ kind: "not-found" });
    expect(await db.select().from(documentShares).where(eq(documentShares.documentId, mine))).toHaveLength(1);
    // « Ne plus partager »: gone from the space and from the route.
    await setDocumentShared(docAccess(practice), mine, false, db);
    expect(await listSharedDocuments(alice.id, db)).toHaveLength(0);
    expect(await sharedDocumentPdf(alice.id, mine, { db })).toBeNull();
  });
});

describe("deleting the account", () => {
  it("refuses a wrong password and keeps everything", async () => {
    const carla = await patientAccount("Carla");
    expect(await deletePatientAccount(carla, "faux", ctx, { db, now })).toEqual({ kind: "wrong-password" });
    expect(await db.select().from(users).where(eq(users.id, carla.id))).toHaveLength(1);
  });

  it("cancels future online bookings, keeps the practice's file and past visits, and removes the account", async () => {
    const dora = await patientAccount("Dora");
    const doraFile = await file(dora, "self", "Dora");
    const online = await appointment(doraFile, 300, "booked", dora);
    const byPractice = await appointment(doraFile, 301);
    const past = await appointment(doraFile, -300, "done", dora);
    await setWaitlist(dora.id, byPractice, true, { db, now });
    await db.insert(sessions).values({ userId: dora.id, ip: "203.0.113.9", userAgent: "vitest", expiresAt: new Date(now.getTime() + HOUR) });
    expect(await deletePatientAccount(dora, "Un-mot-de-passe-solide-42", { ...ctx, ip: "203.0.113.99" }, { db, now })).toEqual({
      kind: "done",
      cancelled: 1,
    });
    expect(await db.select().from(users).where(eq(users.id, dora.id))).toHaveLength(0);
    expect(await db.select().from(sessions).where(eq(sessions.userId, dora.id))).toHaveLength(0);
    const status = async (id: string) => (await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.s;
    expect(await status(online)).toBe("cancelled");
    expect(await status(byPractice)).toBe("booked");
    expect(await status(past)).toBe("done");
    expect(await db.select().from(waitlistEntries).where(eq(waitlistEntries.appointmentId, byPractice))).toHaveLength(0);
    const [kept] = await db
      .select()
      .from(patients)
      .where(and(eq(patients.id, doraFile)));
    expect(kept).toMatchObject({ firstName: "Dora", accountUserId: null, accountRelation: null });
  });
});
