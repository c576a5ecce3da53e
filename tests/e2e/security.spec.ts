import { expect, test, type APIRequestContext } from "@playwright/test";
import { appRoutes } from "@/tests/support/app-routes";
import { hiddenFieldsOfFirstForm } from "@/tests/support/html-forms";
import { FIXTURES } from "./fixtures/accounts";
import { ACCOUNT, PASSWORD, signedInPage, signedInPageThroughSignIn, uniqueClientIp } from "./support/auth";

/** Every page and route handler of the app (dynamic segments filled with an id of nobody). */
const EVERY_ROUTE = Object.values(appRoutes())
  .flat()
  .map((route) => route.replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000"));

test("every response carries the security headers, with a nonce-based script policy", async ({ request }) => {
  expect(EVERY_ROUTE.length).toBeGreaterThan(20);
  for (const path of EVERY_ROUTE) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    // A document's PDF runs in the browser's own viewer, which a script policy would block
    // (docs/decisions/0010); it still may not be framed.
    if (/^\/documents\/[^/]+\/pdf$/.test(path)) continue;
    // The signature image may load and run nothing at all.
    if (path === "/profile/signature") {
      expect(csp, path).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
      continue;
    }
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
    // A production build served over HTTPS fetches a stray http:// address over HTTPS.
    expect(
      csp.split(";").map((d) => d.trim()),
      path,
    ).toContain("upgrade-insecure-requests");
  }
  for (const path of EVERY_ROUTE) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
  }
});

test("the session cookie is HttpOnly, SameSite=Lax and Secure in production", async ({ browser, baseURL }) => {
  // The cookie the browser keeps from a sign-in through the pages: the subject here.
  const page = await signedInPageThroughSignIn(browser, baseURL, ACCOUNT.doctor, uniqueClientIp());
  const session = (await page.context().cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(session).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  await page.context().close();
});

test("the health check answers 200 while the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("the scripts of a page run under the policy (no CSP violation)", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/doctor_home");
  // The client-side validation only works if React hydrated, i.e. its scripts were allowed.
  await page.getByRole("button", { name: "S'identifier" }).click();
  await expect(page.getByText("Saisissez votre courriel.")).toBeVisible();
  expect(violations).toEqual([]);
});

/** The hidden fields of a page's first form: what a browser posts with it when JavaScript is off. */
async function formFields(request: APIRequestContext, path: string): Promise<Record<string, string>> {
  return hiddenFieldsOfFirstForm(await (await request.get(path)).text());
}

test("a form posted from another site is refused before it runs: no session, no change", async ({ browser, baseURL, playwright }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  const signIn = { ...(await formFields(request, "/doctor_home")), email: ACCOUNT.doctor, password: PASSWORD };
  for (const origin of ["https://evil.example", "null", `${baseURL}.evil.example`]) {
    const forged = await request.post("/doctor_home", { multipart: signIn, headers: { origin }, maxRedirects: 0 });
    expect(forged.status(), origin).toBe(403);
    expect(await forged.text()).toContain("ne provient pas d'une page de Doctipro");
    expect(forged.headers()["set-cookie"] ?? "", origin).not.toContain("session-token");
  }
  // The same form from the site itself signs in: the refusal was the origin's doing.
  const own = await request.post("/doctor_home", { multipart: signIn, headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(own.status()).toBe(303);
  expect(own.headers()["location"]).toMatch(/\/dashboard$/);
  await request.dispose();

  // A signed-in doctor's browser lured to another site: the upload it is made to send is refused.
  const doctor = await signedInPage(browser, baseURL, FIXTURES.profileRefusals.email, uniqueClientIp(), { land: false });
  const upload = await doctor.request.post("/profile/signature", {
    data: Buffer.from("not an image"),
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(upload.status()).toBe(403);
  await doctor.context().close();
});

test("the pending 2FA step's cookie is HttpOnly, SameSite=Lax and Secure too", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  const page = await context.newPage();
  await page.goto("/doctor_home");
  await page.getByLabel("Courriel").fill(ACCOUNT.doctorWeber);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "S'identifier" }).click();
  await expect(page).toHaveURL(/\/connexion\/2fa$/);
  const cookies = await context.cookies();
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  await context.close();
});
