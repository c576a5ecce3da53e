import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import {
  benchSettings,
  checkPage,
  databaseKind,
  databaseVersion,
  f1,
  loadAverage,
  measureUnderLoad,
  oneAtATime,
  pct,
  reportHeader,
  rowsOf,
  runBench,
  seededLargeDatabase,
  writeReport,
  type Load,
  type Target,
} from "./common";

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

const settings = benchSettings(3270);
const HORIZON_WEEKS = 8;
const BENCH_SLUG = "dr-bench-le-plus-occupe";
const RACE_MODULE = path.resolve(import.meta.dirname, "booking-race.ts");

// Imported after benchSettings() has settled the environment: they read DATA_DIR / DATABASE_URL when first used.
const { onlineBookingSettings, visitReasons } = await import("@/db/schema");
const { BENCH_EMAIL_DOMAIN } = await import("@/seed/large-seed");

/** The doctor with the most appointments in the next 8 weeks, given online booking on one motif. */
async function prepareData() {
  const db = await seededLargeDatabase();
  const [doctor] = rowsOf<{ id: string; email: string; upcoming: number }>(
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

await runBench(settings, prepareData, async (context) => {
  const signIn: Target = { name: "Baseline: doctors' sign-in page, anonymous", path: "/doctor_home", mustContain: "S&#x27;identifier" };
  const page: Target = {
    name: `Public booking page, busiest doctor (${HORIZON_WEEKS}-week horizon)`,
    path: `/rdv/${BENCH_SLUG}?motif=${context.motif.id}`,
    mustContain: "Prochain créneau disponible",
  };
  await checkPage(settings, signIn).catch(async () => {
    // The apostrophe may be written as is: any sign-in page with its button will do.
    signIn.mustContain = "identifier";
    await checkPage(settings, signIn);
  });
  const html = await checkPage(settings, page);
  const offered = (html.match(/aria-label="Réserver le /g) ?? []).length;
  const loadBefore = os.loadavg()[0]!;

  const underLoad = new Map<string, Load>();
  for (const target of [signIn, page]) underLoad.set(target.path, await measureUnderLoad(settings, target));
  const sequential = await oneAtATime(settings, [signIn, page]);
  for (const [p, m] of sequential) console.log(`${p}, one at a time: median ${f1(m.median)} ms, p95 ${f1(m.p95)} ms`);

  const s = underLoad.get(signIn.path)!;
  const b = underLoad.get(page.path)!;
  const ss = sequential.get(signIn.name)!;
  const bs = sequential.get(page.name)!;
  const lines = [
    ...reportHeader(
      "bench:booking",
      `${settings.connections} connections, ${settings.duration} s per measure after a ${settings.warmup} s warm-up; then ${settings.rounds} rounds one at a time`,
      loadBefore,
      context.database,
    ),
    `- Busiest doctor: ${context.doctor.email}, ${context.doctor.upcoming.toLocaleString("en")} appointments in the next 8 weeks; motif « ${context.motif.label} » (${context.motif.minutes} min); ${offered} free times on the week shown`,
    `- Load average (1, 5, 15 min) at the end of the page part: ${loadAverage()}`,
    "",
    `Under load (${settings.connections} at once):`,
    "",
    "| page | per s | p50 ms | p95 ms | p99 ms | count |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    `| ${signIn.name} (\`${signIn.path}\`) | ${f1(s.rps)} | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.p99)} | ${s.requests} |`,
    `| ${page.name} (\`/rdv/${BENCH_SLUG}\`) | ${f1(b.rps)} | ${f1(b.p50)} | ${f1(b.p95)} | ${f1(b.p99)} | ${b.requests} |`,
    "",
    `One at a time, taking turns (${settings.rounds} rounds):`,
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
});
