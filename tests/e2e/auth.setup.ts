import { test as setup } from "@playwright/test";
import { signInAndStore, STORED_ROLES, storedStatePath } from "./fixtures/signed-in";

// Runs first in each database's project that runs the whole suite (playwright.config.ts:
// setup-postgres, and setup-pglite without PostgreSQL): signs one account per role in through the
// pages — password, and the second factor for support — and stores the cookies for
// tests/e2e/fixtures/signed-in.ts. The sign-in itself is tested in sign-in.spec.ts and
// two-factor.spec.ts.

for (const role of STORED_ROLES) {
  setup(`sign in once as ${role}`, async ({ browser }, testInfo) => {
    await signInAndStore(browser, testInfo.project.use.baseURL, role, storedStatePath(testInfo.project.name, role));
  });
}
