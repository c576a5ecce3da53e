import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { machine } from "@/tests/support/production-server";

// What every benchmark script shares: percentiles, the database's description and the block of
// docs/benchmarks.md it rewrites. Starting the production server they measure is shared with the
// reliability test: tests/support/production-server.ts. A benchmark never fails
// on a slow figure, only when a page does not answer as expected.

export const REPORT = path.resolve("docs/benchmarks.md");

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summary(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export const databaseKind = (): "postgres" | "pglite" => (process.env.DATABASE_URL ? "postgres" : "pglite");

/** « PostgreSQL 15.20 (…) », as the database reports itself. */
export async function databaseVersion(db: { execute: (query: SQL) => Promise<unknown> }): Promise<string> {
  const result = (await db.execute(sql`SELECT version() AS v`)) as { rows: { v: string }[] };
  return result.rows[0]!.v.split(" on ")[0]!;
}

/**
 * The lines every report starts with: when and with which command, the machine, how busy it was
 * (other work on a shared machine moves every figure), and the database.
 */
export function reportHeader(command: string, how: string, loadBefore: number, database: string): string[] {
  return [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run ${command}\` (${how}).`,
    "",
    `- Machine: ${machine()}`,
    `- Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${os.loadavg()[0]!.toFixed(2)}`,
    `- Database: ${database}${process.env.DATABASE_URL ? " (DATABASE_URL, local server)" : " (embedded)"}`,
  ];
}

/** Rewrites (or appends) the `bench:<name>:<database>` block of docs/benchmarks.md, and prints it. */
export function writeReport(name: string, section: string, database = databaseKind()): void {
  const start = `<!-- bench:${name}:${database}:start -->`;
  const end = `<!-- bench:${name}:${database}:end -->`;
  const current = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, "utf8") : "";
  const block = `${start}\n${section}\n${end}`;
  const next = current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(REPORT, next);
  console.log(`\n${section}\n\nÉcrit dans ${path.relative(process.cwd(), REPORT)}.`);
}

/**
 * The cookies of a Chromium signed in as `email` with the demo password on /doctor_home: at home,
 * or at the 2FA step for an account with an authenticator when `stopAtSecondFactor`.
 */
export async function browserCookies(base: string, email: string, password: string, stopAtSecondFactor = false): Promise<string> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ baseURL: base });
    await page.goto("/doctor_home");
    await page.getByLabel("Courriel").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "S'identifier" }).click();
    await page.waitForURL(stopAtSecondFactor ? /\/connexion\/2fa$/ : /\/dashboard$/);
    return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** Where each bench:sign-in run leaves its server's peak RSS, for `npm run bench` to print them side by side. */
export const PEAKS_FILE = path.resolve(".data/bench-peaks.json");

export type Peaks = Record<string, { peakMiB: number; at: string }>;

/** Records a server's peak RSS under `key` (« postgres:large », « pglite:demo »…). */
export function recordPeak(key: string, peakMiB: number): void {
  const peaks = readPeaks();
  peaks[key] = { peakMiB: Math.round(peakMiB), at: new Date().toISOString().slice(0, 16).replace("T", " ") };
  fs.mkdirSync(path.dirname(PEAKS_FILE), { recursive: true });
  fs.writeFileSync(PEAKS_FILE, JSON.stringify(peaks, null, 2));
}

export function readPeaks(): Peaks {
  return fs.existsSync(PEAKS_FILE) ? (JSON.parse(fs.readFileSync(PEAKS_FILE, "utf8")) as Peaks) : {};
}
