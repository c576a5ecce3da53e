import { randomUUID } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Pool } from "pg";
import { DEMO_PASSWORD } from "@/seed/demo-accounts";
import { totpCodeAt } from "@/lib/twofactor/totp";
import type { TotpAccount } from "@/tests/support/totp-doctors";
import { buildUnlessSkipped, localSecrets, machine, peakRssMiB, startServer, waitForHealth } from "@/tests/support/production-server";
import { formOf, postForm, UnexpectedAnswer } from "@/tests/support/http-forms";
import { PrivatePostgres } from "./reliability/private-postgres";

// npm run test:reliability — two production instances of the app on two ports, one PostgreSQL of
// the test's own, and virtual users who sign in (password, then authenticator code), open the
// dashboard and the history, and send a chat message, for RELIABILITY_DURATION seconds. Meanwhile:
// one instance is killed with SIGKILL and started again; PostgreSQL is stopped and started again.
// Checked: no 5xx outside the database outage, a French 503 during it and recovery after it
// without a restart, no lost or doubled writes (sign-ins against connection-log rows, chat
// messages stored once), no half-written rows. Writes docs/reliability.md (unless --no-docs); exits 1
// on a failure.

const DURATION = Number(process.env.RELIABILITY_DURATION || 60) * 1000;
const VUS = Number(process.env.RELIABILITY_VUS || 100);
const ACCOUNTS_PER_VU = 4;
const PG_PORT = Number(process.env.RELIABILITY_PG_PORT || 5499);
const PORTS = [Number(process.env.RELIABILITY_PORT || 3250), Number(process.env.RELIABILITY_PORT || 3250) + 1];
const DOMAIN = "reliability.doctipro.lu";
const REPORT = path.resolve("docs/reliability.md");
// `npm test` runs it with --no-docs: the figures are printed, docs/reliability.md is left alone.
const WRITE_DOCS = !process.argv.includes("--no-docs");
// When the faults happen, as fractions of the run.
const KILL_AT = 0.25;
const RESTART_AT = 0.4;
const DB_STOP_AT = 0.6;
const DB_DOWN_MS = 6_000;

process.env.NEXT_TELEMETRY_DISABLED = "1";

// Two instances on one host share its cores: each hashes passwords on its share of them, as a
// deployment of several instances per host is configured (.env.example).
const HASH_CONCURRENCY = Math.max(1, Math.floor(os.availableParallelism() / PORTS.length));
process.env.PASSWORD_HASH_CONCURRENCY = String(HASH_CONCURRENCY);

const pg = new PrivatePostgres(PG_PORT);
process.env.DATABASE_URL = pg.url;
localSecrets();

type Instance = { port: number; base: string; up: boolean; process?: ChildProcess; peakRss: number };
const instances: Instance[] = PORTS.map((port) => ({ port, base: `http://127.0.0.1:${port}`, up: false, peakRss: 0 }));

const stats = {
  iterations: 0,
  signIns: 0,
  signInsUnknown: 0,
  chatSent: new Set<string>(),
  chatUnknown: 0,
  cutByKill: 0,
  refusedRetried: 0,
  answers: new Map<number, number>(),
  fiveXxOutsideOutage: [] as string[],
  fiveXxInOutage: 0,
  servedWhileKilled: 0,
  outageProbes: [] as { status: number; french: boolean }[],
  anomalies: [] as string[],
};
let killed = false;
const outage = { start: 0, end: 0, recoveredMs: Number.NaN };
const inOutage = (at: number) => outage.start > 0 && at >= outage.start && (outage.end === 0 || at <= outage.end + 3_000);

// Every answer is counted where it was received, whoever asked for it.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await realFetch(input, init);
  const at = Date.now();
  stats.answers.set(response.status, (stats.answers.get(response.status) ?? 0) + 1);
  if (response.status >= 500) {
    if (inOutage(at)) stats.fiveXxInOutage++;
    else stats.fiveXxOutsideOutage.push(`${response.status} ${String(input)}`);
  }
  if (killed && String(input).startsWith(instances[0]!.base)) stats.servedWhileKilled++;
  return response;
};

const networkCode = (error: unknown) => (error as { cause?: { code?: string } })?.cause?.code ?? "";

/** A round-robin load balancer: a refused connection (nothing was sent) is retried elsewhere. */
let turn = 0;
async function onInstance<T>(run: (base: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const live = instances.filter((i) => i.up);
    const instance = live[turn++ % Math.max(1, live.length)];
    if (!instance) throw new Error("no instance up");
    try {
      return await run(instance.base);
    } catch (error) {
      if (networkCode(error) === "ECONNREFUSED" && attempt < 3) {
        instance.up = false;
        stats.refusedRetried++;
        continue;
      }
      throw error;
    }
  }
}

async function get(pathname: string, cookie: string, mustContain: string) {
  await onInstance(async (base) => {
    const response = await fetch(base + pathname, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !body.includes(mustContain))
      throw new UnexpectedAnswer(`GET ${pathname}: HTTP ${response.status}`, response.status);
  });
}

function chatActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === "sendChatMessageAction");
  if (!entry) throw new Error("sendChatMessageAction not found in the build's server-reference manifest");
  return entry[0];
}

async function iteration(vu: number, account: TotpAccount, chatAction: string) {
  let phase: "before" | "code" | "after" | "chat" = "before";
  let message = "";
  try {
    const form = await onInstance((base) => formOf(base, "/doctor_home"));
    form.set("email", account.email);
    form.set("password", DEMO_PASSWORD);
    const step = await onInstance((base) => postForm(base, "/doctor_home", form, "", "/connexion/2fa"));
    const codeForm = await onInstance((base) => formOf(base, "/connexion/2fa", step.cookie));
    lastStep.set(account.email, totpStep());
    codeForm.set("code", totpCodeAt(account.secret));
    phase = "code";
    const signedIn = await onInstance((base) => postForm(base, "/connexion/2fa", codeForm, step.cookie, "/dashboard"));
    stats.signIns++;
    phase = "after";
    await get("/dashboard", signedIn.cookie, "Historique de connexion");
    await get("/dashboard?mode=direct", signedIn.cookie, "Historique de connexion");
    message = `Essai de fiabilité ${vu} ${randomUUID()}`;
    phase = "chat";
    await onInstance(async (base) => {
      const response = await fetch(`${base}/dashboard`, {
        method: "POST",
        headers: {
          cookie: signedIn.cookie,
          origin: base,
          "next-action": chatAction,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
        },
        body: JSON.stringify([message]),
      });
      const body = await response.text();
      if (response.status !== 200 || !body.includes('"ok":true'))
        throw new UnexpectedAnswer(`chat: HTTP ${response.status} ${body.slice(0, 200)}`, response.status);
    });
    stats.chatSent.add(message);
  } catch (error) {
    // No code was drawn: the account is free again at once.
    if (phase === "before") lastStep.delete(account.email);
    const cut = !(error instanceof UnexpectedAnswer) && networkCode(error) !== "";
    if (cut) stats.cutByKill++;
    const status = error instanceof UnexpectedAnswer ? error.status : 0;
    // Cut, or failed as the database went away, after the server may have committed: the write
    // is not lost, its answer is.
    if ((cut || status >= 500) && phase === "code") stats.signInsUnknown++;
    if ((cut || status >= 500) && phase === "chat") stats.chatUnknown++;
    const expected = cut || inOutage(Date.now()) || status === 503;
    if (!expected) stats.anomalies.push(error instanceof Error ? error.message : String(error));
    await new Promise((r) => setTimeout(r, 200));
  }
}

// An authenticator code is accepted once per account and 30-second step (a replay is refused):
// an account signs in again only once the clock has moved past the step of its last code.
const lastStep = new Map<string, number>();
const totpStep = () => Math.floor(Date.now() / 30_000);

async function virtualUser(vu: number, accounts: TotpAccount[], end: number, chatAction: string) {
  while (Date.now() < end) {
    const account = accounts.find((a) => (lastStep.get(a.email) ?? -1) < totpStep());
    if (!account) {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    // Taken: no other loop may use it until its code is drawn and a later step comes.
    lastStep.set(account.email, Number.POSITIVE_INFINITY);
    stats.iterations++;
    await iteration(vu, account, chatAction);
  }
}

async function databaseOutage() {
  outage.start = Date.now();
  await pg.stopInBackground();
  const probes = (async () => {
    while (Date.now() - outage.start < DB_DOWN_MS - 500) {
      for (const instance of instances.filter((i) => i.up)) {
        const response = await realFetch(`${instance.base}/doctor_home`).catch(() => null);
        if (response) stats.outageProbes.push({ status: response.status, french: (await response.text()).includes("momentanément indisponible") });
      }
      await new Promise((r) => setTimeout(r, 700));
    }
  })();
  await new Promise((r) => setTimeout(r, DB_DOWN_MS));
  await probes;
  await pg.startInBackground();
  outage.end = Date.now();
  // Back by itself: every instance answers its health check again, without a restart.
  for (;;) {
    const answers = await Promise.all(
      instances.map((i) =>
        realFetch(`${i.base}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );
    if (answers.every((s) => s === 200)) break;
    if (Date.now() - outage.end > 30_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  outage.recoveredMs = Date.now() - outage.end;
}

async function checkDatabase() {
  const pool = new Pool({ connectionString: pg.url });
  const one = async (query: string) => Number((await pool.query(query)).rows[0].n);
  const ours = `(SELECT id FROM users WHERE email LIKE '%@${DOMAIN}')`;
  const result = {
    sessions: await one(`SELECT count(*) AS n FROM sessions WHERE user_id IN ${ours}`),
    connectionRows: await one(`SELECT count(*) AS n FROM connection_log WHERE account_id IN ${ours}`),
    sessionsWithoutRow: await one(
      `SELECT count(*) AS n FROM sessions s WHERE s.user_id IN ${ours} AND (SELECT count(*) FROM connection_log c WHERE c.session_id = s.id) <> 1`,
    ),
    rowsWithoutSession: await one(
      `SELECT count(*) AS n FROM connection_log c WHERE c.account_id IN ${ours} AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = c.session_id)`,
    ),
    consumedSteps: await one(`SELECT count(*) AS n FROM pending_sign_ins WHERE user_id IN ${ours} AND consumed_at IS NOT NULL AND kind = 'verify'`),
    chatMessages: await one(
      `SELECT count(*) AS n FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id WHERE c.user_id IN ${ours}`,
    ),
    chatDuplicates: await one(
      `SELECT count(*) AS n FROM (SELECT body FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id WHERE c.user_id IN ${ours} GROUP BY body HAVING count(*) > 1) d`,
    ),
    chatMissing: 0,
  };
  const stored = new Set(
    (await pool.query(`SELECT body FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id WHERE c.user_id IN ${ours}`)).rows.map(
      (r: { body: string }) => r.body,
    ),
  );
  result.chatMissing = [...stats.chatSent].filter((m) => !stored.has(m)).length;
  await pool.end();
  return result;
}

function sampleRss() {
  for (const instance of instances) instance.peakRss = Math.max(instance.peakRss, peakRssMiB(instance.process?.pid) ?? 0);
}

let failed = false;
try {
  console.log(`PostgreSQL de l'essai sur le port ${PG_PORT} (${pg.dir})`);
  pg.init();
  const { runMigrations } = await import("@/db/migrate");
  const { closeDb, getDb } = await import("@/db/client");
  const { createTotpDoctors } = await import("@/tests/support/totp-doctors");
  await runMigrations();
  const { accounts } = await createTotpDoctors(getDb(), DOMAIN, VUS * ACCOUNTS_PER_VU);
  await closeDb();
  buildUnlessSkipped(process.env.RELIABILITY_SKIP_BUILD === "1");
  const chatAction = chatActionId();
  for (const instance of instances) instance.process = startServer(instance.port);
  for (const instance of instances) {
    await waitForHealth(instance.process!, instance.base);
    instance.up = true;
  }
  const loadBefore = os.loadavg()[0]!;
  const started = Date.now();
  const end = started + DURATION;
  console.log(`${VUS} utilisateurs virtuels pendant ${DURATION / 1000} s sur ${instances.map((i) => i.port).join(" et ")}`);

  const rss = setInterval(sampleRss, 1000);
  const faults = (async () => {
    const victim = instances[1]!;
    await new Promise((r) => setTimeout(r, DURATION * KILL_AT));
    console.log("kill -9 de la seconde instance");
    sampleRss();
    victim.process!.kill("SIGKILL");
    victim.up = false;
    killed = true;
    await new Promise((r) => setTimeout(r, DURATION * (RESTART_AT - KILL_AT)));
    console.log("redémarrage de la seconde instance");
    victim.process = startServer(victim.port);
    await waitForHealth(victim.process, victim.base);
    killed = false;
    victim.up = true;
    await new Promise((r) => setTimeout(r, Math.max(0, started + DURATION * DB_STOP_AT - Date.now())));
    console.log(`arrêt de PostgreSQL pendant ${DB_DOWN_MS / 1000} s`);
    await databaseOutage();
    console.log(`PostgreSQL de retour ; application rétablie en ${outage.recoveredMs} ms`);
  })();
  await Promise.all([
    ...Array.from({ length: VUS }, (_, vu) => virtualUser(vu, accounts.slice(vu * ACCOUNTS_PER_VU, (vu + 1) * ACCOUNTS_PER_VU), end, chatAction)),
    faults,
  ]);
  clearInterval(rss);
  sampleRss();
  const db = await checkDatabase();

  const checks: [string, boolean, string][] = [
    [
      "No 5xx outside the database outage",
      stats.fiveXxOutsideOutage.length === 0,
      `${stats.fiveXxOutsideOutage.length}${stats.fiveXxOutsideOutage.length ? ` (${stats.fiveXxOutsideOutage.slice(0, 3).join("; ")})` : ""}`,
    ],
    [
      "No unexpected answer",
      stats.anomalies.length === 0,
      `${stats.anomalies.length}${stats.anomalies.length ? ` (${stats.anomalies.slice(0, 3).join("; ")})` : ""}`,
    ],
    ["The other instance served while one was killed", stats.servedWhileKilled > 0, `${stats.servedWhileKilled} answers`],
    [
      "Every sign-in has its session and history row, in one piece",
      db.sessionsWithoutRow === 0 && db.rowsWithoutSession === 0 && db.sessions === db.connectionRows && db.sessions === db.consumedSteps,
      `${db.sessions} sessions, ${db.connectionRows} history rows, ${db.consumedSteps} used 2FA steps; ${db.sessionsWithoutRow} sessions without exactly one row, ${db.rowsWithoutSession} rows without a session`,
    ],
    [
      "No lost sign-in (history rows = sign-ins answered, + those cut by the kill)",
      db.connectionRows >= stats.signIns && db.connectionRows <= stats.signIns + stats.signInsUnknown,
      `${db.connectionRows} rows for ${stats.signIns} sign-ins answered and ${stats.signInsUnknown} cut before their answer`,
    ],
    [
      "Chat messages all stored, once",
      db.chatMissing === 0 &&
        db.chatDuplicates === 0 &&
        db.chatMessages >= stats.chatSent.size &&
        db.chatMessages <= stats.chatSent.size + stats.chatUnknown,
      `${db.chatMessages} stored for ${stats.chatSent.size} acknowledged and ${stats.chatUnknown} cut; ${db.chatMissing} missing, ${db.chatDuplicates} doubled`,
    ],
    [
      "A French 503 while PostgreSQL is down",
      stats.outageProbes.some((p) => p.status === 503 && p.french) && stats.outageProbes.every((p) => p.status === 503 || p.status === 200),
      stats.outageProbes.map((p) => p.status).join(", ") || "no probe",
    ],
    ["Back by itself after PostgreSQL restarts", outage.recoveredMs < 30_000, `${outage.recoveredMs} ms`],
  ];
  failed = checks.some(([, ok]) => !ok);
  const peak = Math.max(...instances.map((i) => i.peakRss));
  const answers = [...stats.answers]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}: ${n}`)
    .join(", ");
  const report = [
    "# Reliability",
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run test:reliability\` (${VUS} virtual users, ${DURATION / 1000} s).`,
    "",
    `- Machine: ${machine()}`,
    `- Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${os.loadavg()[0]!.toFixed(2)}`,
    `- Two production instances (\`npm start\`: \`server.ts\` bundled by \`npm run build\`, \`NODE_ENV=production\`, \`PASSWORD_HASH_CONCURRENCY=${HASH_CONCURRENCY}\`: cores ÷ instances) on one PostgreSQL of the test's own (Debian's server binaries, a temporary folder).`,
    `- Each virtual user, in a loop: the password step and the authenticator code (a new 30-second step per account), \`/dashboard\`, the history filtered, a chat message. Requests alternate between the instances like a round-robin load balancer that retries a refused connection elsewhere.`,
    `- Faults: \`kill -9\` of the second instance at ${KILL_AT * 100} % of the run, started again at ${RESTART_AT * 100} %; PostgreSQL stopped (fast shutdown) at ${DB_STOP_AT * 100} % for ${DB_DOWN_MS / 1000} s, then started again.`,
    "",
    "| figure | value |",
    "| --- | ---: |",
    `| Loops started | ${stats.iterations} |`,
    `| Sign-ins completed (password + TOTP) | ${stats.signIns} |`,
    `| Chat messages acknowledged | ${stats.chatSent.size} |`,
    `| Requests cut by the kill (no answer) | ${stats.cutByKill} |`,
    `| Refused connections retried on the other instance | ${stats.refusedRetried} |`,
    `| 5xx during the outage (503 expected) | ${stats.fiveXxInOutage} |`,
    `| Recovery after PostgreSQL is back | ${outage.recoveredMs} ms |`,
    `| Peak memory (RSS) of an instance | ${peak.toFixed(0)} MiB (target ≤ 400) |`,
    `| Answers by status | ${answers} |`,
    "",
    "| check | result | detail |",
    "| --- | --- | --- |",
    ...checks.map(([name, ok, detail]) => `| ${name} | ${ok ? "pass" : "**FAIL**"} | ${detail.replace(/\|/g, "\\|")} |`),
    "",
  ].join("\n");
  if (WRITE_DOCS) {
    fs.writeFileSync(REPORT, report);
    console.log(`\n${report}\nÉcrit dans ${path.relative(process.cwd(), REPORT)}.`);
  } else console.log(`\n${report}`);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  failed = true;
} finally {
  for (const instance of instances) instance.process?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  pg.destroy();
}
process.exit(failed ? 1 : 0);
