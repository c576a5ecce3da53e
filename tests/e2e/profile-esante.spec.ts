import { expect, test, type Page } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { card, profilePage } from "./support/profile";

// The eSanté link against a real OpenID provider (tests/e2e/support/esante-provider.ts, started by
// playwright.config.ts): authorization code with PKCE, state and nonce.

const CALLBACK = /\/profile\/esante\/retour\?/;
const NOT_LINKED = "eSanté non connecté";

/**
 * Clicks « Connecter via LuxTrust », signs in at the provider as `subject` and consents, but keeps
 * the provider's answer from reaching the app: returns the callback URL it would have opened.
 * (Playwright cannot route a redirect, so the consent form's POST is sent by the test, its two
 * redirects followed by hand with the context's cookies.)
 */
async function consentAndCaptureCallback(page: Page, subject: string): Promise<string> {
  await card(page, "eSanté").getByRole("button", { name: "Connecter via LuxTrust" }).click();
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill("n'importe");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  let captured = "";
  const consent = /\/interaction\/[\w-]+$/;
  await page.route(consent, async (route) => {
    const submitted = await route.fetch({ maxRedirects: 0 });
    const resume = new URL(submitted.headers()["location"]!, route.request().url());
    const answer = await page.request.get(resume.href, { maxRedirects: 0 });
    captured = new URL(answer.headers()["location"]!, resume).href;
    await route.fulfill({ status: 200, contentType: "text/html", body: "<p>Réponse retenue par le test.</p>" });
  });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect.poll(() => captured).toMatch(CALLBACK);
  await page.unroute(consent);
  return captured;
}

test("link eSanté through the provider; a wrong state, a replayed answer and a replayed code are refused; then disconnect", async ({
  browser,
  baseURL,
}) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileEsante.email);
  const esante = card(page, "eSanté");
  await expect(esante.getByText(NOT_LINKED)).toBeVisible();
  const connect = esante.getByRole("button", { name: "Connecter via LuxTrust" });
  await expect(connect).toHaveClass(/bg-blue-600/);

  const answer = new URL(await consentAndCaptureCallback(page, "esante-subject-42"));
  expect(answer.searchParams.get("code")).toBeTruthy();
  const state = answer.searchParams.get("state")!;

  // The same answer with another state: not this session's request, nothing linked.
  const forged = new URL(answer);
  forged.searchParams.set("state", `${state.slice(0, -2)}xx`);
  await page.goto(forged.pathname + forged.search);
  await expect(page).toHaveURL(/\/profile\?esante=etat-invalide#esante$/);
  await expect(esante.getByText(/ne correspond à aucune demande de connexion en cours/)).toBeVisible();
  await expect(esante.getByText(NOT_LINKED)).toBeVisible();

  // The real answer links the provider's subject to this doctor.
  await page.goto(answer.pathname + answer.search);
  await expect(page).toHaveURL(/\/profile\?esante=lie#esante$/);
  await expect(esante.getByText("Votre compte est connecté à eSanté.")).toBeVisible();
  await expect(esante.getByText("eSanté connecté", { exact: true })).toBeVisible();
  await expect(esante).toContainText("Dr esante-subject-42 (esante-subject-42)");
  await expect(esante).toContainText(/depuis le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(esante.getByText(NOT_LINKED)).toHaveCount(0);

  // The same answer again is refused before it reaches the provider.
  await page.goto(answer.pathname + answer.search);
  await expect(esante.getByText("Cette réponse d'eSanté a déjà été traitée : elle ne peut pas servir une seconde fois.")).toBeVisible();
  await expect(esante).toContainText("Dr esante-subject-42");

  await esante.getByRole("button", { name: "Déconnecter" }).click();
  await expect(esante.getByText("Votre compte n'est plus connecté à eSanté.")).toBeVisible();
  await expect(esante.getByText(NOT_LINKED)).toBeVisible();

  // A new request whose state is genuine, answered with the old, already used code: the provider
  // refuses the exchange and nothing is linked.
  let authorizeUrl = "";
  await page.route(/\/auth\?/, async (route) => {
    authorizeUrl = route.request().url();
    await route.abort();
  });
  await esante.getByRole("button", { name: "Connecter via LuxTrust" }).click();
  await expect.poll(() => authorizeUrl).toContain("code_challenge_method=S256");
  await page.unroute(/\/auth\?/);
  const authorize = new URL(authorizeUrl);
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  expect(authorize.searchParams.get("redirect_uri")).toMatch(/\/profile\/esante\/retour$/);
  const replay = new URL(answer);
  replay.searchParams.set("state", authorize.searchParams.get("state")!);
  await page.goto(replay.pathname + replay.search);
  await expect(page).toHaveURL(/\/profile\?esante=refuse#esante$/);
  await expect(esante.getByText(/eSanté n'a pas confirmé votre identité/)).toBeVisible();
  await expect(esante.getByText(NOT_LINKED)).toBeVisible();
  await page.context().close();
});

test("cancelling at the provider links nothing", async ({ browser, baseURL }) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileEsanteCancel.email);
  const esante = card(page, "eSanté");
  await esante.getByRole("button", { name: "Connecter via LuxTrust" }).click();
  await page.locator('input[name="login"]').fill("esante-cancel");
  await page.locator('input[name="password"]').fill("x");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expect(page).toHaveURL(/\/profile\?esante=annule#esante$/);
  await expect(esante.getByText("Connexion eSanté annulée : rien n'a été modifié.")).toBeVisible();
  await expect(esante.getByText(NOT_LINKED)).toBeVisible();
  await page.context().close();
});

test("the eSanté answer is refused to anyone but the signed-in doctor who asked for it", async ({ browser, baseURL }) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileEsanteCancel.email);
  // Without a request in progress, even a well-formed answer is refused.
  await page.goto("/profile/esante/retour?code=abc&state=nimportequoi");
  await expect(card(page, "eSanté").getByText(/ne correspond à aucune demande de connexion en cours/)).toBeVisible();
  await page.context().close();
  // Anonymous: sent to sign in, nothing processed.
  const anonymous = await browser.newPage({ baseURL });
  await anonymous.goto("/profile/esante/retour?code=abc&state=xyz");
  await expect(anonymous).toHaveURL(/\/doctor_home$/);
  await anonymous.close();
});
