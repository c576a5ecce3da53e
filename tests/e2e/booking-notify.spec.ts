import ICAL from "ical.js";
import { Client } from "pg";
import { matriculeFor } from "@/lib/patients/matricule";
import { expect, test } from "./fixtures/signed-in";
import { ACCOUNT, uniqueClientIp } from "./support/auth";
import { waitForMail, type Mail } from "./support/mailbox";

// What the patient of an online booking is told (issue 18), read back from the outbox: the
// confirmation with its invitation, the secretary's move in the agenda (invitation SEQUENCE:1),
// and the emailed link that cancels without signing in, once; the doctor's agenda shows the
// cancellation. The booking is written straight into PostgreSQL as lib/booking/book.ts leaves it
// (the appointment and its confirmation job): the running servers' workers send it (JOBS_POLL_MS is
// short in the test servers). PGlite's folder belongs to its server, so this runs on PostgreSQL.

const NOTIFY = {
  email: "claire.enligne@e2e.doctipro.lu",
  firstName: "Claire",
  lastName: "Enligne",
  /** Tuesday 13 January 2032, 10:00 in Luxembourg (UTC+1): within Dr Schmit's morning hours. */
  startsAt: new Date("2032-01-13T09:00:00Z"),
  week: "2032-01-13",
  /** Where the secretary moves it: 11:30 the same morning. */
  movedTo: "11:30",
  movedStartsAt: new Date("2032-01-13T10:30:00Z"),
} as const;

/** Dr Schmit's online booking, fresh: last run's file (its appointment, jobs, links) and emails go first. */
async function seedOnlineBooking(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const doctor = await client.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [ACCOUNT.doctor]);
    const doctorId = doctor.rows[0]!.id;
    await client.query("DELETE FROM patients WHERE doctor_id = $1 AND email = $2", [doctorId, NOTIFY.email]);
    await client.query("DELETE FROM email_outbox WHERE to_address = $1", [NOTIFY.email]);
    const motif = await client.query<{ id: string; minutes: number }>(
      "SELECT id, duration_minutes AS minutes FROM visit_reasons WHERE doctor_id = $1 AND active ORDER BY position LIMIT 1",
      [doctorId],
    );
    const file = await client.query<{ id: string }>(
      `INSERT INTO patients (doctor_id, first_name, last_name, birth_date, matricule, email, created_online)
       VALUES ($1, $2, $3, '1988-04-21', $4, $5, true) RETURNING id`,
      [doctorId, NOTIFY.firstName, NOTIFY.lastName, matriculeFor("1988-04-21", 777), NOTIFY.email],
    );
    const endsAt = new Date(NOTIFY.startsAt.getTime() + (motif.rows[0]?.minutes ?? 15) * 60_000);
    const appointment = await client.query<{ id: string }>(
      `INSERT INTO appointments (doctor_id, patient_id, visit_reason_id, starts_at, ends_at, booked_via)
       VALUES ($1, $2, $3, $4, $5, 'online') RETURNING id`,
      [doctorId, file.rows[0]!.id, motif.rows[0]?.id ?? null, NOTIFY.startsAt, endsAt],
    );
    await client.query("INSERT INTO jobs (kind, appointment_id) VALUES ('appointment_confirmation', $1)", [appointment.rows[0]!.id]);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

function invitationOf(mail: Mail) {
  expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.ics$/)]);
  const calendar = new ICAL.Component(ICAL.parse(mail.attachments[0]!.content));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    sequence: event.getFirstPropertyValue("sequence"),
    uid: event.getFirstPropertyValue("uid"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  };
}

const block = (name: string) => new RegExp(`^\\d{2}:\\d{2}–\\d{2}:\\d{2}, ${name}`);
const NAME = `${NOTIFY.lastName.toUpperCase()} ${NOTIFY.firstName}`;

test("an online booking: confirmation with invitation, moved by the secretary (SEQUENCE:1), cancelled by the emailed link once", async ({
  secretaryPage,
  doctorPage,
  browser,
  baseURL,
}, testInfo) => {
  const url = process.env.TEST_DATABASE_URL;
  test.skip(testInfo.project.name !== "postgres" || !url, "the booking is written straight into PostgreSQL");
  await seedOnlineBooking(url!);
  const request = secretaryPage.request;
  const confirmation = await waitForMail(request, NOTIFY.email, "Rendez-vous confirmé le mardi 13 janvier 2032 à 10:00");
  expect(confirmation.text).toContain("Médecin : Dr Paul Schmit");
  const booked = invitationOf(confirmation);
  expect(booked).toMatchObject({ method: "REQUEST", sequence: 0, start: NOTIFY.startsAt.toISOString() });
  const link = /https?:\/\/[^\s]+\/rdv\/annuler\/([A-Za-z0-9_-]+)/.exec(confirmation.text);
  expect(link, "the confirmation carries a cancel link").not.toBeNull();

  // The secretary moves it to 11:30 through the agenda's details form.
  await secretaryPage.goto(`/agenda?vue=semaine&date=${NOTIFY.week}`);
  await secretaryPage.getByRole("button", { name: block(NAME) }).click();
  await secretaryPage.getByRole("dialog").getByLabel("Nouvelle heure").fill(NOTIFY.movedTo);
  await secretaryPage.getByRole("dialog").getByRole("button", { name: "Déplacer le rendez-vous" }).click();
  await expect(secretaryPage.getByText("Rendez-vous déplacé.")).toBeVisible();

  const moved = await waitForMail(request, NOTIFY.email, "Votre rendez-vous a changé : mardi 13 janvier 2032 à 11:30");
  expect(invitationOf(moved)).toEqual({ method: "REQUEST", sequence: 1, uid: booked.uid, start: NOTIFY.movedStartsAt.toISOString() });

  // The emailed link, opened by someone not signed in: the appointment, then one confirmed cancel.
  const anonymous = await (await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() })).newPage();
  await anonymous.goto(`/rdv/annuler/${link![1]}`);
  await expect(anonymous.getByRole("heading", { name: "Annuler un rendez-vous" })).toBeVisible();
  await expect(anonymous.getByText("mardi 13 janvier 2032 à 11:30")).toBeVisible();
  await expect(anonymous.getByText("Dr Paul Schmit")).toBeVisible();
  await anonymous.getByRole("button", { name: "Annuler ce rendez-vous" }).click();
  await expect(anonymous.getByText("Votre rendez-vous est annulé.")).toBeVisible();
  // Replayed: refused, nothing shown of the appointment.
  await anonymous.goto(`/rdv/annuler/${link![1]}`);
  await expect(anonymous.getByText("Ce lien d'annulation a déjà servi")).toBeVisible();
  await expect(anonymous.getByRole("button", { name: "Annuler ce rendez-vous" })).toHaveCount(0);
  await expect(anonymous.getByText("Dr Paul Schmit")).toHaveCount(0);
  await anonymous.context().close();

  const cancelled = await waitForMail(request, NOTIFY.email, "Rendez-vous annulé : mardi 13 janvier 2032 à 11:30");
  expect(invitationOf(cancelled)).toEqual({ method: "CANCEL", sequence: 2, uid: booked.uid, start: NOTIFY.movedStartsAt.toISOString() });

  // The doctor's agenda shows it cancelled, by the patient.
  await doctorPage.goto(`/agenda?vue=semaine&date=${NOTIFY.week}`);
  await doctorPage.getByLabel("Afficher les rendez-vous annulés").check();
  const shown = doctorPage.getByRole("button", { name: block(NAME) });
  await expect(shown).toHaveAttribute("aria-label", /^11:30–.*, Annulé, En ligne$/);
  await shown.click();
  await expect(doctorPage.getByRole("dialog").getByText("(annulé par le patient)")).toBeVisible();
});
