import { expect, test } from "@playwright/test";
import { matriculeFor } from "@/lib/patients/matricule";
import { FIXTURES } from "./fixtures/accounts";
import { signedInPage, uniqueClientIp } from "./support/auth";

// Patient files (issue 17): a new file refused for bad input and for a matricule already on file
// (with a link to that file), saved without a matricule, corrected, then archived and found again
// only with « Afficher les archivés ».

const DOCTOR = FIXTURES.patientsDoctor;
const TAKEN = matriculeFor("1979-11-23", 100); // Marc Duplicat's, as the fixtures store it

test("create a patient, a duplicate matricule refused with a link, edit, archive", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, baseURL, DOCTOR.email, uniqueClientIp(), { land: false });
  // Letters only (a name has no digits), unique per run.
  const lastName = `Essai${Date.now()
    .toString(36)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
  await page.goto("/patients");
  await page.getByRole("link", { name: "Nouveau patient" }).click();
  await expect(page.getByRole("heading", { name: "Nouveau patient", level: 1 })).toBeVisible();

  // Bad input: every message at once, the first field at fault focused.
  await page.getByLabel("Nom", { exact: true }).fill(lastName);
  await page.getByLabel("Prénom").fill("Zoé");
  await page.getByLabel("Date de naissance (JJ/MM/AAAA)").fill("31/02/1990");
  await page.getByLabel("Matricule (13 chiffres)").fill("1990 0231 123 45");
  await page.getByLabel("Téléphone (facultatif)").fill("12");
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByText("Saisissez une date de naissance au format JJ/MM/AAAA, qui ne soit pas dans le futur.")).toBeVisible();
  await expect(page.getByText(/Ce matricule n'est pas valide/)).toBeVisible();
  await expect(page.getByText(/Numéro de téléphone non valide/)).toBeVisible();
  await expect(page.getByLabel("Date de naissance (JJ/MM/AAAA)")).toBeFocused();

  // Marc Duplicat's matricule: refused, with his file one click away.
  await page.getByLabel("Date de naissance (JJ/MM/AAAA)").fill("23/11/1979");
  await page.getByLabel("Matricule (13 chiffres)").fill(TAKEN);
  await page.getByLabel("Téléphone (facultatif)").fill("621123456");
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByText("Un patient du cabinet a déjà ce matricule : ouvrez son dossier plutôt que d'en créer un second.")).toBeVisible();
  const existing = page.getByRole("link", { name: "Ouvrir le dossier existant" });
  await expect(existing).toHaveAttribute("href", /^\/patients\/[0-9a-f-]{36}$/);
  const existingHref = (await existing.getAttribute("href"))!;

  // No matricule: the reason is asked for, then the file is saved.
  await page.getByLabel("Pas de matricule luxembourgeois").check();
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByText("Sans matricule, indiquez pourquoi.")).toBeVisible();
  await page.getByLabel("Raison").selectOption({ label: "Assuré à l'étranger" });
  await page.getByLabel("Autre identifiant (facultatif)").fill("CEAM 80250 0001");
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByText("Dossier patient créé.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Zoé ${lastName.toUpperCase()}`);
  await expect(page.getByText("621 123 456")).toBeVisible();
  await expect(page.getByText("aucun — assuré à l'étranger")).toBeVisible();
  await expect(page.getByTestId("file-authors")).toContainText(`Créé par Dr Test patients (médecin) le`);
  await expect(page.getByText("Aucun rendez-vous à venir.")).toBeVisible();
  const fileUrl = page.url().split("?")[0]!;
  expect(fileUrl).not.toContain(existingHref);

  // Correct the phone.
  await page.getByRole("link", { name: "Modifier", exact: true }).click();
  await expect(page.getByLabel("Date de naissance (JJ/MM/AAAA)")).toHaveValue("23/11/1979");
  await expect(page.getByLabel("Pas de matricule luxembourgeois")).toBeChecked();
  await page.getByLabel("Téléphone (facultatif)").fill("+33 6 12 34 56 78");
  await page.getByRole("button", { name: "Enregistrer le dossier" }).click();
  await expect(page.getByText("Dossier patient enregistré.")).toBeVisible();
  await expect(page.getByText("+33 6 12 34 56 78")).toBeVisible();
  await expect(page.getByTestId("file-authors")).toContainText("Modifié par Dr Test patients (médecin) le");

  // Archive: gone from the search, back with « Afficher les archivés ».
  await page.getByRole("button", { name: "Archiver le dossier" }).click();
  await expect(page.getByRole("button", { name: "Confirmer : archiver" })).toBeFocused();
  await page.getByRole("button", { name: "Confirmer : archiver" }).click();
  await expect(page.getByText("Dossier archivé : il n'apparaît plus dans les recherches de l'agenda.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Archivée");
  await page.goto(`/patients?q=${lastName}`);
  await expect(page.getByText("Aucun patient ne correspond à cette recherche.")).toBeVisible();
  await page.getByLabel("Afficher les archivés").check();
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("link", { name: new RegExp(lastName, "i") })).toBeVisible();
  await expect(page.getByText("Archivé", { exact: true })).toBeVisible();
  await page.context().close();
});
