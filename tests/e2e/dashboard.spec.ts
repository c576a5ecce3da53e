import type { Locator, Page } from "@playwright/test";
import { expect, storedSessionPage, test } from "./fixtures/signed-in";
import { demoPatientCount } from "@/seed/demo-practice";
import { FIXTURES } from "./fixtures/accounts";
import { ACCOUNT, signedInPage, uniqueClientIp } from "./support/auth";

// The dashboard in the browser: each doctor's own figures, the history's colours, what a secretary
// may see, and a doctor locked inside their own history whatever the address says. Only accounts
// without two-factor authentication sign in here: a TOTP code is accepted once, and tests running
// side by side would spend each other's codes.

function card(page: Page, title: string): Locator {
  return page.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) });
}

/** The figure shown with a label in a card (« 320 » for « patients au total »). */
function figure(page: Page, cardTitle: string, label: string): Locator {
  return card(page, cardTitle)
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd");
}

const history = (page: Page) => page.locator("#historique");
const historyRows = (page: Page) => history(page).locator("tbody tr");
const rowWithIp = (page: Page, ip: string) => historyRows(page).filter({ hasText: ip });
const ipOf = (headers: Record<string, string>) => headers["X-Forwarded-For"]!;

/** The CIELAB a* of the row's left edge: negative is green, positive is red. */
async function edgeRedness(row: Locator): Promise<number> {
  const color = await row.evaluate((tr: HTMLTableRowElement) => getComputedStyle(tr.cells[0]!).borderLeftColor);
  const lab = /^lab\(\s*[\d.]+\s+(-?[\d.]+)\s+(-?[\d.]+)/.exec(color);
  if (!lab) throw new Error(`unexpected colour ${color}`);
  return Number(lab[1]);
}

/**
 * The practice's own patient total: its seeded files, plus the few that browser tests running
 * alongside (the agenda's, the patient files') may have added meanwhile — never another practice's
 * total, as the demo practices' counts lie further apart than that.
 */
async function expectOwnPatientTotal(page: Page, doctorEmail: string) {
  const seeded = demoPatientCount(doctorEmail)!;
  const shown = figure(page, "Patients", "patients au total");
  await expect(shown).toHaveText(/^\d+$/);
  const total = Number(await shown.textContent());
  expect(total, "patients au total").toBeGreaterThanOrEqual(seeded);
  expect(total, "patients au total").toBeLessThan(seeded + 20);
}

async function secretaryWorkingFor(page: Page, doctorName: RegExp) {
  await page.getByRole("button", { name: doctorName }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("each doctor sees the figures of their own practice", async ({ browser, baseURL }, testInfo) => {
  for (const [email, name] of [
    [ACCOUNT.doctor, "Dr Paul Schmit"],
    [ACCOUNT.dentist, "Dr Marc Hoffmann"],
  ] as const) {
    // Dr Schmit from the stored session (decision 0024); Dr Hoffmann has none and signs in, which
    // lands on the same page.
    let page: Page;
    if (email === ACCOUNT.doctor) {
      page = await storedSessionPage(browser, testInfo, "doctor");
      await page.goto("/dashboard");
    } else page = await signedInPage(browser, baseURL, email, uniqueClientIp());
    await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
    await expectOwnPatientTotal(page, email);
    await expect(figure(page, "Patients", "nouveaux ce mois-ci")).toHaveText(/^\+\d+$/);
    await expect(figure(page, "Rendez-vous", "ce mois-ci")).toHaveText(/^[1-9][\d.]*$/);
    await expect(figure(page, "Avis", "avis publiés")).toHaveText(/^[1-9]\d*$/);
    await expect(card(page, "Avis")).toContainText(/\d,\d\s*\/ 5/);
    await expect(page.locator("svg g[data-week]")).toHaveCount(12);
    await page.context().close();
  }
});

test("a doctor new on the platform sees empty states, not zeros pretending to be figures", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, baseURL, FIXTURES.newDoctor.email, uniqueClientIp());
  await expect(card(page, "Patients")).toContainText("Aucun patient enregistré pour l'instant.");
  await expect(card(page, "Rendez-vous")).toContainText("Aucun rendez-vous pour l'instant");
  await expect(card(page, "Avis")).toContainText("Aucun avis publié pour l'instant.");
  await expect(card(page, "Rendez-vous par semaine")).toContainText("Aucun rendez-vous sur les 12 dernières semaines.");
  // Their own sign-in is already there.
  await expect(historyRows(page).first()).toContainText("Session en cours");
  await page.context().close();
});

test("a direct sign-in shows green, a sign-in through the secretary red with her name", async ({ browser, baseURL }) => {
  const secretaryIp = uniqueClientIp();
  const secretary = await signedInPage(browser, baseURL, ACCOUNT.secretary, secretaryIp);
  await secretaryWorkingFor(secretary, /Dr Paul Schmit/);
  const doctorIp = uniqueClientIp();
  const page = await signedInPage(browser, baseURL, ACCOUNT.doctor, doctorIp);

  const legend = history(page).getByRole("list", { name: "Légende" });
  await expect(legend).toContainText("Connexion directe");
  await expect(legend).toContainText("Via secrétariat");

  const direct = rowWithIp(page, ipOf(doctorIp));
  await expect(direct).toHaveCount(1);
  await expect(direct).toHaveAttribute("data-mode", "direct");
  await expect(direct).toContainText("Connexion directe");
  await expect(direct).toContainText("Session en cours");
  expect(await edgeRedness(direct)).toBeLessThan(-20);

  await history(page).getByRole("link", { name: "Via secrétariat" }).click();
  await expect(page).toHaveURL(/mode=secretariat/);
  const viaSecretary = rowWithIp(page, ipOf(secretaryIp));
  await expect(viaSecretary).toHaveCount(1);
  await expect(viaSecretary).toHaveAttribute("data-mode", "secretary");
  await expect(viaSecretary).toContainText("Via secrétariat");
  await expect(viaSecretary).toContainText("Sophie Muller");
  await expect(viaSecretary).not.toContainText("Session en cours");
  expect(await edgeRedness(viaSecretary)).toBeGreaterThan(20);
  await expect(historyRows(page).filter({ hasText: "Connexion directe" })).toHaveCount(0);

  await secretary.context().close();
  await page.context().close();
});

test("a secretary sees the doctor's statistics but never the connection history", async ({ secretaryPage: page }) => {
  // The stored secretary works for Dr Paul Schmit.
  await page.goto("/dashboard");
  await expect(page.getByText("Vous travaillez pour Dr Paul Schmit")).toBeVisible();
  await expectOwnPatientTotal(page, ACCOUNT.doctor);
  await expect(page.locator("svg g[data-week]")).toHaveCount(12);
  for (const path of ["/dashboard", "/dashboard?mode=secretariat", "/dashboard?mode=directe#historique"]) {
    await page.goto(path);
    await expect(figure(page, "Patients", "patients au total")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Historique de connexion" })).toHaveCount(0);
    await expect(page.locator("#historique")).toHaveCount(0);
    // Not a single address of the doctor's sign-ins reaches her page.
    expect(await page.content()).not.toMatch(/198\.51\.100\.\d+|Session en cours/);
  }
  await page.context().close();
});

test("a doctor cannot read another doctor's history by any address or action", async ({ browser, baseURL }) => {
  // Schmit signs in from an address of his own: the row is in his history…
  const schmitIp = uniqueClientIp();
  const schmit = await signedInPage(browser, baseURL, ACCOUNT.doctor, schmitIp);
  await expect(rowWithIp(schmit, ipOf(schmitIp))).toHaveCount(1);
  // …and his account id is what a curious colleague could learn (here, from the secretary's picker).
  const secretary = await signedInPage(browser, baseURL, ACCOUNT.secretary, uniqueClientIp());
  const schmitId = await secretary
    .locator("form", { has: secretary.getByRole("button", { name: /Dr Paul Schmit/ }) })
    .locator('input[name="doctorId"]')
    .inputValue();
  // The one action that changes whose practice a session opens: the secretary's doctor picker.
  const [pick] = await Promise.all([
    secretary.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    secretary.getByRole("button", { name: /Dr Paul Schmit/ }).click(),
  ]);

  const page = await signedInPage(browser, baseURL, ACCOUNT.dentist, uniqueClientIp(), { land: false });
  const attempts = [
    `/dashboard?doctorId=${schmitId}`,
    `/dashboard?accountId=${schmitId}&mode=directe`,
    `/dashboard?doctor=${schmitId}&medecin=${schmitId}&compte=${schmitId}`,
    `/dashboard/${schmitId}`,
    `/dashboard?curseur=${Buffer.from(`n.0.0`).toString("base64url")}&doctorId=${schmitId}`,
  ];
  // What the server sends for each address, read without rendering it: its HTML and the data it
  // carries hold no address of Schmit's; the one page loaded below is checked as shown.
  for (const path of attempts) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    const html = await response.text();
    expect(html, path).not.toContain(ipOf(schmitIp));
    if (response.status() === 200) expect(html, path).toContain("Dr Marc Hoffmann");
  }

  // The same action, replayed by Hoffmann with Schmit's id where it lives and on the dashboard,
  // changes nothing.
  for (const url of ["/secretariat", "/dashboard"]) {
    const replayed = await page.request.fetch(url, {
      method: "POST",
      headers: { "next-action": pick.headers()["next-action"]!, "content-type": pick.headers()["content-type"]! },
      data: pick.postDataBuffer()!,
      maxRedirects: 0,
    });
    expect(replayed.status(), url).toBeLessThan(500);
    expect(await replayed.text()).not.toContain(ipOf(schmitIp));
  }
  await page.goto("/dashboard");
  await expect(page.locator("h1 + p")).toContainText("Dr Marc Hoffmann");
  await expectOwnPatientTotal(page, ACCOUNT.dentist);
  await expect(page.getByText(ipOf(schmitIp))).toHaveCount(0);

  for (const p of [schmit, secretary, page]) await p.context().close();
});

test("bad history parameters are refused or clamped, never an error page", async ({ doctorPage: page }) => {
  const cases: [string, string | null][] = [
    ["/dashboard?curseur=%25%25%25", "Ce lien de pagination n'est pas valide"],
    [`/dashboard?curseur=${Buffer.from("o.1.2;drop table users").toString("base64url")}`, "Ce lien de pagination n'est pas valide"],
    ["/dashboard?mode=admin", "Ce filtre n'existe pas"],
    ["/dashboard?mode=constructor", "Ce filtre n'existe pas"],
    ["/dashboard?mode=directe&mode=secretariat", "Ce filtre n'existe pas"],
    ["/dashboard?taille=10000", null],
    ["/dashboard?taille=-1&limit=10000", null],
  ];
  for (const [path, notice] of cases) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: "Historique de connexion" })).toBeVisible();
    if (notice) await expect(history(page).getByRole("status").filter({ hasText: notice })).toBeVisible();
    const rows = await historyRows(page).count();
    expect(rows, path).toBeGreaterThan(0);
    expect(rows, path).toBeLessThanOrEqual(20);
  }
});

/**
 * Clicks a pager link and returns the rows of the page it leads to, once they are there: the
 * previous page stays on screen while the next one loads, so wait for rows that were not on it.
 */
async function follow(page: Page, link: string, leaving: string[], expectedFirst?: string) {
  await history(page).getByRole("link", { name: link }).click();
  await expect
    .poll(async () => {
      const rows = await historyRows(page).allInnerTexts();
      if (rows.length !== 20) return false;
      return expectedFirst ? rows[0] === expectedFirst : !leaving.includes(rows[0]!);
    })
    .toBe(true);
  return historyRows(page).allInnerTexts();
}

// Signs in for itself rather than taking the stored session: on the stored one, the pager missed
// its way back once (« ← Plus récentes » did not return to the second page) in a full run.
test("the history pages 20 rows at a time, forward and back", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, baseURL, ACCOUNT.doctor, uniqueClientIp());
  await expect(historyRows(page)).toHaveCount(20);
  await expect(history(page).getByRole("link", { name: "← Plus récentes" })).toHaveCount(0);
  const firstPage = await historyRows(page).allInnerTexts();

  const secondPage = await follow(page, "Plus anciennes →", firstPage);
  await expect(page).toHaveURL(/curseur=/);
  expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);

  const thirdPage = await follow(page, "Plus anciennes →", secondPage);
  expect(thirdPage.filter((row) => secondPage.includes(row))).toEqual([]);
  expect(await follow(page, "← Plus récentes", thirdPage, secondPage[0])).toEqual(secondPage);
  await page.context().close();
});

test("on a phone the dashboard fits the screen", async ({ browser }, testInfo) => {
  const page = await storedSessionPage(browser, testInfo, "doctor", { viewport: { width: 390, height: 844 } });
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Historique de connexion" })).toBeVisible();
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  // Each connection is a card whose cells name their column.
  const firstCell = historyRows(page).first().locator("td").first();
  expect(await firstCell.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Date et heure"');
  await page.context().close();
});
