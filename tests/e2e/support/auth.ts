import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { SIGN_IN_PATH, type Role } from "@/lib/auth/roles";

export const PASSWORD = DEMO_PASSWORD;

export const ACCOUNT = {
  doctor: "dr.schmit@demo.doctipro.lu",
  doctorWeber: "dr.weber@demo.doctipro.lu",
  dentist: "dr.hoffmann@demo.doctipro.lu",
  secretary: "secretariat@demo.doctipro.lu",
  patient: "patient@demo.doctipro.lu",
  support: "support@demo.doctipro.lu",
} as const;

export function roleOf(email: string): Role {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`not a demo account: ${email}`);
  return account.role;
}

/** Fills and submits a sign-in page. */
export async function submitSignIn(page: Page, portal: Role, email: string, password = PASSWORD) {
  await page.goto(SIGN_IN_PATH[portal]);
  await page.getByLabel("Courriel").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "S'identifier" }).click();
}

export const HOME: Record<Role, RegExp> = {
  doctor: /\/dashboard$/,
  secretary: /\/secretariat$/,
  patient: /\/patient$/,
  support: /\/admin$/,
};

/** Signs a demo account in on its own page and waits for its landing page. */
export async function signIn(page: Page, email: string) {
  const role = roleOf(email);
  await submitSignIn(page, role, email);
  await expect(page).toHaveURL(HOME[role]);
}

/** A new browser context (its own cookies), signed in as `email`. */
export async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, headers?: Record<string, string>) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: headers });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** A client address no other test uses, so per-IP throttling never crosses tests. */
export function uniqueClientIp(): Record<string, string> {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return { "X-Forwarded-For": `10.${n()}.${n()}.${n()}` };
}

/** The page's own alert (Next also renders an empty route announcer with role="alert"). */
export function alertOf(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}
