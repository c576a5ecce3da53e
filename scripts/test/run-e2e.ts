import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

// Browser tests: find a Chromium (CHROMIUM_PATH, then Debian's, then one Playwright installed),
// build the production app, run Playwright. Never downloads a browser.
//
// Debian's chromium-headless-shell first: the same Chromium without the browser's UI, what
// Playwright itself runs headless. The full browser in headless mode costs the run about a third
// more CPU (docs/decisions/0053-browser-tests-on-the-headless-shell.md). A run that shows the
// browser (--headed, --debug, --ui) needs the full one.

const SHOWN = ["--headed", "--debug", "--ui"].some((flag) => process.argv.includes(flag));
const HEADLESS_SHELL = ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell"];

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, ...(SHOWN ? [] : HEADLESS_SHELL), "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const { chromium } = createRequire(import.meta.url)("playwright-core") as typeof import("playwright-core");
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return bundled;
  } catch {
    // no Playwright browser either
  }
  return null;
}

const chromium = findChromium();
if (!chromium) {
  console.error(
    "Aucun Chromium trouvé : installez-le (sudo apt-get install chromium-headless-shell chromium) ou indiquez son chemin dans CHROMIUM_PATH.",
  );
  process.exit(1);
}

const env = { ...process.env, CHROMIUM_PATH: chromium, NEXT_TELEMETRY_DISABLED: "1" };
if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(run.status ?? 1);
