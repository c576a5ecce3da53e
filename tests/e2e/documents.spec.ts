import type { Browser, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/signed-in";
import fs from "node:fs/promises";
import { payconiqPaymentLink } from "@/lib/payments/payconiq";
import { decodeQr, readPdf } from "@/tests/support/pdf-reading";
import { transparentSignaturePng } from "@/tests/support/signature-images";
import { FIXTURES } from "./fixtures/accounts";
import { alertOf, signedInPage, uniqueClientIp } from "./support/auth";
import { expectNoHorizontalOverflow, expectWithinWidth } from "./support/layout";

// Documents from the patient page (issue 6): each kind created, listed and downloaded as a PDF read
// back here; a secretary's limits (fee notes only, never the signature), a patient's (nothing),
// and another doctor's ids leading to 404.

const DOCTOR = FIXTURES.docsDoctor;
const YEAR = new Date().getFullYear();
const NUMBER = new RegExp(`^${YEAR}-\\d{6}$`);
const SIGNATURE = { width: 600, height: 200 };
// As a document carries it: fitted into its box at 200 dpi, the number across it (decision 0030).
const PRINTED_SIGNATURE = { width: 472, height: 157 };

async function doctorPage(browser: Browser, baseURL: string | undefined, email: string = DOCTOR.email) {
  return signedInPage(browser, baseURL, email, uniqueClientIp(), { land: false });
}

async function secretaryPage(browser: Browser, baseURL: string | undefined) {
  const page = await signedInPage(browser, baseURL, FIXTURES.docsSecretary.email, uniqueClientIp());
  await page.getByRole("button", { name: /Dr Test documents/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/** The patient list searched for `lastName` (the search is not what these tests look at), then the file. */
async function openPatient(page: Page, lastName: string) {
  await page.goto(`/patients?q=${encodeURIComponent(lastName)}`);
  await expect(page.getByRole("heading", { name: new RegExp(`1 patient pour « ${lastName} »`) })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(lastName, "i") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(lastName.toUpperCase());
}

function rows(page: Page): Locator {
  return page.getByTestId("document-row");
}

function rowOf(page: Page, number: string): Locator {
  return page.locator(`[data-testid="document-row"][data-number="${number}"]`);
}

/** After « Établir … »: the notice, then the new row's id and number. */
async function issued(page: Page, label: RegExp) {
  await expect(page).toHaveURL(/\?document=/);
  const notice = page.getByRole("status").filter({ hasText: label });
  await expect(notice).toBeVisible();
  const href = await notice.getByRole("link", { name: "Ouvrir le PDF" }).getAttribute("href");
  const id = href!.split("/")[2]!;
  const number = (await notice.locator("strong").textContent())!.match(/n° (\S+)/)![1]!;
  expect(number).toMatch(NUMBER);
  return { id, number };
}

async function pdfOf(page: Page, id: string) {
  const response = await page.request.get(`/documents/${id}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  // Chrome's viewer is an <embed>: the pages' « object-src 'none' » would block it.
  expect(response.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  return readPdf(await response.body());
}

test("the doctor creates, lists and downloads a prescription, a certificate and a fee note", { tag: "@embedded" }, async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const page = await doctorPage(browser, baseURL);
  // A signature to apply (the profile's box is ticked in the fixture).
  const upload = await page.request.post("/profile/signature", {
    data: await transparentSignaturePng(SIGNATURE.width, SIGNATURE.height),
    headers: { "Content-Type": "image/png" },
  });
  expect(upload.status()).toBe(200);
  await openPatient(page, "Wagner");
  await expect(page.getByText("Aucun document pour ce patient pour l'instant.")).toBeVisible();

  // Ordonnance.
  const tabs = page.getByRole("tablist", { name: "Type de document" });
  await expect(tabs.getByRole("tab")).toHaveText(["Ordonnance", "Attestation", "Mémoire d'honoraires"]);
  await page.getByLabel("Médicament 1", { exact: true }).fill("Amoxicilline 1 g");
  await page.getByLabel("Posologie du médicament 1").fill("1 comprimé 3 fois par jour pendant 7 jours");
  await page.getByRole("button", { name: "Ajouter un médicament" }).click();
  await page.getByLabel("Médicament 2", { exact: true }).fill("Paracétamol 1 g");
  await page.getByRole("button", { name: "Établir l'ordonnance" }).click();
  const prescription = await issued(page, /Ordonnance n° .* établie/);
  // Downloaded as a file, named after it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("status").getByRole("link", { name: "Télécharger" }).click()]);
  expect(download.suggestedFilename()).toBe(`ordonnance-${prescription.number}.pdf`);
  const rx = await readPdf(await fs.readFile((await download.path())!));
  for (const text of ["Dr Test documents", "ORDONNANCE", `N° ${prescription.number}`, "Nora Wagner", "Amoxicilline 1 g", "Paracétamol 1 g"])
    expect(rx.text).toContain(text);
  expect(rx.pages[0]!.images.filter((i) => i.pixelWidth === PRINTED_SIGNATURE.width && i.pixelHeight === PRINTED_SIGNATURE.height)).toHaveLength(1);
  expect(rx.pages[0]!.images).toHaveLength(1); // the signature; the stamp is drawn as text
  expect(rx.pages[0]!.texts.filter((t) => t === "Dr Test documents")).toHaveLength(2); // header and stamp

  // Attestation.
  await tabs.getByRole("tab", { name: "Attestation" }).click();
  await page.getByLabel("Type d'attestation").selectOption({ label: "Certificat d'incapacité de travail" });
  await page.getByLabel("Au (dernier jour inclus)").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel(/^Texte/).fill("Sorties autorisées.");
  await page.getByRole("button", { name: "Établir l'attestation" }).click();
  const certificate = await issued(page, /Attestation n° .* établie/);
  const cert = await pdfOf(page, certificate.id);
  for (const text of ["ATTESTATION", "Certificat d'incapacité de travail", `N° ${certificate.number}`, "Sorties autorisées."])
    expect(cert.text).toContain(text);

  // Mémoire d'honoraires: the total as typed, then the QR code for it.
  await tabs.getByRole("tab", { name: "Mémoire d'honoraires" }).click();
  await page.getByLabel("Code de l'acte 1").fill("C1");
  await page.getByLabel("Libellé de l'acte 1").fill("Consultation");
  await page.getByLabel("Prix unitaire de l'acte 1 en euros").fill("54,80");
  await page.getByRole("button", { name: "Ajouter un acte" }).click();
  await page.getByLabel("Code de l'acte 2").fill("v12");
  await page.getByLabel("Libellé de l'acte 2").fill("Électrocardiogramme");
  await page.getByLabel("Quantité de l'acte 2").fill("2");
  await page.getByLabel("Prix unitaire de l'acte 2 en euros").fill("18,75");
  await expect(page.getByTestId("fee-total")).toHaveText("92,30\u00a0€");
  await page.getByRole("button", { name: "Établir le mémoire d'honoraires" }).click();
  const fee = await issued(page, /Mémoire d'honoraires n° .* établi/);
  const note = await pdfOf(page, fee.id);
  for (const text of ["MÉMOIRE D'HONORAIRES", `N° ${fee.number}`, "Nora Wagner", "V12", "92,30\u00a0€", "IBAN LU98 0019 4006 4475 0001"])
    expect(note.text).toContain(text);
  const qr = note.pages[0]!.images.map(decodeQr).filter(Boolean);
  expect(qr).toEqual([
    payconiqPaymentLink("5c8a7b2e9f1d4a0012ab34cd", { amountCents: 9230, reference: fee.number, description: "Mémoire d'honoraires" }),
  ]);

  // The list: newest first, consecutive numbers.
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(0)).toContainText("Mémoire d'honoraires");
  await expect(rows(page).nth(0)).toContainText("À payer");
  await expect(rows(page).nth(1)).toContainText("Attestation");
  await expect(rows(page).nth(2)).toContainText("Amoxicilline 1 g et 1 autre");
  await expect(rows(page).nth(2)).toContainText("Signé par le médecin");
  // Increasing numbers. (Other tests issue this doctor's fee notes at the same time, so they need
  // not be consecutive here; no gap and no duplicate under concurrency is the unit tests' proof.)
  const sequences = [prescription, certificate, fee].map((d) => Number(d.number.slice(5)));
  expect(sequences[1]).toBeGreaterThan(sequences[0]!);
  expect(sequences[2]).toBeGreaterThan(sequences[1]!);
  await page.context().close();
});

test("a correction cancels the old document, which stays listed as « Annulé »", { tag: "@embedded" }, async ({ browser, baseURL }) => {
  const page = await doctorPage(browser, baseURL);
  await openPatient(page, "Thill");
  await page.getByRole("tab", { name: "Mémoire d'honoraires" }).click();
  await page.getByLabel("Code de l'acte 1").fill("C1");
  await page.getByLabel("Libellé de l'acte 1").fill("Consultation");
  await page.getByLabel("Prix unitaire de l'acte 1 en euros").fill("45,80");
  await page.getByRole("button", { name: "Établir le mémoire d'honoraires" }).click();
  const first = await issued(page, /Mémoire d'honoraires/);

  await rowOf(page, first.number)
    .getByRole("link", { name: /Corriger/ })
    .click();
  await expect(page.getByRole("heading", { name: `Corriger le document n° ${first.number}` })).toBeVisible();
  await expect(page.getByRole("tab")).toHaveText(["Mémoire d'honoraires"]);
  await expect(page.getByLabel("Prix unitaire de l'acte 1 en euros")).toHaveValue("45,80");
  await page.getByLabel("Prix unitaire de l'acte 1 en euros").fill("54,80");
  await page.getByLabel("Acquittée (déjà payée)").check();
  await page.getByRole("button", { name: `Établir la correction (annule le n° ${first.number})` }).click();
  const fix = await issued(page, /Mémoire d'honoraires/);

  await expect(rows(page)).toHaveCount(2);
  const old = rowOf(page, first.number);
  await expect(old).toContainText(`Annulé — remplacé par n° ${fix.number}`);
  await expect(old.getByRole("link", { name: /Corriger/ })).toHaveCount(0);
  await expect(rowOf(page, fix.number)).toContainText(`Annule et remplace n° ${first.number}`);
  await expect(rowOf(page, fix.number)).toContainText("Acquittée");
  const oldPdf = await pdfOf(page, first.id);
  expect(oldPdf.text).toContain("ANNULÉ");
  expect(oldPdf.pages[0]!.images.map(decodeQr).filter(Boolean)).toEqual([]);
  await page.context().close();
});

test("a medicine typed as one 120-character word wraps in the list; the PDF links stay on screen", async ({ browser, baseURL }) => {
  const word = "Dihydroergotamine".repeat(8).slice(0, 120);
  const page = await doctorPage(browser, baseURL);
  await openPatient(page, "Kremer");
  await page.getByLabel("Médicament 1", { exact: true }).fill(word);
  await page.getByRole("button", { name: "Établir l'ordonnance" }).click();
  const { number } = await issued(page, /Ordonnance/);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.reload();
    const row = rowOf(page, number);
    // Clamped to two lines, the whole name in the title.
    await expect(row.getByTitle(word)).toBeVisible();
    await expectNoHorizontalOverflow(page);
    const card = page.locator("#documents");
    for (const link of ["Ouvrir", "Télécharger", "Corriger"]) await expectWithinWidth(row.getByRole("link", { name: new RegExp(`^${link}`) }), card);
  }
  await page.context().close();
});

test("bad input is refused with a message next to the field, and nothing is created", async ({ browser, baseURL }) => {
  const page = await doctorPage(browser, baseURL);
  await openPatient(page, "Hansen");
  await page.getByRole("tab", { name: "Mémoire d'honoraires" }).click();
  await page.getByLabel("Code de l'acte 1").fill("C1");
  await page.getByLabel("Libellé de l'acte 1").fill("Consultation\u202E08,45");
  await page.getByLabel("Quantité de l'acte 1").fill("-1");
  await page.getByLabel("Prix unitaire de l'acte 1 en euros").fill("54,805");
  await page.getByRole("button", { name: "Établir le mémoire d'honoraires" }).click();
  await expect(page.getByText("Le montant a deux décimales au plus (ex. 54,80).")).toBeVisible();
  await expect(page.getByText("La quantité ne peut pas être négative.")).toBeVisible();
  await expect(page.getByText(/caractère invisible qui modifie son affichage \(U\+202E\)/)).toBeVisible();
  await expect(page.getByLabel("Prix unitaire de l'acte 1 en euros")).toHaveAttribute("aria-invalid", "true");
  await expect(alertOf(page).filter({ hasText: "Corrigez les champs signalés." })).toBeVisible();
  // What was typed stays; nothing was issued.
  await expect(page.getByLabel("Prix unitaire de l'acte 1 en euros")).toHaveValue("54,805");
  await page.reload();
  await expect(page.getByText("Aucun document pour ce patient pour l'instant.")).toBeVisible();
  await page.context().close();
});

test("a secretary prepares and prints fee notes only, never signed, and sees no prescription", async ({ browser, baseURL }) => {
  test.slow();
  // The doctor's prescription for the patient, which the secretary must not reach.
  const doctor = await doctorPage(browser, baseURL);
  await openPatient(doctor, "Reuter");
  await doctor.getByLabel("Médicament 1", { exact: true }).fill("Ibuprofène 400 mg");
  await doctor.getByRole("button", { name: "Établir l'ordonnance" }).click();
  const prescription = await issued(doctor, /Ordonnance/);
  await doctor.context().close();

  const page = await secretaryPage(browser, baseURL);
  await openPatient(page, "Reuter");
  await expect(page.getByRole("tab")).toHaveText(["Mémoire d'honoraires"]);
  await expect(page.getByText("ordonnances et attestations sont établies par le médecin")).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  await page.getByLabel("Code de l'acte 1").fill("C1");
  await page.getByLabel("Libellé de l'acte 1").fill("Consultation");
  await page.getByLabel("Prix unitaire de l'acte 1 en euros").fill("54,80");
  await page.getByRole("button", { name: "Établir le mémoire d'honoraires" }).click();
  const fee = await issued(page, /Mémoire d'honoraires/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("Préparé par le secrétariat");
  const note = await pdfOf(page, fee.id);
  expect(note.text).toContain(`N° ${fee.number}`);
  // Stamp and QR code; the signature (ticked in the profile) is not applied.
  expect(note.pages[0]!.images.filter((i) => i.pixelWidth === PRINTED_SIGNATURE.width && i.pixelHeight === PRINTED_SIGNATURE.height)).toHaveLength(0);
  expect(note.pages[0]!.texts.filter((t) => t === "Dr Test documents")).toHaveLength(2); // header and stamp
  expect(note.pages[0]!.images.map(decodeQr).filter(Boolean)).toHaveLength(1);
  expect((await page.request.get(`/documents/${prescription.id}/pdf`)).status()).toBe(404);
  await page.context().close();
});

test("another doctor's patient or document, or a forged id, is a 404; a patient gets nothing", async ({ browser, baseURL, patientPage: patient }) => {
  const doctor = await doctorPage(browser, baseURL);
  await openPatient(doctor, "Schroeder");
  const patientUrl = new URL(doctor.url()).pathname;
  await doctor.getByLabel("Médicament 1", { exact: true }).fill("Doliprane 500 mg");
  await doctor.getByRole("button", { name: "Établir l'ordonnance" }).click();
  const href = `/documents/${(await issued(doctor, /Ordonnance/)).id}/pdf`;
  expect((await doctor.request.get(href)).status()).toBe(200);
  await doctor.context().close();

  const other = await doctorPage(browser, baseURL, FIXTURES.docsOtherDoctor.email);
  expect((await other.request.get(href)).status()).toBe(404);
  expect((await other.request.get("/documents/00000000-0000-4000-8000-000000000000/pdf")).status()).toBe(404);
  expect((await other.request.get("/documents/..%2F..%2Fetc/pdf")).status()).toBe(404);
  const response = await other.goto(patientUrl);
  expect(response!.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await other.goto("/patients");
  await expect(other.getByRole("link", { name: /SCHROEDER/ })).toHaveCount(0);
  await other.context().close();

  for (const path of ["/patients", patientUrl, href]) {
    const answer = await patient.request.get(path, { maxRedirects: 0 });
    expect(answer.status(), path).toBe(303);
    expect(answer.headers().location, path).toMatch(/\/patient$/);
  }
  await patient.goto("/patients");
  await expect(patient).toHaveURL(/\/patient$/);
  await expect(patient.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Patients" })).toHaveCount(0);
});
