import { expect, test } from "./fixtures/signed-in";
import { uniqueClientIp } from "./support/auth";
import { waitForMail } from "./support/mailbox";

// Online booking through the pages (issue 18): a new patient books on Dr Schmit's public page,
// making the account inside the flow (the code read back from the outbox), and sees the
// confirmation; the practice's agenda shows the appointment « en ligne ». The demo patient, on the
// same time's page, confirms second and is told the time was just taken, with the next ones.

const SLUG = "dr-paul-schmit";
const PASSWORD = "Une phrase de passe assez longue pour tester 9!";

/** A free time of Dr Schmit about five weeks ahead (out of the way of the other specs): its booking address. */
async function aFreeTime(page: import("@playwright/test").Page): Promise<string> {
  const ahead = new Date(Date.now() + (30 + Math.floor(Math.random() * 10)) * 24 * 3_600_000).toISOString().slice(0, 10);
  await page.goto(`/rdv/${SLUG}?semaine=${ahead}`);
  const links = page.locator(`a[href*="/rdv/${SLUG}/reserver?"]`);
  await expect(links.first()).toBeVisible();
  const count = await links.count();
  const href = await links.nth(Math.floor(Math.random() * count)).getAttribute("href");
  expect(href).toContain("debut=");
  return href!;
}

test("a new patient makes an account inside the flow and books; the agenda shows it « en ligne »; the second to confirm is told it is taken", async ({
  browser,
  baseURL,
  request,
  doctorPage,
  patientPage,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  const page = await context.newPage();
  const href = await aFreeTime(page);
  const startsAt = new Date(new URL(href, baseURL).searchParams.get("debut")!);

  // The demo patient opens the same time first: the page is ready, the time not yet taken.
  await patientPage.goto(href);
  await expect(patientPage.getByRole("heading", { name: "Prendre rendez-vous" })).toBeVisible();
  await patientPage.getByLabel("Un proche (un enfant, par exemple)").check();
  await patientPage.getByLabel("Prénom").fill("Tom");
  await patientPage.getByLabel("Nom", { exact: true }).fill(`Course${Date.now() % 100000}`.replace(/\d/g, (d) => "abcdefghij"[Number(d)]!));
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
  await page.getByLabel("Nom", { exact: true }).fill("Reiter");
  await page.getByLabel("Mot de passe (12 caractères au moins)").fill(PASSWORD);
  await page.getByLabel("Mot de passe, une seconde fois").fill(PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte et continuer" }).click();

  await expect(page.getByText("Pour qui est ce rendez-vous ?")).toBeVisible();
  await page.getByLabel("Date de naissance (JJ/MM/AAAA)").fill("12/04/1990");
  await page.getByLabel("Pas de matricule luxembourgeois").check();
  await page.getByLabel("Raison").selectOption("insured_abroad");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText("Pour : Lina Reiter (moi)")).toBeVisible();
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.getByRole("heading", { name: "Rendez-vous confirmé" })).toBeVisible();
  await expect(page.getByText("Pour Lina Reiter.")).toBeVisible();

  // The demo patient confirms second: taken, with the next free times as links.
  await patientPage.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(patientPage.getByText("Ce créneau vient d'être réservé.")).toBeVisible();
  await expect(
    patientPage
      .getByRole("link")
      .filter({ hasText: /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/ })
      .first(),
  ).toBeVisible();

  // The practice's agenda, the day of the booking: Lina Reiter, « Pris en ligne » in the details.
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Luxembourg" }).format(startsAt);
  await doctorPage.goto(`/agenda?vue=jour&date=${day}`);
  const block = doctorPage.getByRole("button", { name: /REITER Lina/i }).first();
  await expect(block).toBeVisible();
  await block.click();
  await expect(doctorPage.getByText("Pris en ligne")).toBeVisible();
  await context.close();
});

test("« À vérifier » and « dont en ligne » are on the practice's pages", async ({ doctorPage }) => {
  await doctorPage.goto("/patients/a-verifier");
  await expect(doctorPage.getByRole("heading", { name: "À vérifier" })).toBeVisible();
  await doctorPage.goto("/dashboard");
  await expect(doctorPage.getByTestId("booked-online")).toContainText("dont en ligne");
});
