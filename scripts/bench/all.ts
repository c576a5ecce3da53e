import { spawnSync } from "node:child_process";
import path from "node:path";
import { readPeaks } from "./common";

// npm run bench — every benchmark in one go, on one database holding the large data set (1,000
// doctors, 200,000 patients, 2,000,000 appointments…) and the demo accounts: PostgreSQL when
// DATABASE_URL is set, else the embedded PGlite folder .data/bench, labelled as such in
// docs/benchmarks.md. Builds once; bench:dashboard goes first because it seeds the data set (or
// finds it there), then the agenda, online booking, the sign-in, the PDF and the pages run on the
// same database.
// Each step prints its table and rewrites its block of docs/benchmarks.md.

const STEPS = ["bench:dashboard", "bench:agenda", "bench:booking", "bench:sign-in", "bench:pdf", "bench:pages"] as const;

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", BENCH_SKIP_BUILD: "1", DEMO_SEED: "1" };
if (!env.DATABASE_URL) env.DATA_DIR ??= path.resolve(".data/bench");

function run(args: string[]): { ok: boolean; seconds: number } {
  const started = performance.now();
  const result = spawnSync("npm", args, { stdio: "inherit", env });
  return { ok: result.status === 0, seconds: (performance.now() - started) / 1000 };
}

const results: { step: string; ok: boolean; seconds: number }[] = [];
if (process.env.BENCH_SKIP_BUILD !== "1") {
  const build = run(["run", "build"]);
  if (!build.ok) {
    console.error("npm run build a échoué.");
    process.exit(1);
  }
  results.push({ step: "build", ...build });
}
for (const step of STEPS) results.push({ step, ...run(["run", step]) });
// The embedded default as a practice runs it: its own folder, demo data only (issue 19's memory
// target, ≤ 400 MiB). Run whatever database the steps above used, so both peaks are printed.
{
  const started = performance.now();
  const embeddedEnv: NodeJS.ProcessEnv = { ...env, DATA_DIR: path.resolve(".data/bench-sign-in") };
  delete embeddedEnv.DATABASE_URL;
  const result = spawnSync("npm", ["run", "bench:sign-in"], { stdio: "inherit", env: embeddedEnv });
  results.push({ step: "bench:sign-in (PGlite, demo)", ok: result.status === 0, seconds: (performance.now() - started) / 1000 });
}

console.log(`\nnpm run bench (${env.DATABASE_URL ? "PostgreSQL, DATABASE_URL" : `PGlite, ${env.DATA_DIR}`})`);
for (const { step, ok, seconds } of results) console.log(`  ${ok ? "ok    " : "ÉCHEC "} ${step.padEnd(30)} ${seconds.toFixed(0).padStart(5)} s`);

// Issue 19: both peaks side by side (the server's RSS high-water mark during bench:sign-in).
const LABELS: Record<string, string> = {
  "postgres:large": "PostgreSQL, large data set",
  "pglite:large": "embedded PGlite, large data set",
  "pglite:demo": "embedded PGlite, demo data (target ≤ 400 MiB)",
  "postgres:demo": "PostgreSQL, demo data",
};
console.log("\nPic de mémoire du serveur (RSS) pendant bench:sign-in :");
for (const [key, { peakMiB, at }] of Object.entries(readPeaks())) {
  console.log(`  ${(LABELS[key] ?? key).padEnd(48)} ${String(peakMiB).padStart(5)} MiB  (${at} UTC)`);
}
if (results.some((r) => !r.ok)) process.exitCode = 1;
