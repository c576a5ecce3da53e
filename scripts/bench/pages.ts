import type { ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { browserCookies, databaseKind, reportHeader, writeReport } from "./common";
import { buildUnlessSkipped, startServer, waitForHealth } from "@/tests/support/production-server";

// npm run bench:pages — page quality as a browser sees it: Lighthouse (performance, accessibility,
// best practices; its default mobile profile with simulated throttling) on the doctors' sign-in
// page, the 2FA step, /dashboard and /profile, and the JavaScript each page loads first, gzipped,
// summed from the scripts its HTML asks for. Lighthouse runs BENCH_LIGHTHOUSE_RUNS times (5) per page;
// the median counts. Runs the production build on a fresh embedded
// database with the demo accounts (or DATABASE_URL). CHROME_PATH / CHROMIUM_PATH name the browser.

const PORT = Number(process.env.BENCH_PORT || 3230);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 5);
const CHROME = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium";

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= path.resolve(".data/bench-pages");
// The demo accounts sign in: the server seeds them, on PostgreSQL too.
process.env.DEMO_SEED ??= "1";

const { DEMO_PASSWORD } = await import("@/seed/demo-accounts");

type Page = { name: string; path: string; cookie: string };
type Scores = { performance: number; accessibility: number; bestPractices: number; failing: string[] };

/** gzip size of the JavaScript a page's HTML loads before any interaction. */
async function firstLoadJs(page: Page): Promise<number> {
  const html = await (await fetch(BASE + page.path, { headers: { cookie: page.cookie } })).text();
  // A `noModule` script (Next.js's legacy polyfills) is never fetched by a browser that runs
  // modules, so it is not part of the page's load (Next's own build report leaves it out too).
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const sources = new Set(tags.flatMap((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1] ?? []));
  let total = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  return total;
}

async function audit(page: Page, port: number): Promise<Scores | null> {
  const result = await lighthouse(BASE + page.path, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices"],
    extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
    // The server is on this machine: no need to clear a cache between pages, but each page's
    // figures are its own cold load.
    disableStorageReset: true,
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`);
  const { categories, audits, finalDisplayedUrl, runtimeError } = result.lhr;
  // A run Lighthouse itself could not complete (e.g. NO_NAVSTART: its trace missed the navigation)
  // scores 0 on every timing: it says nothing of the page, so it is run again.
  if (runtimeError || categories.performance?.score == null) return null;
  if (!finalDisplayedUrl.endsWith(page.path)) throw new Error(`${page.path} ended on ${finalDisplayedUrl}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const failing = Object.values(audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
    .map((a) => {
      // For an accessibility failure, the first element at fault: where to look.
      const items = (a.details as { items?: { node?: { snippet?: string } }[] } | undefined)?.items ?? [];
      const snippet = categories.accessibility?.auditRefs.some((r) => r.id === a.id) ? items[0]?.node?.snippet : undefined;
      return snippet ? `${a.id} (\`${snippet.slice(0, 120).replace(/`/g, "'")}\`)` : a.id;
    });
  return { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), failing };
}

let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  buildUnlessSkipped(process.env.BENCH_SKIP_BUILD === "1");
  server = startServer(PORT);
  await waitForHealth(server, BASE);
  const doctor = await browserCookies(BASE, "dr.schmit@demo.doctipro.lu", DEMO_PASSWORD);
  const pages: Page[] = [
    { name: "Connexion médecin", path: "/doctor_home", cookie: "" },
    // Weber has 2FA: the step is opened by its pending-step cookie. Lighthouse loads it twice at
    // most, well within its 10 minutes.
    { name: "Étape 2FA", path: "/connexion/2fa", cookie: await browserCookies(BASE, "dr.weber@demo.doctipro.lu", DEMO_PASSWORD, true) },
    { name: "Tableau de bord", path: "/dashboard", cookie: doctor },
    { name: "Profil", path: "/profile", cookie: doctor },
  ];
  chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  // Each page's first request after a start loads its code: not what a visitor meets.
  for (const page of pages) await fetch(BASE + page.path, { headers: { cookie: page.cookie } }).then((r) => r.arrayBuffer());
  const loadBefore = os.loadavg()[0]!;
  // Lighthouse's figures move from run to run on a shared machine: its authors advise the median of
  // five. The runs go round the pages, so drift in the machine's load reaches every page alike.
  const runs: Scores[][] = pages.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    for (const [i, page] of pages.entries()) {
      let scores = await audit(page, chrome.port);
      for (let retry = 0; !scores && retry < 3; retry++) {
        console.log(`${page.name}, run ${run + 1}/${RUNS}: Lighthouse could not complete the run, once more`);
        scores = await audit(page, chrome.port);
      }
      if (!scores) throw new Error(`Lighthouse could not complete a run of ${page.path} four times in a row`);
      console.log(
        `${page.name}, run ${run + 1}/${RUNS}: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores.bestPractices}`,
      );
      runs[i]!.push(scores);
    }
  }
  const rows: string[] = [];
  const notes: string[] = [];
  for (const [i, page] of pages.entries()) {
    const js = await firstLoadJs(page);
    const all = runs[i]!;
    const cell = (pick: (s: Scores) => number) => {
      const values = all.map(pick).sort((a, b) => a - b);
      const median = values[Math.floor(values.length / 2)]!;
      return values[0] === values.at(-1) ? `${median}` : `${median} (${values[0]}–${values.at(-1)})`;
    };
    rows.push(
      `| ${page.name} (\`${page.path}\`) | ${cell((s) => s.performance)} | ${cell((s) => s.accessibility)} | ${cell((s) => s.bestPractices)} | ${(js / 1024).toFixed(1)} |`,
    );
    // The audits that failed in the median run (by performance): where time would go next.
    const median = [...all].sort((a, b) => a.performance - b.performance)[Math.floor(all.length / 2)]!;
    if (median.failing.length) notes.push(`- ${page.name}: audits under 90 in the median run — ${median.failing.join(", ")}`);
  }
  const section = [
    ...reportHeader(
      "bench:pages",
      `Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile profile, simulated throttling, median of ${RUNS} runs per page (lowest–highest)`,
      loadBefore,
      `${databaseKind() === "postgres" ? "PostgreSQL" : "PGlite"}, demo accounts`,
    ),
    "",
    "| page | performance | accessibility | best practices | first-load JS, kB gzip |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "Targets: performance ≥ 95, accessibility 100, best practices ≥ 95; first-load JS ≤ 150 kB gzip on the sign-in pages.",
    ...(notes.length ? ["", ...notes] : []),
  ].join("\n");
  writeReport("pages", section);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  await chrome?.kill();
  server?.kill("SIGTERM");
}
