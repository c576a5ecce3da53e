import { expect, test, type Page } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { ACCOUNT, signedInPage, uniqueClientIp } from "./support/auth";

// Every private page × every kind of visitor: where each one ends up. A role never sees another
// role's page; it is sent to its own home (or, anonymous, to the right sign-in page).
const ROUTES = ["/dashboard", "/profile", "/secretaires", "/patients", "/secretariat", "/patient", "/admin", "/admin/journal", "/securite"] as const;
type Route = (typeof ROUTES)[number];

const EXPECTED: Record<string, Record<Route, string>> = {
  anonymous: {
    "/dashboard": "/doctor_home",
    "/profile": "/doctor_home",
    "/secretaires": "/doctor_home",
    "/patients": "/doctor_home",
    "/secretariat": "/secretary_home",
    "/patient": "/patient_home",
    "/admin": "/admin/login",
    "/admin/journal": "/admin/login",
    "/securite": "/doctor_home",
  },
  doctor: {
    "/dashboard": "/dashboard",
    "/profile": "/profile",
    "/secretaires": "/secretaires",
    "/patients": "/patients",
    "/secretariat": "/dashboard",
    "/patient": "/dashboard",
    "/admin": "/dashboard",
    "/admin/journal": "/dashboard",
    "/securite": "/securite",
  },
  "secretary (no doctor chosen)": {
    "/dashboard": "/secretariat",
    "/profile": "/secretariat",
    "/secretaires": "/secretariat",
    "/patients": "/secretariat",
    "/secretariat": "/secretariat",
    "/patient": "/secretariat",
    "/admin": "/secretariat",
    "/admin/journal": "/secretariat",
    "/securite": "/securite",
  },
  "secretary working for a doctor": {
    "/dashboard": "/dashboard",
    "/profile": "/profile",
    // The doctor's own settings stay the doctor's.
    "/secretaires": "/dashboard",
    "/patients": "/patients",
    "/secretariat": "/secretariat",
    "/patient": "/secretariat",
    "/admin": "/secretariat",
    "/admin/journal": "/secretariat",
    "/securite": "/securite",
  },
  patient: {
    "/dashboard": "/patient",
    "/profile": "/patient",
    "/secretaires": "/patient",
    "/patients": "/patient",
    "/secretariat": "/patient",
    "/patient": "/patient",
    "/admin": "/patient",
    "/admin/journal": "/patient",
    "/securite": "/securite",
  },
  support: {
    "/dashboard": "/admin",
    "/profile": "/admin",
    "/secretaires": "/admin",
    "/patients": "/admin",
    "/secretariat": "/admin",
    "/patient": "/admin",
    "/admin": "/admin",
    "/admin/journal": "/admin/journal",
    "/securite": "/securite",
  },
};

const PRIVATE_HEADINGS = ["Tableau de bord", "Profil du praticien", "Pour quel médecin travaillez-vous ?", "Administration", "Bonjour Luc"];

async function visitor(kind: string, browser: Parameters<typeof signedInPage>[0], baseURL: string | undefined): Promise<Page> {
  const headers = uniqueClientIp();
  switch (kind) {
    case "anonymous":
      return (await browser.newContext({ baseURL, extraHTTPHeaders: headers })).newPage();
    case "doctor":
      return signedInPage(browser, baseURL, ACCOUNT.doctor, headers);
    case "secretary (no doctor chosen)":
      return signedInPage(browser, baseURL, ACCOUNT.secretary, headers);
    case "secretary working for a doctor": {
      const page = await signedInPage(browser, baseURL, ACCOUNT.secretary, headers);
      await page.getByRole("button", { name: /Dr Paul Schmit/ }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
      return page;
    }
    case "patient":
      return signedInPage(browser, baseURL, ACCOUNT.patient, headers);
    case "support":
      return signedInPage(browser, baseURL, FIXTURES.supportAccess.email, headers);
  }
  throw new Error(kind);
}

for (const [kind, routes] of Object.entries(EXPECTED)) {
  test(`routes × roles: ${kind}`, async ({ browser, baseURL }) => {
    const page = await visitor(kind, browser, baseURL);
    for (const route of ROUTES) {
      const response = await page.goto(route);
      expect(response?.status(), `${kind} ${route}`).toBeLessThan(400);
      await expect(page, `${kind} visiting ${route}`).toHaveURL(new RegExp(`${routes[route].replace("/", "\\/")}$`));
      if (kind === "anonymous") {
        for (const heading of PRIVATE_HEADINGS) await expect(page.getByRole("heading", { name: heading })).toHaveCount(0);
      }
    }
    await page.context().close();
  });
}
