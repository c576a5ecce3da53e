import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { alertOf, signedInPage, uniqueClientIp } from "./support/auth";

// « Paramètres de l'agenda » (issue 17): a secretary sets her doctor's week, an absence, a holiday
// and a motif, after bad input that shows its French message and saves nothing; and a doctor can
// reach neither another doctor's patient by URL nor another doctor's motif or patient by replaying
// that doctor's own server action.

const NEXT_YEAR = new Date().getFullYear() + 1;

async function secretaryPage(browser: Browser, baseURL: string | undefined) {
  const page = await signedInPage(browser, baseURL, FIXTURES.settingsSecretary.email, uniqueClientIp());
  await page.getByRole("button", { name: /Dr Test agenda-parametres/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

const section = (page: Page, title: RegExp | string) => page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title }) });

test("a secretary sets opening hours, adds an absence, opens a holiday and creates a motif; bad input saves nothing", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const page = await secretaryPage(browser, baseURL);
  await page.goto("/agenda/parametres");
  await expect(page.getByRole("heading", { name: "Paramètres de l'agenda", level: 1 })).toBeVisible();
  await expect(page.getByText("Agenda de Dr Test agenda-parametres.")).toBeVisible();

  // Opening hours: an interval ending before it starts is refused under its row, nothing saved.
  const hours = section(page, "Heures d'ouverture");
  await hours.getByRole("button", { name: "Ajouter une plage le lundi" }).click();
  await expect(page.getByLabel("Lundi, plage 1 : début")).toBeFocused();
  await page.getByLabel("Lundi, plage 1 : début").fill("08:00");
  await page.getByLabel("Lundi, plage 1 : fin").fill("07:00");
  await hours.getByRole("button", { name: "Enregistrer les heures d'ouverture" }).click();
  await expect(hours.getByText("L'heure de fin doit venir après l'heure de début.")).toBeVisible();
  await expect(page.getByLabel("Lundi, plage 1 : fin")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByLabel("Lundi, plage 1 : début")).toHaveCount(0);

  await hours.getByRole("button", { name: "Ajouter une plage le lundi" }).click();
  await page.getByLabel("Lundi, plage 1 : début").fill("08:00");
  await page.getByLabel("Lundi, plage 1 : fin").fill("12:00");
  await hours.getByRole("button", { name: "Ajouter une plage le lundi" }).click();
  await page.getByLabel("Lundi, plage 2 : début").fill("14:00");
  await page.getByLabel("Lundi, plage 2 : fin").fill("18:30");
  await hours.getByRole("button", { name: "Enregistrer les heures d'ouverture" }).click();
  await expect(hours.getByText("Heures d'ouverture enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Lundi, plage 2 : fin")).toHaveValue("18:30");
  await expect(page.getByLabel("Mardi, plage 1 : début")).toHaveCount(0);

  // Absence: no label and an end before the start, then a real one.
  const absences = section(page, "Absences");
  await absences.getByLabel("Du (date)").fill(`${NEXT_YEAR}-02-10`);
  await absences.getByLabel("Au (date)").fill(`${NEXT_YEAR}-02-01`);
  await absences.getByRole("button", { name: "Ajouter l'absence" }).click();
  await expect(absences.getByText("Donnez un libellé de 1 à 80 caractères (ex. « Congés », « Formation »).")).toBeVisible();
  await absences.getByLabel("Libellé").fill("Formation continue");
  await absences.getByRole("button", { name: "Ajouter l'absence" }).click();
  await expect(absences.getByText("La fin de l'absence doit venir après son début.")).toBeVisible();
  await expect(absences.getByText("Aucune absence à venir.")).toBeVisible();
  await absences.getByLabel("Au (date)").fill(`${NEXT_YEAR}-02-12`);
  await absences.getByRole("button", { name: "Ajouter l'absence" }).click();
  await expect(absences.getByText("Absence enregistrée.")).toBeVisible();
  await expect(absences.getByRole("list", { name: "Absences à venir" })).toContainText("Formation continue");
  await expect(absences.getByRole("list", { name: "Absences à venir" })).toContainText(`du 10/02/${NEXT_YEAR} au 12/02/${NEXT_YEAR} inclus`);

  // Holidays of next year: National Day closed, then opened.
  await page.getByRole("link", { name: `Jours fériés ${NEXT_YEAR}` }).click();
  const holidays = section(page, `Jours fériés ${NEXT_YEAR}`);
  const nationalDay = holidays.getByRole("listitem").filter({ hasText: `23 juin ${NEXT_YEAR}` });
  await expect(nationalDay).toContainText("Fermé");
  await nationalDay.getByRole("button", { name: `Ouvrir ce jour, le 23 juin ${NEXT_YEAR} (Fête nationale)` }).click();
  await expect(nationalDay).toContainText("Ouvert");
  await expect(nationalDay.getByRole("button", { name: /Fermer ce jour, le 23 juin/ })).toBeVisible();

  // Motif: no label and a duration off the 5-minute grid, then a real one.
  const motifs = section(page, "Motifs de consultation");
  const form = motifs.getByRole("form", { name: "Créer le motif" });
  await form.getByLabel("Durée (minutes)").fill("7");
  await form.getByRole("button", { name: "Créer le motif" }).click();
  await expect(form.getByText("Saisissez le libellé du motif.")).toBeVisible();
  await expect(form.getByText("La durée : de 5 à 240 minutes, par tranches de 5 minutes.")).toBeVisible();
  await expect(motifs.getByText("Aucun motif pour l'instant : créez le premier ci-dessous.")).toBeVisible();
  await form.getByLabel("Libellé").fill("Vaccination");
  await form.getByLabel("Durée (minutes)").fill("10");
  await form.getByRole("radio", { name: "Vert" }).check();
  await form.getByRole("button", { name: "Créer le motif" }).click();
  const list = motifs.getByRole("list", { name: "Motifs, dans l'ordre où ils sont proposés" });
  await expect(list).toContainText("Vaccination");
  await expect(list).toContainText("10 min");
  await expect(list).toContainText("Vert");
  await expect(alertOf(page)).toHaveCount(0);
  await page.context().close();
});

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** The server action `trigger` sends, kept from reaching the server. */
async function captureAction(page: Page, trigger: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  const url = new URL(page.url()).pathname;
  const matcher = (u: URL) => u.pathname === url;
  await page.route(matcher, async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
    captured = { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await trigger();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute(matcher);
  return captured!;
}

function replay(page: Page, action: Captured): Promise<APIResponse> {
  const pick = ["next-action", "next-router-state-tree", "content-type", "accept", "origin"];
  const headers = Object.fromEntries(pick.filter((h) => action.headers[h]).map((h) => [h, action.headers[h]!]));
  return page.request.post(action.url, { headers, data: action.body, maxRedirects: 0 });
}

test("a doctor reaches no other doctor's patient, motif or settings, by URL or by replaying an action", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await signedInPage(browser, baseURL, FIXTURES.settingsOtherDoctor.email, uniqueClientIp(), { land: false });
  const intruder = await signedInPage(browser, baseURL, FIXTURES.patientsDoctor.email, uniqueClientIp(), { land: false });

  // The owner's patient and a motif of hers.
  await owner.goto("/patients?q=Gardée");
  const href = await owner.getByRole("link", { name: /GARDÉE Eva/ }).getAttribute("href");
  const patientId = href!.split("/")[2]!;
  await owner.goto("/agenda/parametres");
  const form = owner.getByRole("form", { name: "Créer le motif" });
  await form.getByLabel("Libellé").fill("Motif gardé");
  await form.getByRole("button", { name: "Créer le motif" }).click();
  await expect(owner.getByRole("list", { name: /Motifs/ })).toContainText("Motif gardé");

  // The owner's own requests: delete that motif, rename that patient.
  const deleteMotif = await captureAction(owner, async () => {
    await owner.getByRole("button", { name: "Supprimer « Motif gardé »" }).click();
    await owner.getByRole("button", { name: "Confirmer la suppression" }).click();
  });
  await owner.goto(`/patients/${patientId}/modifier`);
  const renamePatient = await captureAction(owner, async () => {
    await owner.getByLabel("Prénom").fill("Usurpée");
    await owner.getByRole("button", { name: "Enregistrer le dossier" }).click();
  });

  // The intruder: 404 by URL, « introuvable » by action, and nothing changed.
  for (const path of [`/patients/${patientId}`, `/patients/${patientId}/modifier`]) {
    expect((await intruder.goto(path))?.status(), path).toBe(404);
  }
  const motifAnswer = await replay(intruder, deleteMotif);
  expect(motifAnswer.status()).toBe(200);
  expect(await motifAnswer.text()).toContain("Ce motif est introuvable.");
  const patientAnswer = await replay(intruder, renamePatient);
  expect(await patientAnswer.text()).toContain("Ce dossier patient est introuvable.");
  await intruder.goto("/agenda/parametres");
  await expect(intruder.getByText("Motif gardé")).toHaveCount(0);

  await owner.goto("/agenda/parametres");
  await expect(owner.getByRole("list", { name: /Motifs/ })).toContainText("Motif gardé");
  await owner.goto(`/patients/${patientId}`);
  await expect(owner.getByRole("heading", { level: 1 })).toContainText("Eva GARDÉE");
  await owner.context().close();
  await intruder.context().close();
});
