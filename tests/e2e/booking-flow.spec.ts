import ICAL from "ical.js";
import { formatAppointmentTime } from "@/lib/format/datetime";
import { expect, test } from "./fixtures/signed-in";
import { uniqueClientIp } from "./support/auth";
import { waitForMail, type Mail } from "./support/mailbox";

// Online booking through the pages (issue 18), the whole chain on both databases: a new patient
// books on Dr Schmit's public page, making the account inside the flow (the code read back from
// the outbox); the confirmation's invitation parses (REQUEST, SEQUENCE:0); the secretary moves it
// in the agenda (« Pris en ligne »; the patient's invitation SEQUENCE:1); the emailed link cancels
// it once, without signing in (CANCEL, SEQUENCE:2); the agenda shows it cancelled by the patient.
// The demo patient, on the same time's page, confirms second and is told the time was just taken.

// The chain's timeout covers the signed-in fixtures too: on PGlite beside PostgreSQL they sign in
// through the pages the first time (no stored state there).
test.describe.configure({ timeout: 180_000 });

const SLUG = "dr-paul-schmit";
const PASSWORD = "Une phrase de passe assez longue pour tester 9!";
const LUXEMBOURG_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Luxembourg" });
const LUXEMBOURG_TIME = new Intl.DateTimeFormat("fr-LU", { timeZone: "Europe/Luxembourg", hour: "2-digit", minute: "2-digit" });
/** Letters only, different on each run: the practice's files of earlier runs stay apart. */
const runLetters = () => String(Date.now() % 1_000_000).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);

/**
 * Two free times of Dr Schmit on one day about five weeks ahead (out of the way of the other specs):
 * the booking address of the first, and the second's start (where the secretary moves it).
 */
async function twoFreeTimes(page: import("@playwright/test").Page): Promise<{ href: string; startsAt: Date; movedTo: Date }> {
  const ahead = new Date(Date.now() + (30 + Math.floor(Math.random() * 10)) * 24 * 3_600_000).toISOString().slice(0, 10);
  await page.goto(`/rdv/${SLUG}?semaine=${ahead}`);
  const links = page.locator(`a[href*="/rdv/${SLUG}/reserver?"]`);
  await expect(links.first()).toBeVisible();
  const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))).filter(Boolean);
  const byDay = new Map<string, string[]>();
  for (const href of hrefs) {
    const day = LUXEMBOURG_DAY.format(new Date(new URL(href, "http://x").searchParams.get("debut")!));
    byDay.set(day, [...(byDay.get(day) ?? []), href]);
  }
  const days = [...byDay.values()].filter((list) => list.length >= 2);
  expect(days.length, "a day with two free times").toBeGreaterThan(0);
  const day = days[Math.floor(Math.random() * days.length)]!;
  const first = Math.floor(Math.random() * day.length);
  const second = (first + 1 + Math.floor(Math.random() * (day.length - 1))) % day.length;
  const startOf = (href: string) => new Date(new URL(href, "http://x").searchParams.get("debut")!);
  return { href: day[first]!, startsAt: startOf(day[first]!), movedTo: startOf(day[second]!) };
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

test(
  "a new patient makes an account inside the flow and books, is emailed the invitation, the secretary moves it, the emailed link cancels it; the second to confirm is told it is taken",
  { tag: "@embedded" },
  async ({ browser, baseURL, request, secretaryPage, patientPage }) => {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
    const page = await context.newPage();
    const { href, startsAt, movedTo } = await twoFreeTimes(page);
    const lastName = `Reiter${runLetters()}`;

    // The demo patient opens the same time first: the page is ready, the time not yet taken.
    await patientPage.goto(href);
    await expect(patientPage.getByRole("heading", { name: "Prendre rendez-vous" })).toBeVisible();
    await patientPage.getByLabel("Un proche (un enfant, par exemple)").check();
    await patientPage.getByLabel("Prénom").fill("Tom");
    await patientPage.getByLabel("Nom", { exact: true }).fill(`Course${runLetters()}`);
    await patientPage.getByLabel("Date de naissance (JJ/MM/AAAA)").fill("03/02/2019");
    await patientPage.getByLabel("Pas de matricule luxembourgeois").check();
    await patientPage.getByLabel("Raison").selectOption("newborn");
    await patientPage.getByRole("button", { name: "Continuer" }).click();
    await expect(patientPage.getByRole("button", { name: "Confirmer le rendez-vous" })).toBeVisible();

    // The new patient: email, code from the outbox, names and password, for whom, confirm.
    const email = `nouveau.${Date.now()}@example.lu`;
    await page.goto(href);
    await expect(page.getByTestId("booking-time")).toBeVisible();
    await page.getByLabel("Courriel").fill(email);
    await page.getByRole("button", { name: "Recevoir un code" }).click();
    await expect(page.getByText(`Si l'adresse ${email} est valide`)).toBeVisible();
    const mail = await waitForMail(request, email, "code de vérification");
    const code = /(\d{6})/.exec(mail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel("Code reçu par courriel (6 chiffres)").fill(code!);
    await page.getByRole("button", { name: "Vérifier le code" }).click();

    await expect(page.getByText(`Adresse vérifiée : ${email}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/rdv/${SLUG}/reserver\\?`));
    await page.getByLabel("Prénom").fill("Lina");
    await page.getByLabel("Nom", { exact: true }).fill(lastName);
    await page.getByLabel("Mot de passe (12 caractères au moins)").fill(PASSWORD);
    await page.getByLabel("Mot de passe, une seconde fois").fill(PASSWORD);
    await page.getByRole("button", { name: "Créer mon compte et continuer" }).click();

    await expect(page.getByText("Pour qui est ce rendez-vous ?")).toBeVisible();
    await page.getByLabel("Date de naissance (JJ/MM/AAAA)").fill("12/04/1990");
    await page.getByLabel("Pas de matricule luxembourgeois").check();
    await page.getByLabel("Raison").selectOption("insured_abroad");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByText(`Pour : Lina ${lastName} (moi)`)).toBeVisible();
    await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
    await expect(page.getByRole("heading", { name: "Rendez-vous confirmé" })).toBeVisible();
    await expect(page.getByText(`Pour Lina ${lastName}.`)).toBeVisible();

    // The demo patient confirms second: taken, with the next free times as links.
    await patientPage.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
    await expect(patientPage.getByText("Ce créneau vient d'être réservé.")).toBeVisible();
    await expect(
      patientPage
        .getByRole("link")
        .filter({ hasText: /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/ })
        .first(),
    ).toBeVisible();

    // The confirmation, with its invitation and the cancel link.
    const confirmation = await waitForMail(request, email, `Rendez-vous confirmé le ${formatAppointmentTime(startsAt)}`);
    expect(confirmation.text).toContain("Médecin : Dr Paul Schmit");
    const booked = invitationOf(confirmation);
    expect(booked).toMatchObject({ method: "REQUEST", sequence: 0, start: startsAt.toISOString() });
    const link = /https?:\/\/[^\s]+\/rdv\/annuler\/([A-Za-z0-9_-]+)/.exec(confirmation.text);
    expect(link, "the confirmation carries a cancel link").not.toBeNull();

    // The practice's agenda, the day of the booking: « Pris en ligne »; the secretary moves it.
    const day = LUXEMBOURG_DAY.format(startsAt);
    const block = secretaryPage.getByRole("button", { name: new RegExp(`^\\d{2}:\\d{2}–\\d{2}:\\d{2}, ${lastName.toUpperCase()} Lina`) });
    await secretaryPage.goto(`/agenda?vue=jour&date=${day}`);
    await block.click();
    const details = secretaryPage.getByRole("dialog");
    await expect(details.getByText("Pris en ligne")).toBeVisible();
    await details.getByLabel("Nouvelle heure").fill(LUXEMBOURG_TIME.format(movedTo));
    await details.getByRole("button", { name: "Déplacer le rendez-vous" }).click();
    await expect(secretaryPage.getByText("Rendez-vous déplacé.")).toBeVisible();
    const moved = await waitForMail(request, email, `Votre rendez-vous a changé : ${formatAppointmentTime(movedTo)}`);
    expect(invitationOf(moved)).toEqual({ method: "REQUEST", sequence: 1, uid: booked.uid, start: movedTo.toISOString() });

    // The emailed link, opened without signing in: the appointment as it is now, then one cancel.
    await page.goto(`/rdv/annuler/${link![1]}`);
    await expect(page.getByRole("heading", { name: "Annuler un rendez-vous" })).toBeVisible();
    await expect(page.getByText(formatAppointmentTime(movedTo))).toBeVisible();
    await page.getByRole("button", { name: "Annuler ce rendez-vous" }).click();
    await expect(page.getByText("Votre rendez-vous est annulé.")).toBeVisible();
    // Replayed: refused, nothing shown of the appointment.
    await page.goto(`/rdv/annuler/${link![1]}`);
    await expect(page.getByText("Ce lien d'annulation a déjà servi")).toBeVisible();
    await expect(page.getByRole("button", { name: "Annuler ce rendez-vous" })).toHaveCount(0);
    await expect(page.getByText("Dr Paul Schmit")).toHaveCount(0);
    const cancelled = await waitForMail(request, email, `Rendez-vous annulé : ${formatAppointmentTime(movedTo)}`);
    expect(invitationOf(cancelled)).toEqual({ method: "CANCEL", sequence: 2, uid: booked.uid, start: movedTo.toISOString() });

    // The practice's agenda shows it cancelled, by the patient.
    await secretaryPage.goto(`/agenda?vue=jour&date=${day}`);
    await secretaryPage.getByLabel("Afficher les rendez-vous annulés").check();
    await expect(block).toHaveAttribute("aria-label", /, Annulé, En ligne$/);
    await block.click();
    await expect(secretaryPage.getByRole("dialog").getByText("(annulé par le patient)")).toBeVisible();
    await context.close();
  },
);

test("« À vérifier » and « dont en ligne » are on the practice's pages", async ({ doctorPage }) => {
  await doctorPage.goto("/patients/a-verifier");
  await expect(doctorPage.getByRole("heading", { name: "À vérifier" })).toBeVisible();
  await doctorPage.goto("/dashboard");
  await expect(doctorPage.getByTestId("booked-online")).toContainText("dont en ligne");
});
