import { createRequire } from "node:module";
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { storedSessionPage } from "./fixtures/signed-in";
import { ACCOUNT, signIn, uniqueClientIp } from "./support/auth";

// One sweep per role (not one test per page, to keep the suite fast): every page the role can
// reach, at desktop width and at 390 px, each checked by axe (WCAG 2.2 A and AA) and for sideways
// scrolling. axe-core is read from node_modules and evaluated in the page (no network). Every
// problem of the sweep is collected, then the sweep fails once listing them all.

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

type Visit = { name: string; open: (page: Page) => Promise<unknown> };
const url = (path: string): Visit => ({ name: path, open: (page) => page.goto(path) });

async function problemsOf(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.help}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(" | ")}`,
    );
  }, TAGS);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const overflow = scrollWidth > innerWidth ? [`scrolls sideways: ${scrollWidth} px in a ${innerWidth} px window`] : [];
  return [...violations, ...overflow].map((p) => `${name} @${innerWidth}px — ${p}`);
}

type Viewport = (typeof WIDTHS)[number];

/** `who`: an account to sign in on its page, or a page already signed in (a stored session). */
async function sweep(browser: Browser, baseURL: string | undefined, visits: Visit[], who?: string | ((viewport: Viewport) => Promise<Page>)) {
  const problems: string[] = [];
  for (const viewport of WIDTHS) {
    // bypassCSP: axe is evaluated as a script of its own; the app's policy allows only its nonce.
    const page =
      typeof who === "function"
        ? await who(viewport)
        : await (await browser.newContext({ baseURL, viewport, bypassCSP: true, extraHTTPHeaders: uniqueClientIp() })).newPage();
    if (typeof who === "string") await signIn(page, who);
    for (const visit of visits) {
      await visit.open(page);
      problems.push(...(await problemsOf(page, visit.name)));
    }
    await page.context().close();
  }
  expect(problems, problems.join("\n")).toEqual([]);
}

test.describe.configure({ mode: "parallel" });
test.setTimeout(240_000);

test("accessibility sweep: public pages", async ({ browser, baseURL }) => {
  const emptySignIn: Visit = {
    name: "/doctor_home (empty fields submitted)",
    open: async (page) => {
      await page.goto("/doctor_home");
      await page.getByRole("button", { name: "S'identifier" }).click();
      await expect(page.getByLabel("Courriel")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Courriel")).toBeFocused();
      await expect(page.getByRole("status").filter({ hasText: "2 champs à corriger." })).toBeAttached();
    },
  };
  await sweep(browser, baseURL, [
    url("/"),
    url("/doctor_home"),
    emptySignIn,
    url("/secretary_home"),
    url("/patient_home"),
    url("/admin/login"),
    url("/mot-de-passe-oublie"),
    url("/reinitialiser"),
    url("/invitation"),
    url("/confirmer-courriel"),
    url("/connexion/bloque"),
    url("/page-qui-n-existe-pas"),
  ]);
});

const patientFile: Visit = {
  name: "/patients/[id]",
  open: async (page) => {
    await page.goto("/patients");
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  },
};
const patientEdit: Visit = {
  name: "/patients/[id]/modifier",
  open: async (page) => {
    await page.goto("/patients");
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    await page.getByRole("link", { name: "Modifier", exact: true }).click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}\/modifier$/);
  },
};
/** The practice's pages of the agenda and the patient files, for the doctor and the secretary alike. */
const PRACTICE_PAGES: Visit[] = [
  url("/agenda?vue=semaine"),
  url("/agenda?vue=jour"),
  url("/agenda/parametres"),
  url("/patients"),
  patientFile,
  url("/patients/nouveau"),
  patientEdit,
];

test("accessibility sweep: doctor", async ({ browser, baseURL }) => {
  await sweep(browser, baseURL, [url("/dashboard"), ...PRACTICE_PAGES, url("/profile"), url("/secretaires"), url("/securite")], ACCOUNT.doctor);
});

test("accessibility sweep: doctor's second factor step", async ({ browser, baseURL }) => {
  await sweep(browser, baseURL, [
    {
      name: "/connexion/2fa",
      open: async (page) => {
        await page.goto("/doctor_home");
        await page.getByLabel("Courriel").fill(ACCOUNT.doctorWeber);
        await page.getByLabel("Mot de passe").fill("Doctipro-Demo-2026");
        await page.getByRole("button", { name: "S'identifier" }).click();
        await expect(page).toHaveURL(/\/connexion\/2fa$/);
      },
    },
  ]);
});

test("accessibility sweep: secretary", async ({ browser, baseURL }) => {
  const actingFor: Visit = {
    name: "/dashboard (for a doctor)",
    open: async (page) => {
      await page.goto("/secretariat");
      await page.getByRole("button", { name: /Dr / }).first().click();
      await expect(page).toHaveURL(/\/dashboard$/);
    },
  };
  await sweep(browser, baseURL, [url("/secretariat"), actingFor, ...PRACTICE_PAGES, url("/securite")], ACCOUNT.secretary);
});

test("accessibility sweep: patient", async ({ browser, baseURL }) => {
  await sweep(browser, baseURL, [url("/patient"), url("/securite")], ACCOUNT.patient);
});

test("accessibility sweep: support", async ({ browser, baseURL }, testInfo) => {
  const userPage: Visit = {
    name: "/admin/utilisateurs/[id]",
    open: async (page) => {
      await page.goto(`/admin?q=${encodeURIComponent(ACCOUNT.secretary)}`);
      await page.getByRole("link", { name: ACCOUNT.secretary }).click();
      await expect(page.getByRole("heading", { name: "Actions du support" })).toBeVisible();
    },
  };
  await sweep(
    browser,
    baseURL,
    [url("/admin"), userPage, url("/admin/journal"), url("/admin/nouveau"), url("/admin/chat"), url("/securite")],
    // Support signs in with an authenticator code, which another test may have used in the same
    // half-minute (a replay is refused, decision 0006): its stored session is reused instead.
    (viewport) => storedSessionPage(browser, testInfo, "support", { viewport, bypassCSP: true }),
  );
});
