import type { APIRequestContext, APIResponse, Browser, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/signed-in";
import { transparentSignaturePng } from "@/tests/support/signature-images";
import { FIXTURES } from "./fixtures/accounts";
import { hiddenFieldsOfFormWith } from "@/tests/support/html-forms";
import { PASSWORD, signInOverHttp, uniqueClientIp } from "./support/auth";
import { mailsTo } from "./support/mailbox";
import { card, profilePage } from "./support/profile";

// Only the doctor edits the profile. Each write the doctor's page can send is captured (and kept
// from reaching the server), then sent as is with a secretary's and a patient's cookies: both are
// turned away and nothing changes. Sent once more by the doctor, the same request does change the
// profile, which proves the replay itself works.

type Captured = { url: string; headers: Record<string, string>; body: Buffer };
const ON_PROFILE = /\/profile(\?[^#]*)?$/;

async function captureAction(page: Page, trigger: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  await page.route(ON_PROFILE, async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
    captured = { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await trigger();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute(ON_PROFILE);
  // The aborted request leaves the page on its error screen: start the next capture afresh.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Profil du praticien" })).toBeVisible();
  return captured!;
}

/**
 * Ticks a box that saves itself on change. Not check(): it waits for the navigations it caused,
 * and the save it sends is aborted here on purpose, which can leave it waiting for good.
 */
async function tick(box: Locator) {
  await expect(box).toBeEnabled(); // enabled once React owns the page
  await box.dispatchEvent("click");
}

function replay(request: APIRequestContext, action: Captured): Promise<APIResponse> {
  const pick = ["next-action", "next-router-state-tree", "content-type", "accept", "origin"];
  const headers = Object.fromEntries(pick.filter((h) => action.headers[h]).map((h) => [h, action.headers[h]!]));
  return request.post(action.url, { headers, data: action.body, maxRedirects: 0 });
}

/**
 * Where the caller was sent: a server action's guard answers with the redirect in a header
 * (« /dashboard;push »); the proxy turns a patient away before any action with a 303.
 */
function redirectedTo(response: APIResponse): string {
  const h = response.headers();
  if (h["x-action-redirect"]) return h["x-action-redirect"].split(";")[0]!;
  if (response.status() === 303 && h.location) return new URL(h.location, "http://x").pathname;
  return `(no redirect, status ${response.status()})`;
}

/**
 * The profile secretary, signed in and working for Dr Test profile-guarded: a page of its own
 * context, on nothing yet. Her sign-in and her choice of doctor are posted over HTTP as a browser
 * without JavaScript posts them (neither is what these tests look at), into the context's cookies.
 */
async function secretaryForGuardedDoctor(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() })).newPage();
  await signInOverHttp(page.request, FIXTURES.profileSecretary.email);
  const picker = await page.request.get("/secretariat");
  const chosen = await page.request.post("/secretariat", {
    multipart: hiddenFieldsOfFormWith(await picker.text(), "Dr Test profile-guarded"),
    headers: { origin: new URL(picker.url()).origin },
    maxRedirects: 0,
  });
  expect(chosen.status(), "the doctor chosen").toBe(303);
  expect(new URL(chosen.headers()["location"]!, picker.url()).pathname).toBe("/dashboard");
  return page;
}

test("a secretary sees the doctor's details and stamp read only, and no signature, bank, payment, eSanté or account security section", async ({
  browser,
  baseURL,
}) => {
  const secretary = await secretaryForGuardedDoctor(browser, baseURL);
  await secretary.goto("/profile");
  await expect(secretary.getByText("Consultation seule : seul le médecin peut modifier son profil.")).toBeVisible();
  await expect(card(secretary, "Coordonnées")).toContainText("Dr Test profile-guarded");
  await expect(secretary.getByTestId("stamp-preview")).toBeVisible();
  for (const title of ["Signature", "Coordonnées bancaires", "Paiements et services externes", "eSanté", "Courriel", "Sécurité du compte"]) {
    await expect(secretary.getByRole("heading", { name: title, exact: true })).toHaveCount(0);
  }
  await expect(secretary.getByRole("link", { name: "Gérer la double authentification" })).toHaveCount(0);
  await expect(secretary.locator("main").getByRole("textbox")).toHaveCount(0);
  await expect(secretary.locator("main").getByRole("button")).toHaveCount(0);
  await expect(secretary.locator("main").getByRole("checkbox")).toHaveCount(0);
  await secretary.context().close();
});

test("a secretary and a patient are refused every profile write, by any action or URL", async ({
  browser,
  baseURL,
  request,
  patientPage: patient,
}) => {
  // Dozens of replayed requests: room for a slow, busy machine.
  test.setTimeout(240_000);
  const doctor = await profilePage(browser, baseURL, FIXTURES.profileGuarded.email);
  const secretary = await secretaryForGuardedDoctor(browser, baseURL);
  const others = [
    ["secretary", secretary.request, "/dashboard"],
    ["patient", patient.request, "/patient"],
  ] as const;

  /** Each of `actions` sent by the secretary and the patient: both are sent to their home page. */
  async function refusedToOthers(actions: Record<string, Captured>) {
    for (const [who, request, home] of others) {
      for (const [name, action] of Object.entries(actions)) {
        const response = await replay(request, action);
        expect(redirectedTo(response), `${who} ${name}`).toBe(home);
      }
    }
  }

  // A signature to try to delete, uploaded for real.
  const signatureCard = card(doctor, "Signature");
  await signatureCard.locator('input[type="file"]').setInputFiles({ name: "s.png", mimeType: "image/png", buffer: await transparentSignaturePng() });
  await signatureCard.getByRole("button", { name: "Téléverser" }).click();
  await expect(signatureCard.getByTestId("signature-preview")).toBeVisible();

  const details = card(doctor, "Coordonnées");
  const bank = card(doctor, "Coordonnées bancaires");
  const payments = card(doctor, "Paiements et services externes");
  const esante = card(doctor, "eSanté");
  const email = card(doctor, "Courriel");
  const secretaries = card(doctor, "Secrétariat");
  const detachable = FIXTURES.profileSecretaryDetachable;
  const newEmail = "profile-guarded-nouvelle@e2e.doctipro.lu";
  // The fixture doctor starts linked to eSanté, with two secretaries.
  await expect(esante).toContainText("eSanté connecté");
  await expect(secretaries).toContainText(detachable.email);
  const actions: Record<string, Captured> = {
    details: await captureAction(doctor, async () => {
      await details.getByLabel("Prénom").fill("Usurpé");
      await details.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
    }),
    bank: await captureAction(doctor, async () => {
      await bank.getByLabel("IBAN").fill("LU28 0019 4006 4475 0000");
      await bank.getByLabel("Titulaire du compte").fill("Compte usurpé");
      await bank.getByRole("button", { name: "Enregistrer l'IBAN" }).click();
    }),
    payconiq: await captureAction(doctor, async () => {
      await payments.getByLabel("ID Marchand Payconiq").fill("5c8a7b2e9f1d4a0012ab34cd");
      await payments.getByRole("button", { name: "Enregistrer l'ID Marchand" }).click();
    }),
    stamp: await captureAction(doctor, () => tick(card(doctor, "Cachet").getByLabel("Afficher sur les documents"))),
    signatureShown: await captureAction(doctor, () => tick(signatureCard.getByLabel("Afficher sur les documents"))),
    deleteSignature: await captureAction(doctor, () => signatureCard.getByRole("button", { name: "Supprimer la signature" }).click()),
    esanteUnlink: await captureAction(doctor, () => esante.getByRole("button", { name: "Déconnecter" }).click()),
    // « Détacher » asks first (second review): the action is posted once it is confirmed.
    detachSecretary: await captureAction(doctor, async () => {
      await secretaries.getByRole("button", { name: `Détacher Test ${detachable.lastName}` }).click();
      await doctor
        .getByRole("dialog", { name: `Détacher Test ${detachable.lastName} ?` })
        .getByRole("button", { name: "Détacher" })
        .click();
    }),
    email: await captureAction(doctor, async () => {
      await email.getByRole("button", { name: "Changer d'adresse" }).click();
      await email.getByLabel("Nouvelle adresse").fill(newEmail);
      await email.getByLabel("Votre mot de passe").fill(PASSWORD);
      await email.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
    }),
  };

  await refusedToOthers(actions);
  for (const [who, client, home] of others) {
    // The route handlers: upload, the signature image, the eSanté answer.
    const upload = await client.post("/profile/signature", { data: await transparentSignaturePng(40, 20), maxRedirects: 0 });
    expect([303, 307], `${who} upload`).toContain(upload.status());
    expect(upload.headers()["location"]).toContain(home);
    const image = await client.get("/profile/signature", { maxRedirects: 0 });
    expect([303, 307], `${who} signature image`).toContain(image.status());
    expect(image.headers()["content-type"] ?? "").not.toContain("image/png");
    const callback = await client.get("/profile/esante/retour?code=x&state=y", { maxRedirects: 0 });
    expect([303, 307], `${who} eSanté answer`).toContain(callback.status());
    expect(callback.headers()["location"]).toContain(home);
  }

  // Nothing changed.
  await doctor.reload();
  await expect(details.getByLabel("Prénom")).toHaveValue("Test");
  await expect(bank.getByTestId("saved-iban")).toHaveCount(0);
  await expect(payments.getByLabel("ID Marchand Payconiq")).toHaveValue("");
  await expect(card(doctor, "Cachet").getByLabel("Afficher sur les documents")).not.toBeChecked();
  await expect(signatureCard.getByLabel("Afficher sur les documents")).not.toBeChecked();
  await expect(signatureCard.getByText("600 × 200 pixels · fond transparent")).toBeVisible();
  expect((await doctor.request.get("/profile/signature")).status()).toBe(200);
  await expect(esante).toContainText("eSanté connecté");
  await expect(esante).toContainText("lt-profile-guarded");
  await expect(secretaries).toContainText(detachable.email);
  await expect(secretaries).toContainText(FIXTURES.profileSecretary.email);
  expect(await mailsTo(request, newEmail)).toEqual([]);

  // The same requests from the doctor do change the profile.
  for (const name of ["details", "bank", "payconiq", "stamp", "esanteUnlink", "detachSecretary"]) {
    const response = await replay(doctor.request, actions[name]!);
    expect(response.status(), `doctor ${name}`).toBe(200);
    expect(response.headers()["x-action-redirect"], `doctor ${name}`).toBeUndefined();
  }
  await doctor.reload();
  await expect(details.getByLabel("Prénom")).toHaveValue("Usurpé");
  await expect(bank.getByTestId("saved-iban")).toHaveText("LU28 0019 4006 4475 0000");
  await expect(payments.getByLabel("ID Marchand Payconiq")).toHaveValue("5c8a7b2e9f1d4a0012ab34cd");
  await expect(card(doctor, "Cachet").getByLabel("Afficher sur les documents")).toBeChecked();
  await expect(esante).toContainText("eSanté non connecté");
  await expect(secretaries).not.toContainText(detachable.email);
  await expect(secretaries).toContainText(FIXTURES.profileSecretary.email);

  // « Connecter via LuxTrust » only shows once unlinked: captured now, refused to the others too,
  // and from the doctor it leads to the eSanté provider.
  const connect = await captureAction(doctor, () => esante.getByRole("button", { name: "Connecter via LuxTrust" }).click());
  await refusedToOthers({ esanteConnect: connect });
  expect((await replay(doctor.request, connect)).headers()["x-action-redirect"]).toMatch(/^http:\/\/localhost:\d+\/auth\?/);

  for (const page of [doctor, secretary, patient]) await page.context().close();
});
