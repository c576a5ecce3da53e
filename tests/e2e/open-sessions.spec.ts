import { expect, test } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { signedInPage, uniqueClientIp } from "./support/auth";

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
  await expect(here.getByText("1 autre(s) session(s) fermée(s).")).toBeVisible();
  await third.goto("/dashboard");
  await expect(third).toHaveURL(/\/doctor_home$/);
  // This session stays open.
  await here.goto("/dashboard");
  await expect(here).toHaveURL(/\/dashboard$/);
  for (const page of [here, elsewhere, third]) await page.context().close();
});
