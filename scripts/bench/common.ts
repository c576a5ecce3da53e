import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { buildUnlessSkipped, machine, startServer, waitForHealth } from "@/tests/support/production-server";

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
    // A sign-in takes seconds on a busy shared machine (argon2, then the first page): wait for it.
    page.setDefaultTimeout(120_000);
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

// ---------------------------------------------------------------------------------------------
// The harness of the benchmarks that measure a page against a baseline page on the large data set
// (bench:agenda, bench:booking): settings from the environment, seeding, the production server,
// autocannon, the one-at-a-time rounds, and the run's life (stop the server, close the database).

export type BenchSettings = {
  port: number;
  base: string;
  /** Simultaneous connections under load (autocannon). */
  connections: number;
  /** Seconds per measure under load, after a `warmup`-second warm-up. */
  duration: number;
  warmup: number;
  /** Rounds of the one-at-a-time comparison. */
  rounds: number;
  /** Seconds before autocannon counts a request as failed (its default, 10, is short on a busy machine). */
  timeout: number;
};

/**
 * The run's settings (BENCH_PORT, BENCH_CONNECTIONS, BENCH_DURATION, BENCH_ROUNDS, BENCH_TIMEOUT),
 * and the environment the database client and the server read when first used: call it before
 * importing them. Without DATABASE_URL, an embedded PGlite folder `dataDir`.
 */
export function benchSettings(defaultPort: number, dataDir = ".data/bench"): BenchSettings {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= path.resolve(dataDir);
  const port = Number(process.env.BENCH_PORT || defaultPort);
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    connections: Number(process.env.BENCH_CONNECTIONS || 10),
    duration: Number(process.env.BENCH_DURATION || 20),
    warmup: 3,
    rounds: Number(process.env.BENCH_ROUNDS || 100),
    timeout: Number(process.env.BENCH_TIMEOUT || 30),
  };
}

/** Migrates, then seeds the large data set — or finds it complete and reuses it (seed/large-seed.ts). */
export async function seededLargeDatabase() {
  const { getDb } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const { assertPgliteFree } = await import("@/db/pglite-lock");
  const { seedLarge } = await import("@/seed/large-seed");
  assertPgliteFree();
  await runMigrations();
  const started = performance.now();
  const { reused } = await seedLarge(getDb(), { log: console.log });
  if (!reused) console.log(`Large data set seeded in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return getDb();
}

/** The rows of a raw `db.execute` answer. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A page measured, and a string its answer must hold (else the bench fails: it measured the wrong page). */
export type Target = { name: string; path: string; mustContain: string; headers?: Record<string, string> };

const headersOf = (target: Target, cookie?: string) => ({ ...(cookie ? { cookie } : {}), ...target.headers });
export type Load = { rps: number; p50: number; p95: number; p99: number; requests: number };
export type Times = { median: number; p95: number };

export function times(list: number[]): Times {
  const sorted = [...list].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** `target` under load: `settings.connections` at once for `seconds`, every answer a 2xx. */
export async function loadTest(settings: BenchSettings, target: Target, seconds: number, cookie?: string): Promise<Load> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: settings.base + target.path,
        connections: settings.connections,
        duration: seconds,
        timeout: settings.timeout,
        headers: headersOf(target, cookie),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  if (result.non2xx || result.errors) throw new Error(`${target.path}: ${result.non2xx} réponses non 2xx, ${result.errors} erreurs`);
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
  };
}

/** A warm-up, then the measure; prints it. */
export async function measureUnderLoad(settings: BenchSettings, target: Target, cookie?: string): Promise<Load> {
  await loadTest(settings, target, settings.warmup, cookie);
  const measure = await loadTest(settings, target, settings.duration, cookie);
  console.log(`${target.name}: ${f1(measure.rps)} req/s, p50 ${f1(measure.p50)} ms, p95 ${f1(measure.p95)} ms (load ${loadAverage()})`);
  return measure;
}

/** Checks `target` answers its page (HTTP 200 holding `mustContain`); returns the body. */
export async function checkPage(settings: BenchSettings, target: Target, cookie?: string): Promise<string> {
  const response = await fetch(settings.base + target.path, { headers: headersOf(target, cookie), redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(target.mustContain))
    throw new Error(`${target.path} does not answer the expected page (HTTP ${response.status})`);
  return body;
}

/**
 * One request at a time, the targets taking turns for `settings.rounds` rounds after 10 unmeasured
 * ones: the least noisy comparison on a shared machine. `between(counted)` runs after each round's
 * pages (another measure taking its turn). Keyed by the targets' names.
 */
export async function oneAtATime(
  settings: BenchSettings,
  targets: Target[],
  options: { cookie?: string; between?: (counted: boolean) => Promise<void> } = {},
): Promise<Map<string, Times>> {
  const measured = new Map(targets.map((t) => [t.name, [] as number[]]));
  for (let round = -10; round < settings.rounds; round++) {
    for (const target of targets) {
      const started = performance.now();
      const response = await fetch(settings.base + target.path, { headers: headersOf(target, options.cookie), redirect: "manual" });
      await response.arrayBuffer();
      if (round >= 0) measured.get(target.name)!.push(performance.now() - started);
    }
    await options.between?.(round >= 0);
  }
  return new Map([...measured].map(([p, list]) => [p, times(list)]));
}

/**
 * A benchmark's life: `prepare` (seed, pick what to measure), then the build unless
 * BENCH_SKIP_BUILD=1, the production server on `settings.port`, and `measure`; the server is
 * stopped and the database closed whatever happens, and an error is printed and fails the run.
 */
export async function runBench<C>(settings: BenchSettings, prepare: () => Promise<C>, measure: (context: C) => Promise<void>): Promise<void> {
  const { closeDb } = await import("@/db/client");
  let server: ChildProcess | undefined;
  try {
    const context = await prepare();
    // PGlite is one process's: the server opens the folder the seed used.
    if (databaseKind() === "pglite") await closeDb();
    buildUnlessSkipped(process.env.BENCH_SKIP_BUILD === "1");
    server = startServer(settings.port);
    await waitForHealth(server, settings.base);
    console.log(`Server on ${settings.base}; load average ${loadAverage()}.`);
    await measure(context);
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  } finally {
    server?.kill("SIGTERM");
    await closeDb().catch(() => {});
  }
}

/** The load average (1, 5, 15 min) as `uptime` shows it. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

export const f1 = (n: number) => n.toFixed(1);
export const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
