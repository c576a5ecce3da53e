import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { and, asc, eq, sql } from "drizzle-orm";
import { databaseKind, databaseVersion, percentile, reportHeader, writeReport } from "./common";
import { buildUnlessSkipped, startServer, waitForHealth } from "@/tests/support/production-server";

// npm run bench:booking — online booking on a national-size database (issue 18), side by side in
// one run:
// 1. Pages: the public booking page of the busiest doctor (the most appointments in the next 8
//    weeks; 8-week horizon; the week shown and « Prochain créneau disponible ») against the
//    anonymous doctors' sign-in page: throughput under load (autocannon, 10 connections), target
//    ≥ 50 % of the sign-in page's, and p95 ≤ 1.5 × its p95; then one request at a time, in turn.
// 2. The race (scripts/bench/booking-race.ts, when present): run after the pages, on the same
//    server set-up; it exports `runBookingRace({ log })` resolving to the markdown lines of its
//    part, added to this report's block.
// Seeds the large data set (or reuses it), builds unless BENCH_SKIP_BUILD=1, starts the production
// server. PostgreSQL when DATABASE_URL is set (the figures that count), else an embedded PGlite
// folder under .data/bench. A benchmark, not a test: it fails only when an answer is not the
// expected one.

const PORT = Number(process.env.BENCH_PORT || 3270);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const DURATION = Number(process.env.BENCH_DURATION || 20);
const WARMUP = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 100);
const TIMEOUT = Number(process.env.BENCH_TIMEOUT || 30);
const BASE = `http://127.0.0.1:${PORT}`;
const HORIZON_WEEKS = 8;
const BENCH_SLUG = "dr-bench-le-plus-occupe";
const RACE_MODULE = path.resolve(import.meta.dirname, "booking-race.ts");

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= path.resolve(".data/bench");

const { closeDb, getDb } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { assertPgliteFree } = await import("@/db/pglite-lock");
const { onlineBookingSettings, visitReasons } = await import("@/db/schema");
const { seedLarge, BENCH_EMAIL_DOMAIN } = await import("@/seed/large-seed");

/** The doctor with the most appointments in the next 8 weeks, given online booking on one motif. */
async function prepareData() {
  assertPgliteFree();
  await runMigrations();
  await seedLarge(getDb(), { log: console.log });
  const db = getDb();
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const [doctor] = rows<{ id: string; email: string; upcoming: number }>(
    await db.execute(sql`
      SELECT u.id, u.email, count(*)::int AS upcoming
      FROM appointments a JOIN users u ON u.id = a.doctor_id
      WHERE u.email LIKE ${`%@${BENCH_EMAIL_DOMAIN}`} AND a.status <> 'cancelled'
        AND a.starts_at >= now() AND a.starts_at < now() + interval '56 days'
      GROUP BY u.id, u.email ORDER BY count(*) DESC LIMIT 1`),
  );
  if (!doctor) throw new Error("no benchmark doctor with upcoming appointments");
  const [motif] = await db
    .select({ id: visitReasons.id, label: visitReasons.label, minutes: visitReasons.durationMinutes })
    .from(visitReasons)
    .where(and(eq(visitReasons.doctorId, doctor.id), eq(visitReasons.active, true)))
    .orderBy(asc(visitReasons.position))
    .limit(1);
  if (!motif) throw new Error("the busiest doctor has no motif");
  // The page of the busiest doctor is the bench's own: another doctor may already own the slug.
  await db.delete(onlineBookingSettings).where(eq(onlineBookingSettings.slug, BENCH_SLUG));
  const settings = { enabled: true, customWindows: false, minNoticeMinutes: 120, horizonWeeks: HORIZON_WEEKS, showReviews: true };
  await db
    .insert(onlineBookingSettings)
    .values({ doctorId: doctor.id, slug: BENCH_SLUG, ...settings })
    .onConflictDoUpdate({ target: onlineBookingSettings.doctorId, set: { slug: BENCH_SLUG, ...settings } });
  await db.update(visitReasons).set({ bookableOnline: true }).where(eq(visitReasons.id, motif.id));
  const database = await databaseVersion(db);
  return { doctor, motif, database };
}

type Target = { name: string; path: string; mustContain: string };
type Load = { rps: number; p50: number; p95: number; p99: number; requests: number };

async function load(target: Target, seconds: number): Promise<Load> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: BASE + target.path, connections: CONNECTIONS, duration: seconds, timeout: TIMEOUT }, (error, done) =>
      error ? reject(error) : resolve(done),
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

async function check(target: Target) {
  const response = await fetch(BASE + target.path, { redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(target.mustContain))
    throw new Error(`${target.path} does not answer the expected page (HTTP ${response.status})`);
  return body;
}

/** One request at a time, taking turns: the least noisy comparison on a shared machine. */
async function interleaved(targets: Target[]) {
  const times = new Map(targets.map((t) => [t.path, [] as number[]]));
  for (let round = -10; round < ROUNDS; round++) {
    for (const target of targets) {
      const started = performance.now();
      await (await fetch(BASE + target.path, { redirect: "manual" })).arrayBuffer();
      if (round >= 0) times.get(target.path)!.push(performance.now() - started);
    }
  }
  return new Map(
    [...times].map(([p, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return [p, { median: percentile(sorted, 50), p95: percentile(sorted, 95) }];
    }),
  );
}

const f1 = (n: number) => n.toFixed(1);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;

let server: ChildProcess | undefined;
try {
  const context = await prepareData();
  if (databaseKind() === "pglite") await closeDb();
  buildUnlessSkipped(process.env.BENCH_SKIP_BUILD === "1");
  server = startServer(PORT);
  await waitForHealth(server, BASE);
  const signIn: Target = { name: "Baseline: doctors' sign-in page, anonymous", path: "/doctor_home", mustContain: "S&#x27;identifier" };
  const page: Target = {
    name: `Public booking page, busiest doctor (${HORIZON_WEEKS}-week horizon)`,
    path: `/rdv/${BENCH_SLUG}?motif=${context.motif.id}`,
    mustContain: "Prochain créneau disponible",
  };
  await check(signIn).catch(async () => {
    // The apostrophe may be written as is: any sign-in page with its button will do.
    signIn.mustContain = "identifier";
    await check(signIn);
  });
  const html = await check(page);
  const offered = (html.match(/aria-label="Réserver le /g) ?? []).length;
  const loadBefore = os.loadavg()[0]!;

  const underLoad = new Map<string, Load>();
  for (const target of [signIn, page]) {
    await load(target, WARMUP);
    const measure = await load(target, DURATION);
    console.log(`${target.name}: ${f1(measure.rps)} req/s, p50 ${f1(measure.p50)} ms, p95 ${f1(measure.p95)} ms`);
    underLoad.set(target.path, measure);
  }
  const sequential = await interleaved([signIn, page]);
  for (const [p, m] of sequential) console.log(`${p}, one at a time: median ${f1(m.median)} ms, p95 ${f1(m.p95)} ms`);

  const s = underLoad.get(signIn.path)!;
  const b = underLoad.get(page.path)!;
  const ss = sequential.get(signIn.path)!;
  const bs = sequential.get(page.path)!;
  const lines = [
    ...reportHeader(
      "bench:booking",
      `${CONNECTIONS} connections, ${DURATION} s per measure after a ${WARMUP} s warm-up; then ${ROUNDS} rounds one at a time`,
      loadBefore,
      context.database,
    ),
    `- Busiest doctor: ${context.doctor.email}, ${context.doctor.upcoming.toLocaleString("en")} appointments in the next 8 weeks; motif « ${context.motif.label} » (${context.motif.minutes} min); ${offered} free times on the week shown`,
    `- Load average (1, 5, 15 min) at the end of the page part: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
    "",
    `Under load (${CONNECTIONS} at once):`,
    "",
    "| page | per s | p50 ms | p95 ms | p99 ms | count |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    `| ${signIn.name} (\`${signIn.path}\`) | ${f1(s.rps)} | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.p99)} | ${s.requests} |`,
    `| ${page.name} (\`/rdv/${BENCH_SLUG}\`) | ${f1(b.rps)} | ${f1(b.p50)} | ${f1(b.p95)} | ${f1(b.p99)} | ${b.requests} |`,
    "",
    `One at a time, taking turns (${ROUNDS} rounds):`,
    "",
    "| page | median ms | p95 ms |",
    "| --- | ---: | ---: |",
    `| ${signIn.name} | ${f1(ss.median)} | ${f1(ss.p95)} |`,
    `| ${page.name} | ${f1(bs.median)} | ${f1(bs.p95)} |`,
    "",
    `- Booking page throughput / sign-in page, under load: **${pct(b.rps, s.rps)}** (target ≥ 50 %)`,
    `- Booking page p95 / sign-in page p95, under load: **${(b.p95 / s.p95).toFixed(2)} ×** (target ≤ 1.5 ×); one at a time: **${(bs.p95 / ss.p95).toFixed(2)} ×**`,
  ];

  // Part 2, the race for the same times (scripts/bench/booking-race.ts, written with the booking
  // flow): run here when it exists, its lines appended to this block.
  if (fs.existsSync(RACE_MODULE)) {
    const race = (await import(RACE_MODULE)) as { runBookingRace?: (options: { log: (line: string) => void }) => Promise<string[]> };
    if (race.runBookingRace) lines.push("", ...(await race.runBookingRace({ log: console.log })));
  }
  writeReport("booking", lines.join("\n"), databaseKind());
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
  await closeDb().catch(() => {});
}
