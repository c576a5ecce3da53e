import { expect, test } from "@playwright/test";
import { SIGN_IN_PATH, type Role } from "@/lib/auth/roles";
import { ACCOUNT, alertOf, enterTotp, HOME, PASSWORD, submitSignIn, ownClientIpPerTest, uniqueClientIp } from "./support/auth";

test.use(ownClientIpPerTest);

test.describe("each role signs in on its own page and lands in its area", () => {
  test("doctor → dashboard with the practice layout", { tag: "@embedded" }, async ({ page }) => {
    await submitSignIn(page, "doctor", ACCOUNT.doctor);
    await expect(page).toHaveURL(HOME.doctor);
    await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
    await page.getByRole("button", { name: /Dr Paul Schmit/ }).click();
    await expect(page.getByRole("menuitem", { name: "Mon profil" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Se déconnecter" })).toBeVisible();
  });

  test("dentist → dashboard", async ({ page }) => {
    await submitSignIn(page, "doctor", ACCOUNT.dentist);
    await expect(page).toHaveURL(HOME.doctor);
    await expect(page.getByText("Médecin-dentiste")).toBeVisible();
  });

  test("secretary → the doctors she is attached to, then a doctor's dashboard via secrétariat", async ({ page }) => {
    await submitSignIn(page, "secretary", ACCOUNT.secretary);
    await expect(page).toHaveURL(HOME.secretary);
    await expect(page.getByRole("button", { name: /Dr Paul Schmit/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Dr Anne Weber/ })).toBeVisible();
    await expect(page.getByText(/Hoffmann/)).toHaveCount(0);
    await page.getByRole("button", { name: /Dr Anne Weber/ }).click();
    await expect(page).toHaveURL(HOME.doctor);
    await expect(page.getByRole("status").filter({ hasText: "Vous travaillez pour Dr Anne Weber" })).toBeVisible();
    // A secretary sees the doctor's figures, not the doctor's connection history.
    await expect(page.getByRole("heading", { name: "Historique de connexion" })).toHaveCount(0);
  });

  test("patient → patient space", async ({ page }) => {
    await submitSignIn(page, "patient", ACCOUNT.patient);
    await expect(page).toHaveURL(HOME.patient);
    await expect(page.getByRole("heading", { name: "Bonjour Luc" })).toBeVisible();
  });

  test("support → admin, always through the second factor", async ({ page }) => {
    await submitSignIn(page, "support", ACCOUNT.support);
    await expect(page).toHaveURL(/\/connexion\/2fa$/);
    await enterTotp(page, ACCOUNT.support);
    await expect(page).toHaveURL(HOME.support);
    await expect(page.getByRole("heading", { name: "Utilisateurs" })).toBeVisible();
  });
});

test("each sign-in page shows the guide's labels", async ({ page }) => {
  const titles: Record<Role, string> = {
    doctor: "Connexion médecin",
    secretary: "Connexion secrétariat",
    patient: "Connexion patient",
    support: "Connexion support",
  };
  for (const [role, title] of Object.entries(titles) as [Role, string][]) {
    await page.goto(SIGN_IN_PATH[role]);
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expect(page.getByLabel("Courriel")).toBeVisible();
    await expect(page.getByLabel("Mot de passe")).toBeVisible();
    await expect(page.getByRole("link", { name: "Mot de passe oublié ?" })).toBeVisible();
    await expect(page.getByRole("button", { name: "S'identifier" })).toBeVisible();
  }
  // The support page is never linked from the public pages.
  await page.goto(SIGN_IN_PATH.doctor);
  await expect(page.locator('a[href^="/admin"]')).toHaveCount(0);
});

test.describe("a valid account on another role's page gets the same hint, whatever its role", () => {
  const cases: Record<Role, string[]> = {
    doctor: [ACCOUNT.secretary, ACCOUNT.patient, ACCOUNT.support],
    secretary: [ACCOUNT.doctor, ACCOUNT.patient, ACCOUNT.support],
    // Support has an authenticator: the hint still comes first, the password step never starts 2FA
    // on the wrong page (lib/auth/sign-in.ts checks the page before two-factor).
    patient: [ACCOUNT.doctor, ACCOUNT.secretary, ACCOUNT.support],
    support: [ACCOUNT.doctor, ACCOUNT.secretary, ACCOUNT.patient],
  };
  const HINT = "Vous cherchez un autre accès ? La fenêtre de connexion ci-dessus ne vous est pas destinée.";
  for (const [portal, emails] of Object.entries(cases) as [Role, string[]][]) {
    test(`on ${SIGN_IN_PATH[portal]}`, async ({ page }) => {
      const texts = new Set<string>();
      for (const email of emails) {
        await submitSignIn(page, portal, email);
        const alert = alertOf(page);
        await expect(alert).toContainText(HINT);
        await expect(page).toHaveURL(new RegExp(`${SIGN_IN_PATH[portal]}$`));
        // Links to the other public pages, never to support's.
        await expect(alert.getByRole("link")).toHaveCount(portal === "support" ? 3 : 2);
        await expect(alert.locator('a[href^="/admin"]')).toHaveCount(0);
        texts.add(await alert.innerText());
      }
      // Nothing in the text tells which role the account has.
      expect(texts.size).toBe(1);
      // No 2FA step was started for any of them, not even for the accounts with an authenticator.
      expect((await page.context().cookies()).map((c) => c.name).filter((n) => n.endsWith("doctipro-2fa"))).toEqual([]);
    });
  }
});

test("a wrong password and an unknown email read exactly the same", async ({ page }) => {
  await submitSignIn(page, "doctor", ACCOUNT.doctor, "pas le bon mot de passe");
  const wrongPassword = await alertOf(page).innerText();
  await submitSignIn(page, "doctor", "personne.inconnue@demo.doctipro.lu", "pas le bon mot de passe");
  const unknownEmail = await alertOf(page).innerText();
  expect(wrongPassword).toBe("Courriel ou mot de passe incorrect.");
  expect(unknownEmail).toBe(wrongPassword);
  await expect(page).toHaveURL(/\/doctor_home$/);
});

test.describe("bad input gets a French message next to the field", () => {
  test("empty fields", async ({ page }) => {
    await page.goto(SIGN_IN_PATH.doctor);
    await page.getByRole("button", { name: "S'identifier" }).click();
    await expect(page.getByText("Saisissez votre courriel.")).toBeVisible();
    await expect(page.getByText("Saisissez votre mot de passe.")).toBeVisible();
    await expect(page.getByLabel("Courriel")).toHaveAttribute("aria-invalid", "true");
  });

  test("malformed and oversized email, oversized password", async ({ page }) => {
    await page.goto(SIGN_IN_PATH.doctor);
    await page.getByLabel("Courriel").fill("pas-un-courriel");
    await page.getByLabel("Mot de passe").fill("x");
    await page.getByRole("button", { name: "S'identifier" }).click();
    await expect(page.getByText("Ce courriel n'est pas valide.")).toBeVisible();
  });
});

test.describe("without JavaScript, the server checks everything itself", () => {
  test.use({ javaScriptEnabled: false });

  test("an oversized email and password are refused by the server action, with no error page", async ({ page }) => {
    await page.goto(SIGN_IN_PATH.doctor);
    await page.getByLabel("Courriel").evaluate((el: HTMLInputElement) => el.removeAttribute("maxlength"));
    await page.getByLabel("Mot de passe").evaluate((el: HTMLInputElement) => el.removeAttribute("maxlength"));
    await page.getByLabel("Courriel").fill(`${"a".repeat(320)}@x.lu`);
    await page.getByLabel("Mot de passe").fill("p".repeat(129));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "S'identifier" }).click(),
    ]);
    expect(response.status()).toBeLessThan(500);
    await expect(page.getByText("Le courriel ne peut pas dépasser 320 caractères.")).toBeVisible();
    await expect(page.getByText("Le mot de passe ne peut pas dépasser 128 caractères.")).toBeVisible();
  });

  test("the right password signs in through the plain HTML form too", async ({ page }) => {
    await page.goto(SIGN_IN_PATH.patient);
    await page.getByLabel("Courriel").fill(ACCOUNT.patient);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "S'identifier" }).click();
    await expect(page).toHaveURL(HOME.patient);
  });
});

const TOO_MANY = "Trop de tentatives de connexion. Réessayez dans";

/**
 * Keeps failing until the throttle answers. The delays are short at first (1 s, 2 s, 4 s…), so on a
 * slow machine an attempt may land after the delay and simply fail again: what must hold is that
 * the throttle answers within a few more attempts, and never before the free ones are used.
 */
async function expectThrottledSoon(page: import("@playwright/test").Page, attempt: () => Promise<void>) {
  for (let i = 0; i < 6; i++) {
    await attempt();
    const text = await alertOf(page).innerText();
    if (text.startsWith(TOO_MANY)) return;
    expect(text).toBe("Courriel ou mot de passe incorrect.");
  }
  throw new Error("never throttled");
}

test("repeated failures are throttled per account with a growing delay, never a block", { tag: "@embedded" }, async ({ page }) => {
  test.slow();
  const email = `throttle-${Date.now()}@demo.doctipro.lu`;
  for (let i = 0; i < 5; i++) {
    await submitSignIn(page, "doctor", email, `mauvais-mot-de-passe-${i}`);
    await expect(alertOf(page)).toHaveText("Courriel ou mot de passe incorrect.");
  }
  await expectThrottledSoon(page, () => submitSignIn(page, "doctor", email, "encore-un-essai"));
});

test("repeated failures from one address are throttled across accounts", { tag: "@embedded" }, async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  const page = await context.newPage();
  await page.goto("/patient_home");
  for (let i = 0; i < 20; i++) {
    // Same page, new attempt: wait for the action's answer, since the message does not change.
    await page.getByLabel("Courriel").fill(`inconnu-${i}-${Date.now()}@demo.doctipro.lu`);
    await page.getByLabel("Mot de passe").fill("mauvais-mot-de-passe");
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "S'identifier" }).click()]);
    await expect(alertOf(page)).toHaveText("Courriel ou mot de passe incorrect.");
  }
  // Another account from the same address waits too (a right password waiting is a unit test:
  // lib/auth/sign-in.test.ts, where the clock does not run between attempts).
  let n = 0;
  await expectThrottledSoon(page, () => submitSignIn(page, "patient", `encore-${n++}-${Date.now()}@demo.doctipro.lu`, "mauvais"));
  await context.close();
});
