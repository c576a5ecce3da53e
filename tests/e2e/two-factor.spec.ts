import { expect, test } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { alertOf, enterTotp, PASSWORD, signedInPage, signIn, submitSignIn, totpCode, ownClientIpPerTest, uniqueClientIp } from "./support/auth";
import { mailsTo, waitForMail } from "./support/mailbox";
import { totpCodeAt } from "@/lib/twofactor/totp";

test.use(ownClientIpPerTest);

const remaining = (n: number) => `${n} ${n < 2 ? "tentative restante" : "tentatives restantes"}`;

test("the 2FA step shows the guide's words, a one-time-code field and the masked address", async ({ page }) => {
  await submitSignIn(page, "doctor", FIXTURES.totp.email);
  await expect(page).toHaveURL(/\/connexion\/2fa$/);
  await expect(page.getByRole("heading", { name: "Identification à deux facteurs (2FA)" })).toBeVisible();
  await expect(
    page.getByText("Entrez le code à usage unique généré par votre application d'authentification (6 chiffres sans espace)."),
  ).toBeVisible();
  const field = page.getByLabel("Code à usage unique");
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await expect(field).toHaveAttribute("inputmode", "numeric");
  await expect(page.getByText(remaining(3))).toBeVisible();
  await expect(page.getByRole("button", { name: "➤ Envoyer le code à usage unique à : t***@e2e.doctipro.lu" })).toBeVisible();
  // No session before the code: private pages still send to the sign-in page.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/doctor_home$/);
});

test("enrol from the security page by reading the secret, sign out, sign in with the TOTP", async ({ page, request }) => {
  const email = FIXTURES.enrol.email;
  await signIn(page, email);
  await page.goto("/securite");
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  await page.getByLabel("Confirmez votre mot de passe").fill("mauvais mot de passe");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText("Mot de passe incorrect.")).toBeVisible();
  await page.getByLabel("Confirmez votre mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Continuer" }).click();

  await expect(page.getByRole("img", { name: /Code QR/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code à 6 chiffres").fill("000000");
  await page.getByRole("button", { name: "Activer" }).click();
  await expect(page.getByText(/Code incorrect/)).toBeVisible();
  await page.getByLabel("Code à 6 chiffres").fill(totpCodeAt(secret));
  await page.getByRole("button", { name: "Activer" }).click();
  await expect(page.getByText("La double authentification est activée.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Codes de secours" }).getByRole("listitem")).toHaveCount(10);
  await expect(page.getByRole("button", { name: "Télécharger (.txt)" })).toBeVisible();
  const mail = await waitForMail(request, email, "Sécurité de votre compte");
  expect(mail.text).toContain("activée");
  expect(mail.text).not.toContain(secret);

  await page.getByRole("button", { name: /Test enrol/ }).click();
  await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/doctor_home$/);
  await submitSignIn(page, "doctor", email);
  await expect(page).toHaveURL(/\/connexion\/2fa$/);
  // The activation used the current step; a code is accepted once, so the next step's code.
  await page.getByLabel("Code à usage unique").fill(totpCodeAt(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Vérifier le code" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("sign in with a code emailed instead, read back from the outbox", async ({ page, request }) => {
  const email = FIXTURES.mailCode.email;
  await submitSignIn(page, "doctor", email);
  await page.getByRole("button", { name: /Envoyer le code à usage unique à/ }).click();
  await expect(page.getByText("Un code à usage unique vient de vous être envoyé par courriel.")).toBeVisible();
  const mail = await waitForMail(request, email, "Votre code de connexion");
  const code = /(\d{6})/.exec(mail.text)?.[1];
  expect(code).toBeDefined();
  expect(mail.text).not.toContain(PASSWORD);
  await page.getByLabel("Code à usage unique").fill(code!);
  await page.getByRole("button", { name: "Vérifier le code" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test(
  "three wrong codes block the account, end its other sessions and email the user",
  { tag: "@embedded" },
  async ({ browser, baseURL, request }) => {
    const email = FIXTURES.block.email;
    const elsewhere = await signedInPage(browser, baseURL, email, uniqueClientIp(), { land: false });

    const context = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
    const page = await context.newPage();
    await submitSignIn(page, "doctor", email);
    for (const left of [2, 1]) {
      await page.getByLabel("Code à usage unique").fill("000000");
      await page.getByRole("button", { name: "Vérifier le code" }).click();
      await expect(page.getByText("Code incorrect.")).toBeVisible();
      await expect(page.getByText(remaining(left))).toBeVisible();
    }
    // Entering the password again gives no fresh attempts.
    await submitSignIn(page, "doctor", email);
    await expect(page.getByText(remaining(1))).toBeVisible();
    await page.getByLabel("Code à usage unique").fill("000000");
    await page.getByRole("button", { name: "Vérifier le code" }).click();

    await expect(page).toHaveURL(/\/connexion\/bloque$/);
    await expect(
      page.getByText("Votre compte est bloqué. Pour le réactiver, veuillez contacter notre support à l'adresse : info@doctipro.lu"),
    ).toBeVisible();
    await waitForMail(request, email, "Votre compte Doctipro est bloqué");

    // The session opened in the other browser is gone at its next request.
    await elsewhere.goto("/dashboard");
    await expect(elsewhere).toHaveURL(/\/doctor_home$/);

    // Sign-in is refused on every page, even with the right password.
    await submitSignIn(page, "doctor", email);
    await expect(alertOf(page)).toContainText("Votre compte est bloqué");
    await submitSignIn(page, "patient", email);
    await expect(alertOf(page)).toContainText("La fenêtre de connexion ci-dessus ne vous est pas destinée");
    await context.close();
    await elsewhere.context().close();
  },
);

test(
  "the third emailed code is sent as the last; when it fails the account is blocked and says why",
  { tag: "@embedded" },
  async ({ page, request }) => {
    const email = FIXTURES.mailBlock.email;
    await submitSignIn(page, "doctor", email);
    const send = page.getByRole("button", { name: /Envoyer le code à usage unique à/ });
    await send.click();
    await expect(page.getByText("Codes demandés par courriel : 1 sur 3.", { exact: false })).toBeVisible();
    await send.click();
    await expect(page.getByText("Codes demandés par courriel : 2 sur 3.", { exact: false })).toBeVisible();
    await waitForMail(request, email, "Votre code de connexion", 2);
    // The third request still sends a code, and says on the page and in the email that it is the last.
    await send.click();
    await expect(page.getByText("Codes demandés par courriel : 3 sur 3.", { exact: false })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "c'est le dernier code que vous pouvez demander" })).toBeVisible();
    const last = await waitForMail(request, email, "Votre dernier code de connexion");
    const code = /Votre code à usage unique est : (\d{6})/.exec(last.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(last.text).toContain("c'est le dernier code que vous pouvez demander");

    // The last code typed wrong: blocked at once, the page says what happened and how to reach support.
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    await page.getByLabel("Code à usage unique").fill(wrong);
    await page.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(page).toHaveURL(/\/connexion\/bloque\?motif=courriel$/);
    await expect(page.getByText("Trois codes à usage unique ont été demandés par courriel sans connexion réussie", { exact: false })).toBeVisible();
    await expect(page.getByText(/info@doctipro\.lu/)).toBeVisible();
    const blocked = await waitForMail(request, email, "Votre compte Doctipro est bloqué");
    expect(blocked.text).toContain("Trois codes à usage unique ont été demandés par courriel sans connexion réussie");
  },
);

test("a recovery code works instead of the app, once", async ({ page }) => {
  const email = FIXTURES.recovery.email;
  const useRecovery = async (code: string) => {
    await submitSignIn(page, "doctor", email);
    await page.getByRole("button", { name: "Utiliser un code de secours" }).click();
    await page.getByLabel("Code de secours").fill(code);
    await page.getByRole("button", { name: "Vérifier le code" }).click();
  };
  await useRecovery("ABCDE-FGH23");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("button", { name: /Test recovery/ }).click();
  await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/doctor_home$/);

  await useRecovery("abcde-fgh23");
  await expect(page.getByText("Code de secours incorrect ou déjà utilisé.")).toBeVisible();
  await expect(page.getByText(remaining(2))).toBeVisible();
  await page.getByLabel("Code de secours").fill("zyxwv-utsr7");
  await page.getByRole("button", { name: "Vérifier le code" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test.describe("malformed codes are refused before counting", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`${javaScriptEnabled ? "in the browser" : "on the server (no JavaScript)"}`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders: uniqueClientIp() });
      const page = await context.newPage();
      await submitSignIn(page, "doctor", FIXTURES.malformed.email);
      await expect(page).toHaveURL(/\/connexion\/2fa$/);
      for (const bad of ["123 456", "12a456", "12345", "1234567", ""]) {
        await page.getByLabel("Code à usage unique").fill(bad);
        await page.getByRole("button", { name: "Vérifier le code" }).click();
        await expect(page.getByText(bad ? "Le code se compose de 6 chiffres, sans espace." : "Saisissez le code à 6 chiffres.")).toBeVisible();
        await expect(page.getByText(remaining(3))).toBeVisible();
      }
      await context.close();
    });
  }
});

test("a used or replayed pending step opens nothing", { tag: "@embedded" }, async ({ browser, baseURL }) => {
  const email = FIXTURES.totp.email;
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  const page = await context.newPage();
  await submitSignIn(page, "doctor", email);
  const pendingCookies = await context.cookies();

  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(pendingCookies);

  await enterTotp(page, email, 1);
  await expect(page).toHaveURL(/\/dashboard$/);

  const replayPage = await replay.newPage();
  await replayPage.goto("/connexion/2fa");
  await expect(replayPage.getByText("Votre demande de connexion a expiré ou a déjà servi.", { exact: false })).toBeVisible();
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/doctor_home$/);
  await replay.close();
  await context.close();
});

test("a support account without 2FA enrols before its first session", async ({ page, request }) => {
  const email = FIXTURES.supportNew.email;
  await submitSignIn(page, "support", email);
  await expect(page).toHaveURL(/\/connexion\/activer-2fa$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto("/connexion/activer-2fa");
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code à 6 chiffres").fill(totpCodeAt(secret));
  await page.getByRole("button", { name: "Activer" }).click();
  await expect(page.getByRole("list", { name: "Codes de secours" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "J'ai conservé mes codes, continuer" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await waitForMail(request, email, "Sécurité de votre compte");
  // Support cannot switch it off.
  await page.goto("/securite");
  await expect(page.getByText("La double authentification est obligatoire pour les comptes du support.")).toBeVisible();
  expect(await mailsTo(request, email)).toHaveLength(1);
});

test(
  "TOTP codes: a code is accepted once only; the replay is refused without using an attempt",
  { tag: "@embedded" },
  async ({ browser, baseURL }) => {
    const email = FIXTURES.replay.email;
    const code = totpCode(email);
    const first = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
    const a = await first.newPage();
    await submitSignIn(a, "doctor", email);
    await a.getByLabel("Code à usage unique").fill(code);
    await a.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(a).toHaveURL(/\/dashboard$/);

    const second = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
    const b = await second.newPage();
    await submitSignIn(b, "doctor", email);
    await b.getByLabel("Code à usage unique").fill(code);
    await b.getByRole("button", { name: "Vérifier le code" }).click();
    const used = "Ce code a déjà servi. Attendez que votre application affiche le code suivant, puis saisissez-le.";
    await expect(b.getByText(used)).toBeVisible();
    await expect(b.getByText("Code incorrect.")).toHaveCount(0);
    await expect(b.getByText(remaining(3))).toBeVisible();
    // Again after a wrong code: the wrong one counts, the replay does not.
    await b.getByLabel("Code à usage unique").fill(code === "000000" ? "111111" : "000000");
    await b.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(b.getByText("Code incorrect.")).toBeVisible();
    await expect(b.getByText(remaining(2))).toBeVisible();
    await b.getByLabel("Code à usage unique").fill(code);
    await b.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(b.getByText(used)).toBeVisible();
    await expect(b.getByText(remaining(2))).toBeVisible();
    // The page drawn afresh reads the account's counter: still 2 left, so nothing was counted.
    await b.goto("/connexion/2fa");
    await expect(b.getByText(remaining(2))).toBeVisible();
    // The next code signs in (and resets the counter for the next tests of this account).
    await b.getByLabel("Code à usage unique").fill(totpCode(email, 1));
    await b.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(b).toHaveURL(/\/dashboard$/);
    await first.close();
    await second.close();
  },
);
