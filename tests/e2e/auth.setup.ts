import { expect, test as setup } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { signIn, uniqueClientIp } from "./support/auth";
import { STORED_ACCOUNT, STORED_ROLES, storedStatePath } from "./fixtures/signed-in";

// Runs first in each database's project (playwright.config.ts: setup-pglite, setup-postgres): signs
// one account per role in through the pages — password, and the second factor for support — and
// stores the cookies for tests/e2e/fixtures/signed-in.ts. The sign-in itself is tested in
// sign-in.spec.ts and two-factor.spec.ts.

for (const role of STORED_ROLES) {
  setup(`sign in once as ${role}`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: uniqueClientIp() });
    const page = await context.newPage();
    await signIn(page, STORED_ACCOUNT[role]);
    if (role === "secretary") {
      await page.getByRole("button", { name: /Dr Paul Schmit/ }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByText("Vous travaillez pour Dr Paul Schmit")).toBeVisible();
    }
    const file = storedStatePath(testInfo.project.name, role);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await context.storageState({ path: file });
    await context.close();
  });
}
