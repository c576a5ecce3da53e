import type { ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { buildUnlessSkipped, machine, peakRssMiB, REPORT, startServer, summary, waitForHealth, writeReport } from "./bench/common";

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

const { benchSecrets } = await import("./bench/common");
benchSecrets();
const { ensureSecrets } = await import("@/lib/config/secrets");
ensureSecrets();
const { closeDb, getDb } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { assertPgliteFree } = await import("@/db/pglite-lock");
const { twoFactor, users } = await import("@/db/schema");
const { DEMO_PASSWORD } = await import("@/db/seed/demo-accounts");
const { hashPassword, verifyPassword } = await import("@/lib/auth/password-hash");
const { encryptSecret } = await import("@/lib/twofactor/encryption");
const { newTotpSecret, totpCodeAt } = await import("@/lib/twofactor/totp");
const { like, sql } = await import("drizzle-orm");

type Account = { email: string; secret: string };

/** Fresh accounts with an authenticator, one per sign-in; the previous run's are removed. */
async function prepareAccounts(count: number): Promise<{ accounts: Account[]; passwordHash: string; database: string }> {
  assertPgliteFree();
  await runMigrations();
  const db = getDb();
  await db.delete(users).where(like(users.email, `%@${DOMAIN}`));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = Array.from({ length: count }, (_, i) => ({ email: `medecin-${i}@${DOMAIN}`, secret: newTotpSecret() }));
  const rows = await db
    .insert(users)
    .values(accounts.map((a, i) => ({ email: a.email, role: "doctor" as const, doctorKind: "medecin" as const, title: "Dr", firstName: "Banc", lastName: `Essai ${i}`, passwordHash })))
    .returning({ id: users.id, email: users.email });
  const secretOf = new Map(accounts.map((a) => [a.email, a.secret]));
  await db.insert(twoFactor).values(rows.map((r) => ({ userId: r.id, secretEncrypted: encryptSecret(secretOf.get(r.email)!), confirmedAt: new Date() })));
  const [version] = await db.execute(sql`SELECT version() AS v`).then((r) => (r as unknown as { rows: { v: string }[] }).rows);
  await closeDb();
  return { accounts, passwordHash, database: version!.v.split(" on ")[0]! };
}

const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields of a page's first form: what a browser without JavaScript posts with it. */
async function formOf(pathname: string, cookie = ""): Promise<FormData> {
  const response = await fetch(BASE + pathname, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${pathname}: HTTP ${response.status}`);
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
  const data = new FormData();
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) data.set(unescapeHtml(name), unescapeHtml(/value="([^"]*)"/.exec(input[0])?.[1] ?? ""));
  }
  return data;
}

async function post(pathname: string, data: FormData, cookie: string, expected: string): Promise<{ ms: number; cookie: string }> {
  const started = performance.now();
  const response = await fetch(BASE + pathname, { method: "POST", body: data, headers: { cookie, origin: BASE }, redirect: "manual" });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  const location = response.headers.get("location") ?? "";
  if (response.status !== 303 || !location.endsWith(expected)) {
    throw new Error(`${pathname}: expected 303 to ${expected}, got HTTP ${response.status} ${location}`);
  }
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => !c.endsWith("="));
  return { ms, cookie: cookies.join("; ") };
}

/** One full sign-in: password step, then the authenticator code. */
async function signIn(account: Account): Promise<{ password: number; full: number }> {
  const form = await formOf("/doctor_home");
  form.set("email", account.email);
  form.set("password", DEMO_PASSWORD);
  const step = await post("/doctor_home", form, "", "/connexion/2fa");
  const codeForm = await formOf("/connexion/2fa", step.cookie);
  codeForm.set("code", totpCodeAt(account.secret));
  const code = await post("/connexion/2fa", codeForm, step.cookie, "/dashboard");
  return { password: step.ms, full: step.ms + code.ms };
}

let server: ChildProcess | undefined;
try {
  const { accounts, passwordHash, database } = await prepareAccounts(ROUNDS + WARMUP);
  buildUnlessSkipped();
  server = startServer(PORT);
  await waitForHealth(server, BASE);
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
  const a = summary(argon2);
  const p = summary(password);
  const f = summary(full);
  const f1 = (n: number) => n.toFixed(1);
  const section = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench:sign-in\` (${ROUNDS} sign-ins one at a time, after ${WARMUP} unmeasured).`,
    "",
    `- Machine: ${machine()}`,
    `- Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${os.loadavg()[0]!.toFixed(2)}`,
    `- Database: ${database}${process.env.DATABASE_URL ? " (DATABASE_URL, local server)" : " (embedded PGlite)"}`,
    "",
    "| step | p50 ms | p95 ms |",
    "| --- | ---: | ---: |",
    `| argon2id verify alone (19 MiB, 2 passes) | ${f1(a.p50)} | ${f1(a.p95)} |`,
    `| Password step over HTTP (form post → 303 to the 2FA step) | ${f1(p.p50)} | ${f1(p.p95)} |`,
    `| Full sign-in over HTTP (password, then TOTP code → 303 to /dashboard) | ${f1(f.p50)} | ${f1(f.p95)} |`,
    "",
    `- Full sign-in / argon2id, p50: **${(f.p50 / a.p50).toFixed(2)}**, p95: **${(f.p95 / a.p95).toFixed(2)}** (target ≤ 1.3)`,
    `- Password step / argon2id, p50: **${(p.p50 / a.p50).toFixed(2)}**`,
    `- Server peak memory (RSS) during the run: **${rss === null ? "n/a" : `${rss.toFixed(0)} MiB`}**`,
  ].join("\n");
  writeReport("sign-in", section);
  console.log(`\n${section}\n\nÉcrit dans ${path.relative(process.cwd(), REPORT)}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
}
