import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/seed/demo-accounts";
import { SIGN_IN_PATH, type Role } from "@/lib/auth/roles";
import { totpCodeAt } from "@/lib/twofactor/totp";
import { hiddenFieldsOfFirstForm } from "@/tests/support/html-forms";
import { FIXTURES } from "../fixtures/accounts";

export const PASSWORD = DEMO_PASSWORD;

export const ACCOUNT = {
  doctor: "dr.schmit@demo.doctipro.lu",
  doctorWeber: "dr.weber@demo.doctipro.lu",
  dentist: "dr.hoffmann@demo.doctipro.lu",
  secretary: "secretariat@demo.doctipro.lu",
  patient: "patient@demo.doctipro.lu",
  support: "support@demo.doctipro.lu",
} as const;

const ALL_ACCOUNTS: { email: string; role: Role; totpSecret?: string }[] = [...DEMO_ACCOUNTS, ...Object.values(FIXTURES)];

function accountOf(email: string) {
  const account = ALL_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`not a demo or fixture account: ${email}`);
  return account;
}

export function roleOf(email: string): Role {
  return accountOf(email).role;
}

/**
 * The authenticator code of an account, `stepsAhead` 30-second steps from now (the server accepts
 * ±1 step, and each step once: a second sign-in within 30 s uses the next step's code).
 */
export function totpCode(email: string, stepsAhead = 0): string {
  const secret = accountOf(email).totpSecret;
  if (!secret) throw new Error(`${email} has no TOTP secret`);
  return totpCodeAt(secret, Date.now() + stepsAhead * 30_000);
}

/** Answers the 2FA step with the account's authenticator code. */
export async function enterTotp(page: Page, email: string, stepsAhead = 0) {
  await expect(page.getByRole("heading", { name: "Identification à deux facteurs (2FA)" })).toBeVisible();
  await page.getByLabel("Code à usage unique").fill(totpCode(email, stepsAhead));
  await page.getByRole("button", { name: "Vérifier le code" }).click();
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

/** Signs an account in on its own page (with its TOTP code when it has 2FA) and waits for its landing page. */
export async function signIn(page: Page, email: string, stepsAhead = 0) {
  const account = accountOf(email);
  await submitSignIn(page, account.role, email);
  if (account.totpSecret) {
    await expect(page).toHaveURL(/\/connexion\/2fa$/);
    await enterTotp(page, email, stepsAhead);
  }
  await expect(page).toHaveURL(HOME[account.role]);
}

/**
 * Signs an account in over HTTP, as a browser without JavaScript posts the sign-in form (and the
 * second factor's, with its authenticator code): the session's cookies land in `request`'s jar,
 * which a browser context's `context.request` shares with its pages. For a test that needs a
 * session of its own but whose subject is not the sign-in: the same server actions and the same
 * password hash as through the pages, without rendering the sign-in and landing pages.
 */
export async function signInOverHttp(request: APIRequestContext, email: string, stepsAhead = 0): Promise<string> {
  const account = accountOf(email);
  // Each on a connection of its own, closed after its answer: `request` keeps idle connections
  // alive, and the test's next request, seconds later, could be sent on one just as the server
  // times it out (5 s) and closes it, and fail with ECONNRESET.
  const connection = "close";
  const postFirstForm = async (path: string, fields: Record<string, string>) => {
    const form = await request.get(path, { headers: { connection }, maxRedirects: 0 });
    expect(form.status(), `GET ${path}`).toBe(200);
    const origin = new URL(form.url()).origin;
    const multipart = { ...hiddenFieldsOfFirstForm(await form.text()), ...fields };
    const answer = await request.post(path, { multipart, headers: { origin, connection }, maxRedirects: 0 });
    expect(answer.status(), `POST ${path} for ${email}`).toBe(303);
    return new URL(answer.headers()["location"]!, origin).pathname;
  };
  let landing = await postFirstForm(SIGN_IN_PATH[account.role], { email, password: PASSWORD });
  if (account.totpSecret) {
    expect(landing, `${email}'s second step`).toBe("/connexion/2fa");
    landing = await postFirstForm("/connexion/2fa", { code: totpCode(email, stepsAhead) });
  }
  expect(landing, `${email} signed in`).toMatch(HOME[account.role]);
  return landing;
}

/**
 * A new browser context (its own cookies, and `headers` on its pages' and its `request`'s
 * requests: a client address of its own), signed in as `email` over HTTP (signInOverHttp, decision
 * 0056), on its landing page — or on nothing yet with `{ land: false }`, for a test that goes
 * elsewhere first. For tests whose subject is not the sign-in; those whose subject is take
 * signedInPageThroughSignIn().
 */
export async function signedInPage(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  headers?: Record<string, string>,
  { land = true }: { land?: boolean } = {},
) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: headers });
  const page = await context.newPage();
  const landing = await signInOverHttp(context.request, email);
  if (land) {
    await page.goto(landing);
    await expect(page).toHaveURL(HOME[roleOf(email)]);
  }
  return page;
}

/** A new browser context signed in as `email` through the sign-in pages, on its landing page: for tests whose subject is the sign-in. */
export async function signedInPageThroughSignIn(browser: Browser, baseURL: string | undefined, email: string, headers?: Record<string, string>) {
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

/**
 * For test.use: a client address of its own for each test. `test.use({ extraHTTPHeaders:
 * uniqueClientIp() })` drew one address per file and worker, so the wrong passwords of a file's
 * tests added up on it and a later test met the per-IP throttle.
 */
export const ownClientIpPerTest = {
  // Playwright reads a fixture's dependencies from its first parameter: it must be a pattern.
  extraHTTPHeaders: async ({}, provide: (headers: Record<string, string>) => Promise<void>) => provide(uniqueClientIp()),
};

/** The page's own alert (Next also renders an empty route announcer with role="alert"). */
export function alertOf(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}
