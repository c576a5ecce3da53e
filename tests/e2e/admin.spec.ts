import type { Page } from "@playwright/test";
import { expect, storedSessionPage, test, STORED_ACCOUNT } from "./fixtures/signed-in";
import { hiddenFieldsOfFormWith } from "@/tests/support/html-forms";
import { FIXTURES } from "./fixtures/accounts";
import { alertOf, signedInPage, signIn, submitSignIn, ownClientIpPerTest, uniqueClientIp } from "./support/auth";
import { waitForMail } from "./support/mailbox";

test.use(ownClientIpPerTest);

/** Support opens a user's page from the search. */
async function openUser(page: Page, email: string) {
  await page.goto(`/admin?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await expect(page).toHaveURL(/\/admin\/utilisateurs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "État du compte" })).toBeVisible();
}

/** Fills the reason of the support action form titled `title` and submits it. */
async function supportAction(page: Page, title: string, reason: string) {
  const form = page.getByRole("form", { name: title });
  await form.getByLabel(/^Raison .*\(journal d'audit\)$/).fill(reason);
  await form.getByRole("button").first().click();
  // An action that cannot be undone asks first: the dialog says what will happen.
  const ask = page.getByRole("dialog");
  if (await ask.isVisible()) await ask.getByRole("button").last().click();
  return form;
}

/** Support's confirmation of the last action, kept above the actions once its form is gone. */
const outcome = (page: Page) => page.getByRole("status").first();

/**
 * The rows of the doctor's « Historique de connexion » made through a secretary from `ip`, once the
 * history is filtered on « Via secrétariat » (other tests sign the same doctor in directly).
 */
async function viaSecretaryRows(doctor: Page, ip: string) {
  await doctor.goto("/dashboard?mode=secretariat");
  await expect(doctor.getByRole("heading", { name: "Historique de connexion" })).toBeVisible();
  return doctor.locator("#historique tbody tr").filter({ hasText: ip });
}

test("a secretary's day: pick a doctor, switch, and lose access when a doctor detaches her", async ({ browser, baseURL }) => {
  // Three people signed in side by side: room for a busy machine.
  test.slow();
  const secretaryIp = uniqueClientIp();
  const ip = secretaryIp["X-Forwarded-For"]!;
  const secretary = await signedInPage(browser, baseURL, FIXTURES.daySecretary.email, secretaryIp);
  await secretary.getByRole("button", { name: /Test jourdoca/ }).click();
  await expect(secretary.getByRole("status").filter({ hasText: "Vous travaillez pour Dr Test jourdoca" })).toBeVisible();
  // She never reaches the doctor's security or secretary settings.
  await secretary.goto("/secretaires");
  await expect(secretary).toHaveURL(/\/dashboard$/);

  await secretary.getByRole("link", { name: "changer" }).click();
  await secretary.getByRole("button", { name: /Test jourdocb/ }).click();
  await expect(secretary.getByText("Vous travaillez pour Dr Test jourdocb")).toBeVisible();

  // Each doctor she worked for sees her, in red and by name, in his connection history: doctor A
  // keeps the row of her first pick, and switching wrote a new one in doctor B's.
  const doctorA = await signedInPage(browser, baseURL, FIXTURES.dayDoctorA.email, uniqueClientIp(), { land: false });
  const doctor = await signedInPage(browser, baseURL, FIXTURES.dayDoctorB.email, uniqueClientIp(), { land: false });
  for (const page of [doctorA, doctor]) {
    const row = await viaSecretaryRows(page, ip);
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute("data-mode", "secretary");
    await expect(row).toContainText("Via secrétariat");
    await expect(row).toContainText("Test Secrétaire");
  }
  await doctorA.context().close();

  // Doctor B sees her and detaches her.
  await doctor.getByRole("link", { name: "Mon secrétariat" }).click();
  await expect(doctor.getByText(FIXTURES.daySecretary.email)).toBeVisible();
  await doctor.getByRole("button", { name: "Détacher Test Secrétaire" }).click();
  await doctor.getByRole("dialog", { name: "Détacher Test Secrétaire ?" }).getByRole("button", { name: "Détacher" }).click();
  await expect(doctor.getByText("Aucune secrétaire n'est rattachée à votre cabinet.")).toBeVisible();

  // Her session working for doctor B ended at once.
  await secretary.goto("/dashboard");
  await expect(secretary).toHaveURL(/\/secretary_home$/);
  // Signed in again, only doctor A remains.
  await signIn(secretary, FIXTURES.daySecretary.email);
  await expect(secretary.getByRole("button", { name: /Test jourdoca/ })).toBeVisible();
  await expect(secretary.getByRole("button", { name: /Test jourdocb/ })).toHaveCount(0);
  await secretary.context().close();
  await doctor.context().close();
});

test.describe("support actions, each audited and emailed", () => {
  test.describe.configure({ mode: "serial" });
  let support: Page;

  // The stored support session (decision 0024, rule 1): these tests are about support's actions on
  // other accounts, not about support's sign-in.
  test.beforeAll(async ({ browser }, testInfo) => {
    support = await storedSessionPage(browser, testInfo, "support");
  });
  test.afterAll(async () => support.context().close());

  test("« Débloquer » a blocked account: it can sign in again and is told by email", async ({ page, request }) => {
    const email = FIXTURES.unblockMe.email;
    await submitSignIn(page, "doctor", email);
    await expect(alertOf(page)).toContainText("Votre compte est bloqué");

    await openUser(support, email);
    await expect(support.getByText("Bloqué", { exact: true })).toBeVisible();
    const form = await supportAction(support, "Débloquer", "");
    await expect(form.getByText("Indiquez la raison de cette action (au moins 3 caractères).")).toBeVisible();
    await supportAction(support, "Débloquer", "Appel du Dr, identité vérifiée par rappel");
    await expect(outcome(support)).toContainText("Le compte est débloqué");
    // An active account is offered « Bloquer », no longer « Débloquer ».
    await expect(support.getByRole("form", { name: "Débloquer" })).toHaveCount(0);
    await expect(support.getByRole("form", { name: "Bloquer" })).toBeVisible();
    await waitForMail(request, email, "Votre compte Doctipro est débloqué");

    await signIn(page, email);
  });

  test("« Réinitialiser la 2FA »: the open sessions end, the next sign-in asks no code, and the user is told", async ({ page, request }) => {
    const email = FIXTURES.reset2faByAdmin.email;
    await signIn(page, email);
    await openUser(support, email);
    await supportAction(support, "Réinitialiser la 2FA", "Téléphone perdu, appel vérifié");
    await expect(outcome(support)).toContainText("réinitialisée et 1 session fermée");
    await waitForMail(request, email, "Double authentification réinitialisée");
    // The session opened with the old factor is over.
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/doctor_home$/);
    await submitSignIn(page, "doctor", email);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("« Fermer les sessions » signs the user out everywhere", async ({ browser, baseURL }) => {
    const email = FIXTURES.closeSessionsOf.email;
    const user = await signedInPage(browser, baseURL, email, uniqueClientIp(), { land: false });
    await openUser(support, email);
    await supportAction(support, "Fermer les sessions", "Poste partagé resté connecté");
    await expect(outcome(support)).toContainText("1 session fermée.");
    await expect(support.getByRole("form", { name: "Fermer les sessions" })).toHaveCount(0);
    await user.goto("/patient");
    await expect(user).toHaveURL(/\/patient_home$/);
    await user.context().close();
  });

  test("attach and detach a secretary", async () => {
    await openUser(support, FIXTURES.adminSecretary.email);
    const attach = support.getByRole("form", { name: "Rattacher à un médecin" });
    await attach.getByLabel("Courriel du médecin").fill("personne@e2e.doctipro.lu");
    await supportAction(support, "Rattacher à un médecin", "Nouvelle embauche");
    await expect(attach.getByRole("alert")).toHaveText("Aucun médecin n'a ce courriel.");
    await attach.getByLabel("Courriel du médecin").fill(FIXTURES.dayDoctorA.email);
    await supportAction(support, "Rattacher à un médecin", "Nouvelle embauche");
    await expect(support.getByRole("form", { name: `Dr Test jourdoca (${FIXTURES.dayDoctorA.email})` })).toBeVisible();
    await supportAction(support, `Dr Test jourdoca (${FIXTURES.dayDoctorA.email})`, "Fin de contrat");
    await expect(support.getByText("Aucun médecin rattaché.")).toBeVisible();
  });

  test("create an account: the person chooses the password from the emailed invitation", async ({ page, request }) => {
    const email = `invite-${Date.now()}@e2e.doctipro.lu`;
    await support.goto("/admin/nouveau");
    await support.getByLabel("Type de compte").selectOption("patient");
    await support.getByLabel("Courriel").fill(FIXTURES.totp.email);
    await support.getByLabel("Prénom").fill("Léa");
    await support.getByLabel("Nom", { exact: true }).fill("Muller");
    await support.getByLabel(/^Raison .*\(journal d'audit\)$/).fill("Demande du cabinet Schmit");
    await support.getByRole("button", { name: "Créer et envoyer l'invitation" }).click();
    await expect(alertOf(support)).toHaveText("Un compte existe déjà avec ce courriel.");
    await support.getByLabel("Courriel").fill(email);
    await support.getByRole("button", { name: "Créer et envoyer l'invitation" }).click();
    await expect(support.getByRole("status")).toContainText("une invitation a été envoyée");

    const mail = await waitForMail(request, email, "Votre accès à Doctipro");
    const link = /(\/invitation\?jeton=[\w-]+)/.exec(mail.text)?.[1];
    await page.goto(link!);
    await page.getByLabel("Nouveau mot de passe").fill("tisane de verveine au jardin");
    await page.getByLabel("Confirmez le mot de passe").fill("tisane de verveine au jardin");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await expect(page).toHaveURL(/\/patient_home\?bienvenue=1$/);
    await submitSignIn(page, "patient", email, "tisane de verveine au jardin");
    await expect(page).toHaveURL(/\/patient$/);
    // The link worked once.
    await page.goto(link!);
    await expect(page.getByText("Cette invitation n'est plus valable")).toBeVisible();
  });

  test("the audit journal lists every action with its reason, filters it and exports CSV", async () => {
    await support.getByRole("link", { name: "Journal d'audit" }).click();
    await expect(support.getByRole("cell", { name: "Appel du Dr, identité vérifiée par rappel" })).toBeVisible();
    await support.getByLabel("Action").selectOption("user.close-sessions");
    await support.getByRole("button", { name: "Filtrer" }).click();
    await expect(support.getByRole("cell", { name: "Poste partagé resté connecté" })).toBeVisible();
    await expect(support.getByRole("cell", { name: "Appel du Dr, identité vérifiée par rappel" })).toHaveCount(0);

    const [download] = await Promise.all([support.waitForEvent("download"), support.getByRole("link", { name: "Exporter en CSV" }).click()]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    expect(csv).toContain('"user.close-sessions"');
    // Support's reads are in the journal too: the user pages opened above.
    await support.getByLabel("Action").selectOption("read.user");
    await support.getByRole("button", { name: "Filtrer" }).click();
    await expect(support.getByRole("cell", { name: FIXTURES.closeSessionsOf.email }).first()).toBeVisible();
    expect(csv).toContain(STORED_ACCOUNT.support);
    expect(csv).not.toContain('"user.unblock"');
  });
});

test("support cannot switch off its own 2FA nor reset it from the admin area", async ({ supportPage: page }) => {
  // The stored support session: its own account is the one it looks up.
  await page.goto(`/admin?q=${encodeURIComponent(STORED_ACCOUNT.support)}`);
  await page.getByRole("link", { name: STORED_ACCOUNT.support }).click();
  // Its own page offers nothing that would lock it out: no « Bloquer », no 2FA reset.
  await expect(page.getByRole("heading", { name: "Actions du support" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Bloquer" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Réinitialiser la 2FA" })).toHaveCount(0);
  await page.goto("/securite");
  await expect(page.getByText("La double authentification est obligatoire pour les comptes du support.")).toBeVisible();
});

test("a support action forged with a doctor's cookies is refused: nothing changes, nothing is audited", async ({
  baseURL,
  supportPage: support,
  doctorPage: doctor,
}) => {
  const target = FIXTURES.forgedUnblock.email;
  await openUser(support, target);
  const userPage = new URL(support.url()).pathname;
  await expect(support.getByText("Bloqué", { exact: true })).toBeVisible();

  // « Débloquer » as support's browser sends it, both ways. Without JavaScript: the page's hidden
  // fields carry the server action's id and the target, the reason is what support types.
  const reason = "Je me débloque moi-même";
  const noScript = { ...hiddenFieldsOfFormWith(await (await support.request.get(userPage)).text(), "Débloquer"), reason };
  expect(Object.keys(noScript).some((name) => name.startsWith("$ACTION_"))).toBe(true);
  // With JavaScript: the click's request, captured and kept from the server.
  let fetched: { headers: Record<string, string>; body: Buffer } | null = null;
  await support.route(userPage, async (route) => {
    const headers = await route.request().allHeaders();
    if (route.request().method() !== "POST" || !headers["next-action"]) return route.continue();
    fetched = { headers, body: route.request().postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await supportAction(support, "Débloquer", reason);
  await expect.poll(() => fetched !== null).toBe(true);
  await support.unroute(userPage);
  const { headers: sent, body } = fetched!;
  const headers = Object.fromEntries(["next-action", "next-router-state-tree", "content-type", "accept", "origin"].map((h) => [h, sent[h]!]));

  // Sent with a doctor's cookies (Dr Schmit's stored session), from the site itself: the proxy turns
  // him away from support's page.
  for (const forged of [
    await doctor.request.post(userPage, { multipart: noScript, headers: { origin: baseURL! }, maxRedirects: 0 }),
    await doctor.request.post(userPage, { headers, data: body, maxRedirects: 0 }),
  ]) {
    expect(forged.status()).toBe(303);
    expect(new URL(forged.headers()["location"]!, baseURL).pathname).toBe("/dashboard");
  }
  // Posted to a page of his own instead, past the proxy: the action does not exist there.
  const elsewhere = await doctor.request.post("/dashboard", { multipart: noScript, headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(elsewhere.status()).toBeGreaterThanOrEqual(400);

  // Still blocked, and the journal has no unblocking of it (support's page views are there).
  await support.goto(userPage);
  await expect(support.getByText("Bloqué", { exact: true })).toBeVisible();
  await support.goto(`/admin/journal?action=user.unblock&q=${encodeURIComponent(target)}`);
  await expect(support.getByText("Aucune action enregistrée.")).toBeVisible();

  // The same post with support's cookies unblocks: the refusal was the doctor's cookies' doing.
  expect((await support.request.post(userPage, { multipart: noScript, headers: { origin: baseURL! }, maxRedirects: 0 })).status()).toBe(200);
  await support.goto(userPage);
  await expect(support.getByText("Actif", { exact: true })).toBeVisible();
  await support.goto(`/admin/journal?q=${encodeURIComponent(target)}`);
  await expect(support.getByRole("cell", { name: reason })).toHaveCount(1);
});

test("a doctor cannot reach the admin area or the journal export", async ({ doctorPage: page }) => {
  // Where the server sends him is the subject, not a page's look: read with the context's request.
  for (const path of ["/admin", "/admin/nouveau", "/admin/journal", "/admin/utilisateurs/00000000-0000-4000-8000-000000000000"]) {
    const answer = await page.request.get(path);
    expect(new URL(answer.url()).pathname, path).toBe("/dashboard");
  }
  const response = await page.request.get("/admin/journal/export", { maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  expect(await response.text()).not.toContain("user.");
});
