import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER } from "./production-server";

// What every benchmark script shares: the production server it measures, percentiles, the
// machine's description and the block of docs/benchmarks.md it rewrites. A benchmark never fails
// on a slow figure, only when a page does not answer as expected.

export const REPORT = path.resolve("docs/benchmarks.md");

/** Throwaway secrets for a local measurement on PostgreSQL (the server demands them there). */
export function benchSecrets(): void {
  if (!process.env.DATABASE_URL) return;
  process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
  process.env.AUTH_ENCRYPTION_KEY ||= randomBytes(32).toString("base64url");
}

export function buildUnlessSkipped(): void {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) throw new Error("npm run build failed");
}

export function startServer(port: number): ChildProcess {
  benchSecrets();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), LOG_LEVEL: "warn" };
  // BENCH_CPU_PROF=1: the server writes a V8 CPU profile into .data/bench-profiles when it stops
  // (open it in Chrome DevTools or speedscope) — where a page's time goes.
  const profile = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(".data/bench-profiles")] : [];
  // What `npm start` runs: the server bundled by `npm run build`.
  return spawn(process.execPath, [...profile, ...PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER], { env, stdio: ["ignore", "ignore", "inherit"] });
}

export async function waitForHealth(server: ChildProcess, base: string): Promise<void> {
  for (let i = 0; i < 180; i++) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not answer /api/health within 3 minutes");
}

/** Peak resident memory of a process so far (Linux), in MiB; null elsewhere. */
export function peakRssMiB(pid: number | undefined): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summary(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "CPU inconnu"}, ${cpus.length} cœurs, ${Math.round(os.totalmem() / 2 ** 30)} Gio, ${os.type()} ${os.release()}, Node ${process.version}`;
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
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${current.trimEnd()}\n\n${block}\n`;
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
