import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNT, alertOf, signInOverHttp, uniqueClientIp } from "./support/auth";

/**
 * A page of its own context, signed in over HTTP (signInOverHttp: these tests are about the end of
 * a session and the secretary's choice, not the sign-in), on `path` — where the sign-in through
 * the pages would have landed.
 */
async function signedInOn(browser: Browser, baseURL: string | undefined, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() })).newPage();
  await signInOverHttp(page.request, email);
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return page;
}

test("sign-out ends the session; the back button shows no private page", async ({ browser, baseURL }) => {
  const page = await signedInOn(browser, baseURL, ACCOUNT.doctor, "/dashboard");
  await page.getByRole("link", { name: "Profil du praticien" }).click();
  await expect(page.getByRole("heading", { name: "Profil du praticien" })).toBeVisible();
  await page.getByRole("button", { name: /Dr Paul Schmit/ }).click();
  await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/doctor_home$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/doctor_home$/);
  await expect(page.getByRole("heading", { name: "Connexion médecin" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Profil du praticien" })).toHaveCount(0);
  await page.context().close();
});

test("sign-out ends the session on the server: a copy of the old cookie opens nothing", { tag: "@embedded" }, async ({ browser, baseURL }) => {
  const page = await signedInOn(browser, baseURL, ACCOUNT.patient, "/patient");
  const cookies = await page.context().cookies();
  expect(cookies.length).toBeGreaterThan(0);

  // A second browser holding the same cookie is signed in too…
  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(cookies);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/patient");
  await expect(thiefPage.getByRole("heading", { name: "Bonjour Luc" })).toBeVisible();

  // …until the session is ended: its next request is signed out.
  await page.getByRole("button", { name: /Luc Reding/ }).click();
  await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/patient_home$/);
  await thiefPage.goto("/patient");
  await expect(thiefPage).toHaveURL(/\/patient_home$/);
  await expect(thiefPage.getByRole("heading", { name: "Bonjour Luc" })).toHaveCount(0);
  await thief.close();
  await page.context().close();
});

test("a secretary cannot open a doctor she is not attached to, even with a forged form", async ({ browser, baseURL }) => {
  const page = await signedInOn(browser, baseURL, ACCOUNT.secretary, "/secretariat");
  await page
    .locator('input[name="doctorId"]')
    .first()
    .evaluate((el: HTMLInputElement) => (el.value = "00000000-0000-4000-8000-000000000000"));
  await page
    .getByRole("button", { name: /Dr Anne Weber|Dr Paul Schmit/ })
    .first()
    .click();
  await expect(alertOf(page)).toHaveText("Ce médecin ne fait pas partie de vos cabinets.");
  await expect(page).toHaveURL(/\/secretariat$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/secretariat$/);
  await page.context().close();
});

test("the secretary banner offers to change doctor", async ({ browser, baseURL }) => {
  const page = await signedInOn(browser, baseURL, ACCOUNT.secretary, "/secretariat");
  await page.getByRole("button", { name: /Dr Paul Schmit/ }).click();
  await expect(page.getByText("Vous travaillez pour Dr Paul Schmit")).toBeVisible();
  await page.getByRole("link", { name: "changer" }).click();
  await expect(page).toHaveURL(/\/secretariat$/);
  await page.getByRole("button", { name: /Dr Anne Weber/ }).click();
  await expect(page.getByText("Vous travaillez pour Dr Anne Weber")).toBeVisible();
  await page.context().close();
});
