import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// What `npm start` runs (package.json), for the browser tests (playwright.config.ts), the reliability
// test (scripts/test/reliability.ts) and the benchmarks (scripts/bench) to run and measure the same
// process; production-server.test.ts keeps the two in step.

/** server.ts bundled by `npm run build` (build:server). */
export const PRODUCTION_SERVER = path.resolve(".next/doctipro-server.mjs");

/**
 * A bounded V8 heap: left to itself V8 grows it with the load (777 MiB of RSS under the reliability
 * test's 100 users); at 256 MiB the instance stays under 340 MiB with every check passing
 * (docs/decisions/0005). `--liftoff-only`: PGlite's PostgreSQL (WebAssembly) runs on V8's baseline
 * compiler only, without the optimising tier that compiled its hot functions a second time and
 * held ~55 MiB more (~85 MiB at its peak) for the embedded default; no effect on PostgreSQL, where
 * no WebAssembly runs (docs/decisions/0052).
 */
export const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=256", "--liftoff-only"];

/** Throwaway secrets for a local measurement on PostgreSQL (the server demands them there). */
export function localSecrets(): void {
  if (!process.env.DATABASE_URL) return;
  process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
  process.env.AUTH_ENCRYPTION_KEY ||= randomBytes(32).toString("base64url");
  process.env.AUDIT_HMAC_KEYS ||= `local:${randomBytes(32).toString("base64")}`;
}

/** `npm run build`, unless `skip` (the caller's *_SKIP_BUILD: the build is fresh). */
export function buildUnlessSkipped(skip: boolean): void {
  if (skip) return;
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) throw new Error("npm run build failed");
}

export function startServer(port: number): ChildProcess {
  localSecrets();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), LOG_LEVEL: "warn" };
  // BENCH_CPU_PROF=1: the server writes a V8 CPU profile into .data/bench-profiles when it stops
  // (open it in Chrome DevTools or speedscope) — where a page's time goes.
  const profile = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(".data/bench-profiles")] : [];
  // BENCH_MEMORY_FILE: the server writes what holds its memory there (scripts/bench/memory-probe.mjs).
  const probe = process.env.BENCH_MEMORY_FILE ? ["--import", path.resolve("scripts/bench/memory-probe.mjs")] : [];
  // What `npm start` runs: the server bundled by `npm run build`.
  return spawn(process.execPath, [...profile, ...probe, ...PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function waitForHealth(server: ChildProcess, base: string): Promise<void> {
  for (let i = 0; i < 180; i++) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not answer /api/health within 3 minutes");
}

/** Peak resident memory of a process so far (Linux), in MiB; null elsewhere. */
export function peakRssMiB(pid: number | undefined): number | null {
  return statusMiB(pid, "VmHWM");
}

/** The process's resident memory now (VmRSS). */
export function currentRssMiB(pid: number | undefined): number | null {
  return statusMiB(pid, "VmRSS");
}

function statusMiB(pid: number | undefined, field: "VmHWM" | "VmRSS"): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "CPU inconnu"}, ${cpus.length} cœurs, ${Math.round(os.totalmem() / 2 ** 30)} Gio, ${os.type()} ${os.release()}, Node ${process.version}`;
}
