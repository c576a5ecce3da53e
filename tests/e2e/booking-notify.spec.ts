import ICAL from "ical.js";
import { expect, test } from "./fixtures/signed-in";
import { NOTIFY } from "./fixtures/seed-booking-notify";
import { uniqueClientIp } from "./support/auth";
import { waitForMail, type Mail } from "./support/mailbox";

// What the patient of an online booking is told (issue 18), read back from the outbox: the
// confirmation with its invitation, the secretary's move in the agenda (invitation SEQUENCE:1),
// and the emailed link that cancels without signing in, once; the doctor's agenda shows the
// cancellation. The booking itself is seeded (fixtures/seed-booking-notify.ts) with its job: the
// test server's worker sends it (JOBS_POLL_MS is short in the test servers).

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
}) => {
  const request = secretaryPage.request;
  const confirmation = await waitForMail(request, NOTIFY.email, "Rendez-vous confirmé le mardi 13 janvier 2032 à 10:00");
  expect(confirmation.text).toContain("Médecin : Dr Paul Schmit");
  const booked = invitationOf(confirmation);
  expect(booked).toMatchObject({ method: "REQUEST", sequence: 0, start: NOTIFY.startsAt.toISOString() });
  const link = /https?:\/\/[^\s]+\/rdv\/annuler\/([A-Za-z0-9_-]+)/.exec(confirmation.text);
  expect(link, "the confirmation carries a cancel link").not.toBeNull();

  // The secretary moves it to 15:00 through the agenda's details form.
  await secretaryPage.goto(`/agenda?vue=semaine&date=${NOTIFY.week}`);
  await secretaryPage.getByRole("button", { name: block(NAME) }).click();
  await secretaryPage.getByRole("dialog").getByLabel("Nouvelle heure").fill(NOTIFY.movedTo);
  await secretaryPage.getByRole("dialog").getByRole("button", { name: "Déplacer le rendez-vous" }).click();
  await expect(secretaryPage.getByText("Rendez-vous déplacé.")).toBeVisible();

  const moved = await waitForMail(request, NOTIFY.email, "Votre rendez-vous a changé : mardi 13 janvier 2032 à 15:00");
  expect(invitationOf(moved)).toEqual({ method: "REQUEST", sequence: 1, uid: booked.uid, start: NOTIFY.movedStartsAt.toISOString() });

  // The emailed link, opened by someone not signed in: the appointment, then one confirmed cancel.
  const anonymous = await (await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() })).newPage();
  await anonymous.goto(`/rdv/annuler/${link![1]}`);
  await expect(anonymous.getByRole("heading", { name: "Annuler un rendez-vous" })).toBeVisible();
  await expect(anonymous.getByText("mardi 13 janvier 2032 à 15:00")).toBeVisible();
  await expect(anonymous.getByText("Dr Paul Schmit")).toBeVisible();
  await anonymous.getByRole("button", { name: "Annuler ce rendez-vous" }).click();
  await expect(anonymous.getByText("Votre rendez-vous est annulé.")).toBeVisible();
  // Replayed: refused, nothing shown of the appointment.
  await anonymous.goto(`/rdv/annuler/${link![1]}`);
  await expect(anonymous.getByText("Ce lien d'annulation a déjà servi")).toBeVisible();
  await expect(anonymous.getByRole("button", { name: "Annuler ce rendez-vous" })).toHaveCount(0);
  await expect(anonymous.getByText("Dr Paul Schmit")).toHaveCount(0);
  await anonymous.context().close();

  const cancelled = await waitForMail(request, NOTIFY.email, "Rendez-vous annulé : mardi 13 janvier 2032 à 15:00");
  expect(invitationOf(cancelled)).toEqual({ method: "CANCEL", sequence: 2, uid: booked.uid, start: NOTIFY.movedStartsAt.toISOString() });

  // The doctor's agenda shows it cancelled, by the patient.
  await doctorPage.goto(`/agenda?vue=semaine&date=${NOTIFY.week}`);
  await doctorPage.getByLabel("Afficher les rendez-vous annulés").check();
  const shown = doctorPage.getByRole("button", { name: block(NAME) });
  await expect(shown).toHaveAttribute("aria-label", /^15:00–.*, Annulé$/);
  await shown.click();
  await expect(doctorPage.getByRole("dialog").getByText("(annulé par le patient)")).toBeVisible();
});
