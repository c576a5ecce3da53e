import { createRequire } from "node:module";
import fs from "node:fs";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { storedSessionPage, type StoredRole } from "./fixtures/signed-in";
import { ACCOUNT, uniqueClientIp } from "./support/auth";
import { waitForMail } from "./support/mailbox";

// A few sweeps per role (not one test per page, to keep the suite fast): every page the role can
// reach, each checked by axe (WCAG 2.2 A and AA) and for sideways scrolling at desktop width and at
// 390 px. A page is loaded once, at desktop width, then resized to 390 px and checked again: the
// server cannot know the window's width (it sends the same HTML) and no script of the app reads
// it, so what differs is what CSS's media queries lay out, which a resize applies as a load does.
// axe-core is read from node_modules and evaluated in the page (no network). Every problem of a
// sweep is collected, then the sweep fails once listing them all. The sweeps are declared longest
// first: the workers take them in that order, so that none starts last and ends the run alone.
// docs/decisions/0024-a-test-run-that-stays-fast.md

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

type Visit = { name: string; open: (page: Page) => Promise<unknown> };
const url = (path: string): Visit => ({ name: path, open: (page) => page.goto(path) });

/** axe's violations and any sideways scrolling of the page as it stands, at its current width. */
async function problemsOf(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
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

/** The page as it stands, at each width in turn (resized, not reloaded); left at desktop width. */
async function problemsAtBothWidths(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    problems.push(...(await problemsOf(page, name)));
  }
  await page.setViewportSize(WIDTHS[0]!);
  return problems;
}

// bypassCSP: axe is evaluated as a script of its own; the app's policy allows only its nonce.
const CONTEXT = { viewport: WIDTHS[0], bypassCSP: true } as const;

/** A page of its own context: anonymous, or signed in from a stored session (fixtures/signed-in.ts). */
async function pageAs(browser: Browser, testInfo: TestInfo, who: StoredRole | "anonymous"): Promise<Page> {
  if (who !== "anonymous") return storedSessionPage(browser, testInfo, who, CONTEXT);
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, ...CONTEXT, extraHTTPHeaders: uniqueClientIp() });
  return context.newPage();
}

/** Opens each visit in turn on one page and checks it at both widths; fails once, listing every problem. */
async function sweep(page: Page, visits: Visit[]) {
  const problems: string[] = [];
  for (const visit of visits) {
    await visit.open(page);
    problems.push(...(await problemsAtBothWidths(page, visit.name)));
  }
  await page.context().close();
  expect(problems, problems.join("\n")).toEqual([]);
}

test.describe.configure({ mode: "parallel" });
test.setTimeout(240_000);

/** A demo doctor whose online booking no other spec uses (12 weeks ahead, a day's notice). */
const BOOKING_SLUG = "dr-marc-hoffmann";
const BOOKING_PASSWORD = "Une phrase de passe assez longue pour tester 9!";

test("accessibility sweep: online booking, from the search to the emailed cancel link", async ({ browser }, testInfo) => {
  // Every step of the booking flow as a new patient — the doctor's page, the email, its code, the
  // account, « pour qui », the confirmation — then that patient's pages about the appointment and
  // the cancel link of the confirmation email.
  const page = await pageAs(browser, testInfo, "anonymous");
  const problems: string[] = [];
  const check = async (name: string) => problems.push(...(await problemsAtBothWidths(page, name)));

  await page.goto("/rdv");
  await check("/rdv");
  // A week two to ten weeks ahead, so that a second run (or the other database) finds free times.
  const ahead = new Date(Date.now() + (14 + Math.floor(Math.random() * 56)) * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/rdv/${BOOKING_SLUG}?semaine=${ahead}`);
  const times = page.locator(`a[href*="/rdv/${BOOKING_SLUG}/reserver?"]`);
  await expect(times.first()).toBeVisible();
  await check("/rdv/[slug] (motif and time)");
  await times.nth(Math.floor(Math.random() * (await times.count()))).click();

  const email = `a11y.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.lu`;
  await expect(page.getByLabel("Courriel")).toBeVisible();
  await check("/rdv/[slug]/reserver (email)");
  await page.getByLabel("Courriel").fill(email);
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await expect(page.getByLabel("Code reçu par courriel (6 chiffres)")).toBeVisible();
  await check("/rdv/[slug]/reserver (code)");
  const code = /(\d{6})/.exec((await waitForMail(page.request, email, "code de vérification")).text)?.[1];
  await page.getByLabel("Code reçu par courriel (6 chiffres)").fill(code!);
  await page.getByRole("button", { name: "Vérifier le code" }).click();

  await expect(page.getByText(`Adresse vérifiée : ${email}`)).toBeVisible();
  await check("/rdv/[slug]/reserver (account)");
  await page.getByLabel("Prénom").fill("Ada");
  await page.getByLabel("Nom", { exact: true }).fill("Sweep");
  await page.getByLabel("Mot de passe (12 caractères au moins)").fill(BOOKING_PASSWORD);
  await page.getByLabel("Mot de passe, une seconde fois").fill(BOOKING_PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte et continuer" }).click();

  await expect(page.getByText("Pour qui est ce rendez-vous ?")).toBeVisible();
  await check("/rdv/[slug]/reserver (for whom)");
  await page.getByLabel("Date de naissance (JJ/MM/AAAA)").fill("12/04/1990");
  await page.getByLabel("Pas de matricule luxembourgeois").check();
  await page.getByLabel("Raison").selectOption("insured_abroad");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText("Pour : Ada Sweep (moi)")).toBeVisible();
  await check("/rdv/[slug]/reserver (to confirm)");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.getByRole("heading", { name: "Rendez-vous confirmé" })).toBeVisible();
  await check("/rdv/[slug]/reserver/confirme");

  const appointmentId = new URL(page.url()).searchParams.get("rdv");
  await page.goto(`/patient/rendez-vous/${appointmentId}/deplacer`);
  await expect(page.getByRole("heading", { name: "Déplacer un rendez-vous" })).toBeVisible();
  await check("/patient/rendez-vous/[id]/deplacer");
  await page.goto("/patient/compte/supprimer");
  await expect(page.getByRole("heading", { name: "Supprimer mon compte" })).toBeVisible();
  await check("/patient/compte/supprimer");

  const confirmation = await waitForMail(page.request, email, "Rendez-vous confirmé");
  const token = /\/rdv\/annuler\/([A-Za-z0-9_-]+)/.exec(confirmation.text)?.[1];
  expect(token, "the confirmation carries a cancel link").toBeDefined();
  await page.goto(`/rdv/annuler/${token}`);
  await expect(page.getByRole("button", { name: "Annuler ce rendez-vous" })).toBeVisible();
  await check("/rdv/annuler/[token]");

  await page.context().close();
  expect(problems, problems.join("\n")).toEqual([]);
});

const patientFile: Visit = {
  name: "/patients/[id]",
  open: async (page) => {
    await page.goto("/patients");
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  },
};
/** From the patient file just swept (patientFile comes right before it): its « Modifier » link. */
const patientEdit: Visit = {
  name: "/patients/[id]/modifier",
  open: async (page) => {
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
  patientEdit,
  url("/patients/nouveau"),
  url("/patients/a-verifier"),
];

test("accessibility sweep: doctor, the agenda and the patient files", async ({ browser }, testInfo) => {
  await sweep(await pageAs(browser, testInfo, "doctor"), PRACTICE_PAGES);
});

test("accessibility sweep: secretary", async ({ browser }, testInfo) => {
  // The stored secretary session already works for Dr Paul Schmit: /dashboard is his, through her.
  await sweep(await pageAs(browser, testInfo, "secretary"), [url("/secretariat"), url("/dashboard"), ...PRACTICE_PAGES, url("/securite")]);
});

test("accessibility sweep: public pages", async ({ browser }, testInfo) => {
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
  await sweep(await pageAs(browser, testInfo, "anonymous"), [
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

test("accessibility sweep: doctor, the dashboard and the doctor's own pages", async ({ browser }, testInfo) => {
  await sweep(await pageAs(browser, testInfo, "doctor"), [url("/dashboard"), url("/profile"), url("/secretaires"), url("/avis"), url("/securite")]);
});

test("accessibility sweep: support", async ({ browser }, testInfo) => {
  const userPage: Visit = {
    name: "/admin/utilisateurs/[id]",
    open: async (page) => {
      await page.goto(`/admin?q=${encodeURIComponent(ACCOUNT.secretary)}`);
      await page.getByRole("link", { name: ACCOUNT.secretary }).click();
      await expect(page.getByRole("heading", { name: "Actions du support" })).toBeVisible();
    },
  };
  // Support with its event stream open counts as an operator online for 60 s (any operator's), which
  // would change what the chat's « nobody online » test running alongside sees. The page is swept
  // rendered and hydrated, its stream refused at the browser: it never reaches the server, and the
  // page stays in the one state it shows while it connects.
  const chatPage: Visit = {
    name: "/admin/chat (event stream refused)",
    open: async (page) => {
      await page.route("**/api/events", (route) => route.abort());
      await page.goto("/admin/chat");
      await expect(page.getByRole("heading", { name: "Chat", level: 1 })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "Connexion…" })).toBeVisible();
    },
  };
  // Support signs in with an authenticator code, which another test may have used in the same
  // half-minute (a replay is refused, decision 0006): its stored session is reused.
  await sweep(await pageAs(browser, testInfo, "support"), [
    url("/admin"),
    userPage,
    url("/admin/journal"),
    url("/admin/nouveau"),
    chatPage,
    url("/admin/avis"),
    url("/securite"),
  ]);
});

test("accessibility sweep: patient", async ({ browser }, testInfo) => {
  await sweep(await pageAs(browser, testInfo, "patient"), [url("/patient"), url("/securite")]);
});

test("accessibility sweep: doctor's second factor step", async ({ browser }, testInfo) => {
  await sweep(await pageAs(browser, testInfo, "anonymous"), [
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
