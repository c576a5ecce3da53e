import { expect, test } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { PASSWORD, signedInPage, submitSignIn, uniqueClientIp } from "./support/auth";
import { waitForMail } from "./support/mailbox";

test("the security page lists my open sessions; I can end one, or all the others", async ({ browser, baseURL }) => {
  const email = FIXTURES.sessions.email;
  const here = await signedInPage(browser, baseURL, email, uniqueClientIp());
  const elsewhere = await signedInPage(browser, baseURL, email, uniqueClientIp());

  await here.goto("/securite");
  const list = here.getByRole("list", { name: "Sessions ouvertes" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByText("Cette session")).toHaveCount(1);
  await list.getByRole("button", { name: /^Déconnecter / }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await elsewhere.goto("/dashboard");
  await expect(elsewhere).toHaveURL(/\/doctor_home$/);

  const third = await signedInPage(browser, baseURL, email, uniqueClientIp());
  await here.reload();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await here.getByRole("button", { name: "Déconnecter les autres sessions" }).click();
  const ask = here.getByRole("dialog", { name: "Déconnecter les autres sessions ?" });
  await expect(ask).toContainText("1 autre session ouverte sera fermée");
  await ask.getByRole("button", { name: "Déconnecter les autres sessions" }).click();
  await expect(here.getByText("1 autre session fermée.")).toBeVisible();
  await third.goto("/dashboard");
  await expect(third).toHaveURL(/\/doctor_home$/);
  // This session stays open.
  await here.goto("/dashboard");
  await expect(here).toHaveURL(/\/dashboard$/);
  for (const page of [here, elsewhere, third]) await page.context().close();
});

test("I change my password on the security page: refused when wrong or weak, then the others are signed out and I am told", async ({
  browser,
  baseURL,
}) => {
  const email = FIXTURES.passwordChange.email;
  const here = await signedInPage(browser, baseURL, email, uniqueClientIp());
  const elsewhere = await signedInPage(browser, baseURL, email, uniqueClientIp());
  await here.goto("/securite");
  const current = here.getByLabel("Mot de passe actuel");
  const next = here.getByLabel("Nouveau mot de passe", { exact: true });
  const confirmation = here.getByLabel("Confirmez le nouveau mot de passe");
  const submit = here.getByRole("button", { name: "Changer le mot de passe" });

  await current.fill("pas le bon mot de passe");
  await next.fill("lanterne verte sur la moselle");
  await confirmation.fill("lanterne verte sur la moselle");
  await submit.click();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(here.getByText("Mot de passe incorrect.")).toBeVisible();

  await current.fill(PASSWORD);
  await next.fill(email);
  await confirmation.fill(email);
  await submit.click();
  await expect(next).toHaveAttribute("aria-invalid", "true");

  await next.fill("lanterne verte sur la moselle");
  await confirmation.fill("lanterne verte sur la moselle");
  await submit.click();
  await expect(here.getByText("Mot de passe modifié. Un courriel vous le confirme. 1 autre session fermée.")).toBeVisible();
  await expect(current).toHaveValue("");
  await waitForMail(here.request, email, "Votre mot de passe Doctipro a été modifié");

  await elsewhere.goto("/dashboard");
  await expect(elsewhere).toHaveURL(/\/doctor_home$/);
  await here.goto("/dashboard");
  await expect(here).toHaveURL(/\/dashboard$/);
  // The old password no longer opens the account; the new one does.
  await submitSignIn(elsewhere, "doctor", email);
  await expect(elsewhere.getByText(/Courriel ou mot de passe incorrect/)).toBeVisible();
  await submitSignIn(elsewhere, "doctor", email, "lanterne verte sur la moselle");
  await expect(elsewhere).toHaveURL(/\/dashboard$/);
  for (const page of [here, elsewhere]) await page.context().close();
});
