import { expect, test, type APIRequestContext, type Browser, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { PASSWORD, signInOverHttp, submitSignIn, uniqueClientIp } from "./support/auth";
import { waitForMail } from "./support/mailbox";

// Each session is opened over HTTP (signInOverHttp), as a browser without JavaScript signs in: what
// these tests look at is the security page and the sessions it ends, not the sign-in. Only the page
// whose security page is used is a browser page; the other sessions are request contexts.

/** A page of its own context, signed in as `email`, on nothing yet. */
async function sessionPage(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() })).newPage();
  await signInOverHttp(page.request, email);
  return page;
}

/** Another session of `email`, without a browser. */
async function sessionRequest(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string | undefined,
  email: string,
): Promise<APIRequestContext> {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  await signInOverHttp(request, email);
  return request;
}

/**
 * Where `path` sends a session, its redirects followed. Read over HTTP: a redirect is what the
 * browser would follow, and the sign-in page it ends on has no guard to send it further.
 */
async function whereSent(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBeLessThan(400);
  return new URL(response.url()).pathname;
}

test("the security page lists my open sessions; I can end one, or all the others", async ({ browser, playwright, baseURL }) => {
  const email = FIXTURES.sessions.email;
  const here = await sessionPage(browser, baseURL, email);
  const elsewhere = await sessionRequest(playwright, baseURL, email);

  await here.goto("/securite");
  const list = here.getByRole("list", { name: "Sessions ouvertes" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByText("Cette session")).toHaveCount(1);
  await list.getByRole("button", { name: /^Déconnecter / }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  expect(await whereSent(elsewhere, "/dashboard")).toBe("/doctor_home");

  const third = await sessionRequest(playwright, baseURL, email);
  await here.reload();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await here.getByRole("button", { name: "Déconnecter les autres sessions" }).click();
  const ask = here.getByRole("dialog", { name: "Déconnecter les autres sessions ?" });
  await expect(ask).toContainText("1 autre session ouverte sera fermée");
  await ask.getByRole("button", { name: "Déconnecter les autres sessions" }).click();
  await expect(here.getByText("1 autre session fermée.")).toBeVisible();
  expect(await whereSent(third, "/dashboard")).toBe("/doctor_home");
  // This session stays open.
  await here.goto("/dashboard");
  await expect(here).toHaveURL(/\/dashboard$/);
  await here.context().close();
  for (const request of [elsewhere, third]) await request.dispose();
});

test("I change my password on the security page: refused when wrong or weak, then the others are signed out and I am told", async ({
  browser,
  baseURL,
}) => {
  const email = FIXTURES.passwordChange.email;
  const here = await sessionPage(browser, baseURL, email);
  const elsewhere = await sessionPage(browser, baseURL, email);
  await here.goto("/securite");
  const current = here.getByLabel("Mot de passe actuel");
  const next = here.getByLabel("Nouveau mot de passe", { exact: true });
  const confirmation = here.getByLabel("Confirmez le nouveau mot de passe");
  const submit = here.getByRole("button", { name: "Changer le mot de passe" });

  await current.fill("pas le bon mot de passe");
  await next.fill("lanterne verte sur la moselle");
  await confirmation.fill("lanterne verte sur la moselle");
  await submit.click();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(here.getByText("Mot de passe incorrect.")).toBeVisible();

  await current.fill(PASSWORD);
  await next.fill(email);
  await confirmation.fill(email);
  await submit.click();
  await expect(next).toHaveAttribute("aria-invalid", "true");

  await next.fill("lanterne verte sur la moselle");
  await confirmation.fill("lanterne verte sur la moselle");
  await submit.click();
  await expect(here.getByText("Mot de passe modifié. Un courriel vous le confirme. 1 autre session fermée.")).toBeVisible();
  await expect(current).toHaveValue("");
  await waitForMail(here.request, email, "Votre mot de passe Doctipro a été modifié");

  expect(await whereSent(elsewhere.request, "/dashboard")).toBe("/doctor_home");
  await here.goto("/dashboard");
  await expect(here).toHaveURL(/\/dashboard$/);
  // The old password no longer opens the account; the new one does.
  await submitSignIn(elsewhere, "doctor", email);
  await expect(elsewhere.getByText(/Courriel ou mot de passe incorrect/)).toBeVisible();
  await submitSignIn(elsewhere, "doctor", email, "lanterne verte sur la moselle");
  await expect(elsewhere).toHaveURL(/\/dashboard$/);
  for (const page of [here, elsewhere]) await page.context().close();
});
