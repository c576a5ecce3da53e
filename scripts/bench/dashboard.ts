import type { ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import { browserCookies, databaseKind, databaseVersion, percentile, reportHeader, writeReport } from "./common";
import { buildUnlessSkipped, startServer, waitForHealth } from "@/tests/support/production-server";

// npm run bench:dashboard — how fast /dashboard answers for the busiest doctor of a national-size
// database, against a minimal signed-in page of the same app. Seeds the large data set (or reuses
// it), builds, starts the production server, signs in with Chromium, then runs autocannon on each
// page and writes the figures into docs/benchmarks.md. PostgreSQL when DATABASE_URL is set (the
// figures that count), else an embedded PGlite folder under .data/bench. A benchmark, not a test:
// it never fails on a slow figure, only when a page does not answer 200.

const PORT = Number(process.env.BENCH_PORT || 3210);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const DURATION = Number(process.env.BENCH_DURATION || 20);
const WARMUP = 3;
const SEQUENTIAL_ROUNDS = Number(process.env.BENCH_ROUNDS || 100);
const BASE = `http://127.0.0.1:${PORT}`;

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= path.resolve(".data/bench");

// Imported after the environment is settled: they read DATA_DIR / DATABASE_URL when first used.
const { closeDb, getDb } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { assertPgliteFree } = await import("@/db/pglite-lock");
const { connectionLog } = await import("@/db/schema");
const { seedLarge, BENCH_EMAIL_DOMAIN } = await import("@/seed/large-seed");
const { DEMO_PASSWORD } = await import("@/seed/demo-accounts");
const { encodeHistoryCursor } = await import("@/lib/dashboard/history-cursor");

type Target = { name: string; path: string; signedIn: boolean; mustContain: string };
type Measure = Target & { rps: number; p50: number; p95: number; p99: number; requests: number };

async function prepareData() {
  assertPgliteFree();
  await runMigrations();
  // Only the benchmark's own accounts: the demo ones (whose authenticator secrets need the
  // server's encryption key) are the server's business when it starts.
  await seedLarge(getDb(), { log: console.log });
  const db = getDb();
  const [busiest] = await db
    .execute(
      sql`
    SELECT u.id, u.email, count(*)::int AS appointments
    FROM appointments a JOIN users u ON u.id = a.doctor_id
    WHERE u.email LIKE ${`%@${BENCH_EMAIL_DOMAIN}`}
    GROUP BY u.id, u.email ORDER BY count(*) DESC LIMIT 1
  `,
    )
    .then((r) => (r as unknown as { rows: { id: string; email: string; appointments: number }[] }).rows);
  if (!busiest) throw new Error("no benchmark doctor found");
  // The row 1,000 deep in the doctor's history: the deep page starts right after it.
  const [deep] = await db
    .select({ id: connectionLog.id, atMicros: sql<string>`(extract(epoch from ${connectionLog.at}) * 1000000)::bigint::text` })
    .from(connectionLog)
    .where(eq(connectionLog.accountId, busiest.id))
    .orderBy(sql`${connectionLog.at} DESC NULLS LAST, ${connectionLog.id} DESC NULLS LAST`)
    .offset(999)
    .limit(1);
  if (!deep) throw new Error("the busiest doctor has fewer than 1,000 connections");
  const [history] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(connectionLog)
    .where(eq(connectionLog.accountId, busiest.id));
  const database = await databaseVersion(db);
  await closeDb();
  return {
    doctor: busiest,
    historyRows: history!.n,
    deepCursor: encodeHistoryCursor({ direction: "older", atMicros: deep.atMicros, id: String(deep.id) }),
    database,
  };
}

async function load(target: Target, cookie: string, seconds: number): Promise<Measure> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: BASE + target.path, connections: CONNECTIONS, duration: seconds, headers: target.signedIn ? { cookie } : {} },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's own summary has no p95: keep every latency and take the percentiles here.
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  if (result.non2xx || result.errors) {
    throw new Error(`${target.path}: ${result.non2xx} réponses non 2xx, ${result.errors} erreurs`);
  }
  latencies.sort((a, b) => a - b);
  return {
    ...target,
    rps: result.requests.total / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
  };
}

/**
 * One request at a time, the pages taking turns, for `rounds` rounds after a few unmeasured ones.
 * On a shared machine the load drifts during a 20-second autocannon run and moves one page's
 * figure more than another's; interleaving exposes every page to the same drift.
 */
async function interleaved(targets: Target[], cookie: string, rounds: number) {
  const times = new Map(targets.map((t) => [t.path, [] as number[]]));
  for (let round = -10; round < rounds; round++) {
    for (const target of targets) {
      const started = performance.now();
      const response = await fetch(BASE + target.path, { headers: target.signedIn ? { cookie } : {}, redirect: "manual" });
      await response.arrayBuffer();
      if (round >= 0) times.get(target.path)!.push(performance.now() - started);
    }
  }
  return new Map(
    [...times].map(([p, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return [p, { median: percentile(sorted, 50), p95: percentile(sorted, 95) }];
    }),
  );
}

async function check(target: Target, cookie: string) {
  const response = await fetch(BASE + target.path, { headers: target.signedIn ? { cookie } : {}, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(target.mustContain) || body.includes("lien de pagination n")) {
    throw new Error(`${target.path} does not answer the expected page (HTTP ${response.status})`);
  }
}

type Sequential = Awaited<ReturnType<typeof interleaved>>;

function report(
  measures: Measure[],
  sequential: Sequential,
  context: Awaited<ReturnType<typeof prepareData>>,
  baselineName: string,
  loadBefore: number,
) {
  const f1 = (n: number) => n.toFixed(1);
  const base = measures.find((m) => m.name === baselineName)!;
  const dashboard = measures.find((m) => m.path === "/dashboard")!;
  const deep = measures.find((m) => m.path.includes("curseur="))!;
  const lines = [
    ...reportHeader(
      "bench:dashboard",
      `${CONNECTIONS} connections, ${DURATION} s per page after a ${WARMUP} s warm-up`,
      loadBefore,
      context.database,
    ),
    `- Busiest doctor: ${context.doctor.email}, ${context.doctor.appointments.toLocaleString("en")} appointments, ${context.historyRows.toLocaleString("en")} connection rows`,
    "",
    "| page | req/s | p50 ms | p95 ms | p99 ms | requests |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...measures.map(
      (m) =>
        `| ${m.name} (\`${m.path.length > 40 ? `${m.path.slice(0, 37)}…` : m.path}\`) | ${f1(m.rps)} | ${f1(m.p50)} | ${f1(m.p95)} | ${f1(m.p99)} | ${m.requests} |`,
    ),
    "",
    `- Dashboard throughput / baseline (${baselineName}): **${((100 * dashboard.rps) / base.rps).toFixed(0)} %** (target ≥ 40 %)`,
    `- Dashboard p95: **${f1(dashboard.p95)} ms** (target < 50 ms)`,
    `- History 1,000 rows deep / first page, p95: **${((100 * deep.p95) / dashboard.p95).toFixed(0)} %**, throughput: **${((100 * deep.rps) / dashboard.rps).toFixed(0)} %** (target: within 20 %)`,
    "",
    `One request at a time, the signed-in pages taking turns (${SEQUENTIAL_ROUNDS} rounds): the least noisy comparison on a shared machine.`,
    "",
    "| page | median ms | p95 ms |",
    "| --- | ---: | ---: |",
    ...measures
      .filter((m) => sequential.has(m.path))
      .map((m) => `| ${m.name} | ${f1(sequential.get(m.path)!.median)} | ${f1(sequential.get(m.path)!.p95)} |`),
    "",
    `- Baseline / dashboard median time (≈ throughput ratio): **${((100 * sequential.get(base.path)!.median) / sequential.get(dashboard.path)!.median).toFixed(0)} %**`,
    `- History 1,000 rows deep / first page, median: **${((100 * sequential.get(deep.path)!.median) / sequential.get(dashboard.path)!.median).toFixed(0)} %**`,
  ];
  return lines.join("\n");
}

let server: ChildProcess | undefined;
try {
  const context = await prepareData();
  buildUnlessSkipped(process.env.BENCH_SKIP_BUILD === "1");
  server = startServer(PORT);
  await waitForHealth(server, BASE);
  const cookie = await browserCookies(BASE, context.doctor.email, DEMO_PASSWORD);
  const baselineName = "Baseline: minimal signed-in page";
  const targets: Target[] = [
    { name: "Anonymous sign-in page", path: "/doctor_home", signedIn: false, mustContain: "Connexion médecin" },
    // The practice layout, its guard and one small query: what every practice page costs.
    { name: baselineName, path: "/secretaires", signedIn: true, mustContain: "Mon secrétariat" },
    { name: "Dashboard, history page 1", path: "/dashboard", signedIn: true, mustContain: "Historique de connexion" },
    {
      name: "Dashboard, history 1,000 rows deep",
      path: `/dashboard?curseur=${context.deepCursor}`,
      signedIn: true,
      mustContain: "Historique de connexion",
    },
  ];
  const measures: Measure[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const target of targets) {
    await check(target, cookie);
    await load(target, cookie, WARMUP);
    const measure = await load(target, cookie, DURATION);
    console.log(
      `${target.name}: ${measure.rps.toFixed(1)} req/s, p50 ${measure.p50.toFixed(1)} ms, p95 ${measure.p95.toFixed(1)} ms, p99 ${measure.p99.toFixed(1)} ms`,
    );
    measures.push(measure);
  }
  const signedIn = targets.filter((t) => t.signedIn);
  const sequential = await interleaved(signedIn, cookie, SEQUENTIAL_ROUNDS);
  for (const t of signedIn) {
    const m = sequential.get(t.path)!;
    console.log(`${t.name}, one at a time: median ${m.median.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms`);
  }
  const section = report(measures, sequential, context, baselineName, loadBefore);
  writeReport("dashboard", section, databaseKind());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
}
