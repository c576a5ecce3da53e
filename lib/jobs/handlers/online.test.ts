import ICAL from "ical.js";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, emailOutbox, onlineBookingSettings, patients, users, visitReasons, waitlistEntries } from "@/db/schema";
import type { Database } from "@/db/client";
import { cancelAppointment, rescheduleAppointment } from "@/lib/agenda/appointments";
import { cancelLinkView } from "@/lib/booking/cancel-link-view";
import { cancelAsPatient } from "@/lib/booking/patient-cancel";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { scheduleAppointmentMessages } from "../appointment-messages";
import { runDueJobs } from "../worker";

// What an online booking's patient receives: the confirmation (invitation, cancel link), the
// notice of a cancellation through that link, and the offer of an earlier time to those waiting.

let db: Database;
let practice: TestPractice;
let accountEmail: string;
let accountId: string;
// Monday 7 June 2027, 06:00 in Luxembourg.
const NOW = utc("2027-06-07T04:00:00Z");

beforeAll(async () => {
  // Cancel tokens are stored as an HMAC keyed by the app's secret.
  process.env.AUTH_SECRET ??= "unit-test-auth-secret";
  db = await freshDatabase();
  practice = await testPractice(db, "Thill");
  await db
    .insert(onlineBookingSettings)
    .values({ doctorId: practice.doctor.id, slug: "dr-jos-thill", enabled: true, minNoticeMinutes: 120, horizonWeeks: 8 });
  await db.update(visitReasons).set({ bookableOnline: true, openToNewPatients: true }).where(eq(visitReasons.doctorId, practice.doctor.id));
  accountEmail = `compte-${Date.now()}@example.lu`;
  const [account] = await db.insert(users).values({ email: accountEmail, role: "patient", firstName: "Luc", lastName: "Schmit" }).returning();
  accountId = account!.id;
  // Nora's file has her email; Luc's has none, but his account books for him.
  await db.update(patients).set({ email: "nora@example.lu" }).where(eq(patients.id, practice.patientIds[0]));
  await db.update(patients).set({ accountUserId: accountId, accountRelation: "self" }).where(eq(patients.id, practice.patientIds[1]));
});

async function bookOnline(patient: 0 | 1, startIso: string) {
  const startsAt = utc(startIso);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(appointments)
      .values({
        doctorId: practice.doctor.id,
        patientId: practice.patientIds[patient],
        visitReasonId: practice.motifs.consultation,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 15 * 60_000),
        bookedVia: "online",
        bookedByUserId: patient === 1 ? accountId : null,
      })
      .returning({ id: appointments.id, calendarUid: appointments.calendarUid });
    await scheduleAppointmentMessages(tx, { kind: "booked", appointmentId: row!.id });
    return row!;
  });
}

const drain = () => runDueJobs({ db, now: () => NOW, batch: 100 });
const mailTo = (address: string) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(emailOutbox.id);

function invitation(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    sequence: event.getFirstPropertyValue("sequence"),
    uid: event.getFirstPropertyValue("uid"),
  };
}

describe("the online booking's confirmation", () => {
  it("goes to the booking account when the file has no email, with the invitation and a cancel link that works once", async () => {
    const { id, calendarUid } = await bookOnline(1, "2027-06-08T08:00:00Z");
    await drain();
    const [mail] = await mailTo(accountEmail);
    expect(mail!.subject).toBe("Rendez-vous confirmé le mardi 8 juin 2027 à 10:00");
    expect(mail!.text).toContain("Médecin : Dr Jos Thill");
    expect(mail!.text).toContain("Motif : Consultation");
    // Never the appointment's id or its calendar UID in what the patient reads or clicks.
    for (const part of [mail!.text, mail!.html]) {
      expect(part).not.toContain(id);
      expect(part).not.toContain(calendarUid);
    }
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]!.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(invitation(mail!.attachments[0]!.content)).toEqual({ method: "REQUEST", sequence: 0, uid: `${calendarUid}@doctipro.lu` });

    const token = /\/rdv\/annuler\/([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeTruthy();
    // The deadline is 24 h before (the default): 7 June 10:00.
    expect(mail!.text).toContain("jusqu'au lundi 7 juin 2027 à 10:00");
    const now = () => NOW;
    // What /rdv/annuler/<token> shows: the appointment, nothing that names it.
    const view = await cancelLinkView(token!, { db, now: NOW });
    expect(view).toEqual({
      kind: "usable",
      startsAt: utc("2027-06-08T08:00:00Z"),
      doctorName: "Dr Jos Thill",
      motif: "Consultation",
      address: null,
      until: utc("2027-06-07T08:00:00Z"),
    });
    expect(JSON.stringify(view)).not.toContain(id);
    expect(await cancelLinkView(token!.slice(0, -2) + "xx", { db, now: NOW })).toEqual({ kind: "unknown" });
    expect(await cancelLinkView(token!, { db, now: utc("2027-06-07T08:00:01Z") })).toEqual({ kind: "expired" });

    expect(await cancelAsPatient({ kind: "link", token: token! }, { db, now })).toMatchObject({ kind: "cancelled" });
    expect(await cancelAsPatient({ kind: "link", token: token! }, { db, now })).toEqual({ kind: "link-used" });
    expect(await cancelLinkView(token!, { db, now: NOW })).toEqual({ kind: "used" });

    await drain();
    const [, cancelled] = await mailTo(accountEmail);
    expect(cancelled!.subject).toBe("Rendez-vous annulé : mardi 8 juin 2027 à 10:00");
    expect(invitation(cancelled!.attachments[0]!.content)).toEqual({ method: "CANCEL", sequence: 1, uid: `${calendarUid}@doctipro.lu` });
    expect(cancelled!.text).toContain("/rdv/dr-jos-thill");
  });

  it("cancelled before the worker got to it: no confirmation (the cancellation notice instead)", async () => {
    const before = (await mailTo("nora@example.lu")).length;
    const { id } = await bookOnline(0, "2027-06-09T08:00:00Z");
    expect(await cancelAppointment(practice.direct, id, "practice", { db })).toEqual({ kind: "done" });
    await drain();
    const subjects = (await mailTo("nora@example.lu")).slice(before).map((m) => m.subject);
    expect(subjects).toEqual(["Rendez-vous annulé : mercredi 9 juin 2027 à 10:00"]);
  });
});

describe("after the practice moves or resizes an online booking", () => {
  const move = (id: string, startIso: string, minutes = 15) =>
    rescheduleAppointment(
      practice.direct,
      id,
      { startsAt: utc(startIso), endsAt: new Date(utc(startIso).getTime() + minutes * 60_000), outsideHoursConfirmed: true },
      { db },
    );

  it("the emailed cancel link shows and keeps the current deadline, not the one of the booking", async () => {
    const before = (await mailTo("nora@example.lu")).length;
    const { id } = await bookOnline(0, "2027-06-22T08:00:00Z");
    await drain();
    const [confirmation] = (await mailTo("nora@example.lu")).slice(before);
    const token = /\/rdv\/annuler\/([A-Za-z0-9_-]+)/.exec(confirmation!.text)![1]!;
    expect(await cancelLinkView(token, { db, now: NOW })).toMatchObject({ until: utc("2027-06-21T08:00:00Z") });

    // Earlier: the deadline comes with it (what cancelAsPatient applies).
    expect(await move(id, "2027-06-08T12:00:00Z")).toMatchObject({ kind: "done" });
    expect(await cancelLinkView(token, { db, now: NOW })).toMatchObject({ kind: "usable", until: utc("2027-06-07T12:00:00Z") });
    // Later than the booking: the link is still good until the new deadline.
    expect(await move(id, "2027-06-24T08:00:00Z")).toMatchObject({ kind: "done" });
    expect(await cancelLinkView(token, { db, now: utc("2027-06-22T09:00:00Z") })).toMatchObject({
      kind: "usable",
      startsAt: utc("2027-06-24T08:00:00Z"),
      until: utc("2027-06-23T08:00:00Z"),
    });
    // Moved within the deadline: the page says the link no longer cancels, as the button would.
    expect(await move(id, "2027-06-07T12:00:00Z")).toMatchObject({ kind: "done" });
    expect(await cancelLinkView(token, { db, now: NOW })).toEqual({ kind: "expired" });
    expect(await cancelAsPatient({ kind: "link", token }, { db, now: () => NOW })).toEqual({ kind: "link-expired" });
    expect(await cancelAppointment(practice.direct, id, "practice", { db })).toEqual({ kind: "done" });
  });

  it("a resize tells the patient the new end; a move tells the new time", async () => {
    const { id } = await bookOnline(0, "2027-06-25T08:00:00Z");
    await drain();
    const before = (await mailTo("nora@example.lu")).length;
    expect(await move(id, "2027-06-25T08:00:00Z", 30)).toMatchObject({ kind: "done" });
    await drain();
    expect(await move(id, "2027-06-25T09:00:00Z", 30)).toMatchObject({ kind: "done" });
    await drain();
    const [resized, moved] = (await mailTo("nora@example.lu")).slice(before);
    expect(resized!.subject).toBe("Nouvelle heure de fin pour votre rendez-vous du vendredi 25 juin 2027 à 10:00");
    expect(resized!.text).toContain("il commence toujours le vendredi 25 juin 2027 à 10:00 et se termine désormais à 10:30");
    expect(invitation(resized!.attachments[0]!.content)).toMatchObject({ method: "REQUEST", sequence: 1 });
    expect(moved!.subject).toBe("Votre rendez-vous a changé : vendredi 25 juin 2027 à 11:00");
  });
});

describe("« Me prévenir si un créneau se libère plus tôt »", () => {
  it("a freed time still bookable online is offered to those waiting with a later appointment of that motif, with a link to book it", async () => {
    const waiting = await bookOnline(0, "2027-06-17T08:00:00Z");
    const earlier = await bookOnline(0, "2027-06-10T12:00:00Z");
    await db.insert(waitlistEntries).values([{ appointmentId: waiting.id }, { appointmentId: earlier.id }]);
    const freedBy = await bookOnline(1, "2027-06-11T07:00:00Z");
    await drain();
    const before = (await mailTo("nora@example.lu")).length;

    expect(await cancelAppointment(practice.direct, freedBy.id, "practice", { db })).toEqual({ kind: "done" });
    await drain();
    const offers = (await mailTo("nora@example.lu")).slice(before);
    // Only the 17 June appointment is later than the freed 11 June 09:00.
    expect(offers.map((m) => m.subject)).toEqual(["Un créneau plus tôt s'est libéré chez Dr Jos Thill"]);
    expect(offers[0]!.text).toContain("vendredi 11 juin 2027 à 09:00");
    expect(offers[0]!.text).toContain("Votre rendez-vous actuel : jeudi 17 juin 2027 à 10:00");
    expect(offers[0]!.text).toContain(`/rdv/dr-jos-thill/reserver?motif=${practice.motifs.consultation}&debut=2027-06-11T07%3A00%3A00.000Z`);
  });

  it("a freed time no longer bookable online (motif taken off online booking) is offered to nobody", async () => {
    const freedBy = await bookOnline(1, "2027-06-14T07:00:00Z");
    await drain();
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox))[0]!.n;
    await db.update(visitReasons).set({ bookableOnline: false }).where(eq(visitReasons.id, practice.motifs.consultation));
    expect(await cancelAppointment(practice.direct, freedBy.id, "practice", { db })).toEqual({ kind: "done" });
    await drain();
    const after = await db.select().from(emailOutbox).orderBy(emailOutbox.id);
    // The cancellation notice to Luc's account only.
    expect(after.slice(before).map((m) => m.toAddress)).toEqual([accountEmail]);
    await db.update(visitReasons).set({ bookableOnline: true }).where(eq(visitReasons.id, practice.motifs.consultation));
  });
});
