import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TotpAccount } from "@/tests/support/totp-doctors";
import { formOf, postForm } from "@/tests/support/http-forms";
import { sql } from "drizzle-orm";
import { databaseKind, databaseVersion, recordPeak, reportHeader, summary, writeReport } from "./common";
import { buildUnlessSkipped, currentRssMiB, peakRssMiB, startServer, waitForHealth } from "@/tests/support/production-server";

// npm run bench:sign-in — what a sign-in costs beyond argon2id, the irreducible part. Measures, one
// sign-in at a time: argon2id verify alone (in this process, with the app's own parameters); the
// password step over HTTP (the sign-in form posted as a browser without JavaScript posts it, up to
// the 303 towards the 2FA step); and the full sign-in, password then authenticator code, up to the
// 303 towards /dashboard. Each run signs in accounts of its own, each once (a TOTP code is accepted
// once per account). PostgreSQL when DATABASE_URL is set, else an embedded PGlite folder.

const PORT = Number(process.env.BENCH_PORT || 3220);
const ROUNDS = Number(process.env.BENCH_SIGN_IN_ROUNDS || 60);
const WARMUP = 5;
const BASE = `http://127.0.0.1:${PORT}`;
const DOMAIN = "bench-sign-in.doctipro.lu";

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= path.resolve(".data/bench-sign-in");
// Where the server says what holds its memory (scripts/bench/memory-probe.mjs).
const MEMORY_FILE = path.resolve(".data/bench-memory.json");
process.env.BENCH_MEMORY_FILE = MEMORY_FILE;

const { localSecrets } = await import("@/tests/support/production-server");
localSecrets();
const { ensureSecrets } = await import("@/config/secrets");
ensureSecrets();
const { closeDb, getDb } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { assertPgliteFree } = await import("@/db/pglite-lock");
const { DEMO_PASSWORD } = await import("@/seed/demo-accounts");
const { HASH_OPTIONS, verifyPassword } = await import("@/lib/auth/password-hash");
const { totpCodeAt } = await import("@/lib/twofactor/totp");
const { createTotpDoctors } = await import("@/tests/support/totp-doctors");

type Account = TotpAccount;

/** Which data the server runs on: the large benchmark set (bench:dashboard seeds it) or the demo's. */
type DataSet = "large" | "demo";

/** Fresh accounts with an authenticator, one per sign-in. */
async function prepareAccounts(count: number): Promise<{ accounts: Account[]; passwordHash: string; database: string; dataSet: DataSet }> {
  assertPgliteFree();
  await runMigrations();
  const db = getDb();
  const { accounts, passwordHash } = await createTotpDoctors(db, DOMAIN, count);
  const database = await databaseVersion(db);
  const patients = (await db.execute(sql`SELECT count(*)::int AS n FROM patients`)) as unknown as { rows: { n: number }[] };
  await closeDb();
  return { accounts, passwordHash, database, dataSet: Number(patients.rows[0]!.n) > 10_000 ? "large" : "demo" };
}

/** One full sign-in: password step, then the authenticator code. */
async function signIn(account: Account): Promise<{ password: number; full: number }> {
  const form = await formOf(BASE, "/doctor_home");
  form.set("email", account.email);
  form.set("password", DEMO_PASSWORD);
  const step = await postForm(BASE, "/doctor_home", form, "", "/connexion/2fa");
  const codeForm = await formOf(BASE, "/connexion/2fa", step.cookie);
  codeForm.set("code", totpCodeAt(account.secret));
  const code = await postForm(BASE, "/connexion/2fa", codeForm, step.cookie, "/dashboard");
  return { password: step.ms, full: step.ms + code.ms };
}

type MemoryReading = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number; wasm: number | null };

/** The server's latest reading and the one at its highest RSS so far (null before the first). */
function memoryReadings(): { now: MemoryReading; atPeak: MemoryReading } | null {
  try {
    return JSON.parse(fs.readFileSync(MEMORY_FILE, "utf8")) as { now: MemoryReading; atPeak: MemoryReading };
  } catch {
    return null;
  }
}

/** « RSS 316 MiB: V8 heap 98 used / 120 reserved, outside the heap 12 (buffers 4), PGlite's WebAssembly memory 150 ». */
function describe(reading: MemoryReading | undefined): string {
  if (!reading) return "n/a";
  const wasm = reading.wasm === null ? "" : `, PGlite's WebAssembly memory ${reading.wasm}`;
  return `RSS ${reading.rss} MiB: V8 heap ${reading.heapUsed} used / ${reading.heapTotal} reserved, outside the heap ${reading.external} (buffers ${reading.arrayBuffers})${wasm}`;
}

let server: ChildProcess | undefined;
try {
  const { accounts, passwordHash, database, dataSet } = await prepareAccounts(ROUNDS + WARMUP);
  buildUnlessSkipped(process.env.BENCH_SKIP_BUILD === "1");
  fs.rmSync(MEMORY_FILE, { force: true });
  server = startServer(PORT);
  await waitForHealth(server, BASE);
  // What the server holds once started, before the first sign-in (the peak below includes start-up).
  const rssAtStart = currentRssMiB(server.pid);
  await new Promise((r) => setTimeout(r, 300));
  const memoryAtStart = memoryReadings()?.now;
  const loadBefore = os.loadavg()[0]!;

  const argon2: number[] = [];
  const password: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < ROUNDS + WARMUP; i++) {
    // argon2 and the HTTP sign-in take turns, so both meet the same load on a shared machine.
    const started = performance.now();
    if (!(await verifyPassword(passwordHash, DEMO_PASSWORD))) throw new Error("argon2 verify failed");
    const alone = performance.now() - started;
    const times = await signIn(accounts[i]!);
    if (i < WARMUP) continue;
    argon2.push(alone);
    password.push(times.password);
    full.push(times.full);
  }
  const rss = peakRssMiB(server.pid);
  const rssAtEnd = currentRssMiB(server.pid);
  const memory = memoryReadings();
  const a = summary(argon2);
  const p = summary(password);
  const f = summary(full);
  const f1 = (n: number) => n.toFixed(1);
  const section = [
    ...reportHeader(
      "bench:sign-in",
      `${ROUNDS} sign-ins one at a time, after ${WARMUP} unmeasured, ${dataSet === "large" ? "on the large data set" : "on the demo data"}`,
      loadBefore,
      database,
    ),
    "",
    "| step | p50 ms | p95 ms |",
    "| --- | ---: | ---: |",
    `| argon2id verify alone (${HASH_OPTIONS.memoryCost / 1024} MiB, ${HASH_OPTIONS.timeCost} passes) | ${f1(a.p50)} | ${f1(a.p95)} |`,
    `| Password step over HTTP (form post → 303 to the 2FA step) | ${f1(p.p50)} | ${f1(p.p95)} |`,
    `| Full sign-in over HTTP (password, then TOTP code → 303 to /dashboard) | ${f1(f.p50)} | ${f1(f.p95)} |`,
    "",
    `- Full sign-in / argon2id, p50: **${(f.p50 / a.p50).toFixed(2)}**, p95: **${(f.p95 / a.p95).toFixed(2)}** (target ≤ 1.3)`,
    `- Password step / argon2id, p50: **${(p.p50 / a.p50).toFixed(2)}**`,
    `- Server peak memory (RSS) during the run: **${rss === null ? "n/a" : `${rss.toFixed(0)} MiB`}** (${rssAtStart?.toFixed(0) ?? "n/a"} MiB once started, ${rssAtEnd?.toFixed(0) ?? "n/a"} MiB at the end)`,
    `- What holds it (the server's own readings every 100 ms; the highest RSS read can miss the peak by a few MiB):`,
    `  - once started: ${describe(memoryAtStart)}`,
    `  - at the highest reading: ${describe(memory?.atPeak)}`,
    `  - at the end: ${describe(memory?.now)}`,
  ].join("\n");
  // The large data set keeps the block it always had; the demo data gets its own.
  writeReport(dataSet === "large" ? "sign-in" : "sign-in-demo", section);
  if (rss !== null) recordPeak(`${databaseKind()}:${dataSet}`, rss);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
}
