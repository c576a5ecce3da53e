import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import puppeteer, { type Page } from "puppeteer-core";
import { transparentSignaturePng } from "@/tests/support/signature-images";
import { FIXTURES } from "./fixtures/accounts";
import { PASSWORD, totpCode } from "./support/auth";

// The guide promises Chrome, Edge and Firefox. The rest of the suite runs in Chromium; this smoke
// test runs the path every doctor takes in Debian's Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi: sign in with the authenticator code, the dashboard, a signature upload.
// FIREFOX_PATH overrides the browser; .ci/run installs firefox-esr when it is missing.

const FIREFOX = [process.env.FIREFOX_PATH, "/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => p && fs.existsSync(p));

async function waitForPath(page: Page, pathname: string) {
  await page.waitForFunction((p: string) => location.pathname === p, { timeout: 20_000 }, pathname);
}

async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

// Run by the PGlite project only (playwright.config.ts): once is enough, the app is the same.
test("Firefox: sign in with the authenticator code, see the dashboard, upload a signature", { tag: "@firefox" }, async ({ baseURL }) => {
  // Like Chromium (scripts/test/run-e2e.ts): no browser, one line that says how to get one.
  if (!FIREFOX) throw new Error("Firefox introuvable : installez firefox-esr (apt-get install firefox-esr) ou indiquez FIREFOX_PATH.");
  test.setTimeout(120_000);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "doctipro-firefox-"));
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    extraPrefsFirefox: { "intl.accept_languages": "fr-LU, fr", "network.dns.disableIPv6": false },
  });
  try {
    const page = await browser.newPage();
    const account = FIXTURES.firefox.email;

    await page.goto(`${baseURL}/doctor_home`);
    expect(await bodyText(page)).toContain("Connexion médecin");
    await page.locator("input[name=email]").fill(account);
    await page.locator("input[name=password]").fill(PASSWORD);
    await page.locator("button[type=submit]").click();
    await waitForPath(page, "/connexion/2fa");
    expect(await bodyText(page)).toContain("Identification à deux facteurs (2FA)");

    await page.locator("input[name=code]").fill(totpCode(account));
    await page.locator("::-p-text(Vérifier le code)").click();
    await waitForPath(page, "/dashboard");
    await page.waitForFunction(() => document.body.innerText.includes("Historique de connexion"));
    const dashboard = await bodyText(page);
    expect(dashboard).toContain("Tableau de bord");
    // The connection that just happened, seen as Firefox by the history's user-agent parser.
    expect(dashboard).toMatch(/Firefox \d+/);
    expect(dashboard).toContain("Connexion directe");

    await page.goto(`${baseURL}/profile`);
    await page.waitForFunction(() => document.body.innerText.includes("Profil du praticien"));
    const file = path.join(profileDir, "signature.png");
    fs.writeFileSync(file, await transparentSignaturePng());
    // Enabled once React owns the page (components/ui/use-hydrated.ts).
    await page.waitForSelector("input[type=file]:not([disabled])");
    const input = await page.$("input[type=file]");
    await input!.uploadFile(file);
    await page.waitForFunction(() => document.body.innerText.includes("signature.png"));
    await page.locator("::-p-text(Téléverser)").click();
    await page.waitForFunction(() => document.body.innerText.includes("Signature enregistrée."), { timeout: 20_000 });
    const preview = await page.waitForSelector("[data-testid=signature-preview]");
    await page.waitForFunction((img: Element) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 600, {}, preview!);
  } finally {
    await browser.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
});
