import { expect, test } from "@playwright/test";
import { ACCOUNT, signedInPage, uniqueClientIp } from "./support/auth";

test("every page carries the security headers, with a nonce-based script policy", async ({ request }) => {
  for (const path of ["/doctor_home", "/api/health", "/dashboard"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
  }
});

test("the session cookie is HttpOnly, SameSite=Lax and Secure in production", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, baseURL, ACCOUNT.doctor, uniqueClientIp());
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
