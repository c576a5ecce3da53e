import type { ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { and, eq, inArray, sql } from "drizzle-orm";
import { appointmentIdIn, callServerAction, formDataOf, serverActionId } from "@/tests/support/server-actions";
import { browserCookies, databaseKind, databaseVersion, percentile, reportHeader, writeReport } from "./common";
import { buildUnlessSkipped, startServer, waitForHealth } from "@/tests/support/production-server";

// npm run bench:agenda — the agenda of the busiest doctor of a national-size database, side by
// side in one run with the minimal signed-in page (the baseline of bench:dashboard):
// - the week view of the doctor's busiest week: throughput under load (autocannon, 10
//   connections) against the baseline's; target ≥ 50 %;
// - booking then cancelling an appointment through the agenda's server actions, posted as the
//   page's own JavaScript posts them (Next-Action header, the week view re-rendered in the answer):
//   one at a time taking turns with the two pages, and with 10 bookers at once against the
//   baseline under autocannon; target p95 ≤ 2 × the baseline's p95.
// Every booking is cancelled by the next request and its row removed before the next round, so
// the week measured stays the same week. Seeds the large data set (or reuses it), builds unless
// BENCH_SKIP_BUILD=1, starts the production server. PostgreSQL when DATABASE_URL is set (the
// figures that count), else an embedded PGlite folder under .data/bench. A benchmark, not a test:
// it fails only when an answer is not the expected one.

const PORT = Number(process.env.BENCH_PORT || 3260);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const DURATION = Number(process.env.BENCH_DURATION || 20);
const WARMUP = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 100);
/** Seconds before autocannon counts a request as failed (its default, 10, is short on a busy machine). */
const TIMEOUT = Number(process.env.BENCH_TIMEOUT || 30);
const BASE = `http://127.0.0.1:${PORT}`;
const ACTIONS_FILE = "app/(practice)/agenda/actions.ts";
const TAKEN = "Ce créneau n'est plus libre.";

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= path.resolve(".data/bench");

// Imported after the environment is settled: they read DATA_DIR / DATABASE_URL when first used.
const { closeDb, getDb } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { assertPgliteFree } = await import("@/db/pglite-lock");
const { appointments, openingHours, patients, visitReasons } = await import("@/db/schema");
const { seedLarge, BENCH_EMAIL_DOMAIN } = await import("@/seed/large-seed");
const { DEMO_PASSWORD } = await import("@/seed/demo-accounts");
const { addDays, isoWeekday, mondayOf, resolveWallClock, formatTime } = await import("@/lib/time/luxembourg");

type Slot = { day: string; time: string; startsAt: Date };

/** The busiest doctor, their busiest week, a patient, a motif, and free slots of that week. */
async function prepareData() {
  assertPgliteFree();
  await runMigrations();
  await seedLarge(getDb(), { log: console.log });
  const db = getDb();
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const [doctor] = rows<{ id: string; email: string; appointments: number }>(
    await db.execute(sql`
      SELECT u.id, u.email, count(*)::int AS appointments
      FROM appointments a JOIN users u ON u.id = a.doctor_id
      WHERE u.email LIKE ${`%@${BENCH_EMAIL_DOMAIN}`}
      GROUP BY u.id, u.email ORDER BY count(*) DESC LIMIT 1`),
  );
  if (!doctor) throw new Error("no benchmark doctor found");
  // The week (Monday, in Luxembourg) holding the most of the doctor's active appointments.
  const [week] = rows<{ monday: string; n: number }>(
    await db.execute(sql`
      SELECT to_char(date_trunc('week', starts_at AT TIME ZONE 'Europe/Luxembourg'), 'YYYY-MM-DD') AS monday, count(*)::int AS n
      FROM appointments WHERE doctor_id = ${doctor.id} AND status <> 'cancelled'
      GROUP BY 1 ORDER BY 2 DESC, 1 DESC LIMIT 1`),
  );
  if (!week) throw new Error("the busiest doctor has no appointment");
  const monday = mondayOf(week.monday);
  const [patient] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.doctorId, doctor.id), sql`${patients.archivedAt} IS NULL`))
    .limit(1);
  const [motif] = await db
    .select({ id: visitReasons.id, minutes: visitReasons.durationMinutes })
    .from(visitReasons)
    .where(and(eq(visitReasons.doctorId, doctor.id), eq(visitReasons.active, true)))
    .orderBy(visitReasons.durationMinutes)
    .limit(1);
  if (!patient || !motif) throw new Error("the busiest doctor has no patient or no motif");
  const hours = await db.select().from(openingHours).where(eq(openingHours.doctorId, doctor.id));
  const taken = await db
    .select({ startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.doctorId, doctor.id),
        sql`${appointments.status} <> 'cancelled'`,
        sql`${appointments.startsAt} < (${addDays(monday, 8)}::date AT TIME ZONE 'Europe/Luxembourg')`,
        sql`${appointments.endsAt} > (${monday}::date AT TIME ZONE 'Europe/Luxembourg')`,
      ),
    );
  // Free times of that week inside opening hours (a public holiday of that week closes its day:
  // the bookings confirm the outside-hours question, which costs nothing when inside).
  const slots: Slot[] = [];
  for (let d = 0; d < 7 && slots.length < CONNECTIONS + 1; d++) {
    const day = addDays(monday, d);
    for (const interval of hours.filter((h) => h.weekday === isoWeekday(day))) {
      for (
        let minute = interval.startMinute;
        minute + motif.minutes <= interval.endMinute && slots.length < CONNECTIONS + 1;
        minute += motif.minutes
      ) {
        const found = resolveWallClock(day, minute);
        if (found.kind !== "exact") continue;
        const end = found.at.getTime() + motif.minutes * 60_000;
        if (taken.some((t) => t.startsAt.getTime() < end && t.endsAt.getTime() > found.at.getTime())) continue;
        slots.push({ day, time: formatTime(minute), startsAt: found.at });
      }
    }
  }
  if (slots.length < CONNECTIONS + 1) throw new Error(`only ${slots.length} free slots in the week of ${monday}`);
  const database = await databaseVersion(db);
  return { doctor, monday, weekAppointments: week.n, patientId: patient.id, motif, slots, database };
}

type Context = Awaited<ReturnType<typeof prepareData>>;
type Target = { name: string; path: string; mustContain: string };
type Load = { rps: number; p50: number; p95: number; p99: number; requests: number };

async function load(target: Target, cookie: string, seconds: number): Promise<Load> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: BASE + target.path, connections: CONNECTIONS, duration: seconds, timeout: TIMEOUT, headers: { cookie } },
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

/** Checks `target` answers its page; returns the page's weight in bytes (the HTML, RSC payload included). */
async function check(target: Target, cookie: string): Promise<number> {
  const response = await fetch(BASE + target.path, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(target.mustContain))
    throw new Error(`${target.path} does not answer the expected page (HTTP ${response.status})`);
  return Buffer.byteLength(body);
}

/** Books `slot` then cancels it through the server actions, from the week view; the row is then removed. */
function booker(context: Context, cookie: string, weekPath: string) {
  const create = serverActionId(ACTIONS_FILE, "createAppointmentAction");
  const cancel = serverActionId(ACTIONS_FILE, "cancelAppointmentAction");
  // PGlite is one process's: the server holds it, the cancelled rows stay (one per booking).
  const db = databaseKind() === "postgres" ? getDb() : null;
  return async (slot: Slot) => {
    const fields = {
      patientId: context.patientId,
      visitReasonId: context.motif.id,
      day: slot.day,
      time: slot.time,
      durationMinutes: String(context.motif.minutes),
      note: "",
      outsideHoursConfirmed: "on",
    };
    const booked = await callServerAction(BASE, weekPath, create, [{ status: "idle" }, formDataOf(fields)], cookie);
    const appointmentId = appointmentIdIn(booked.text);
    if (booked.status !== 200 || !appointmentId) {
      throw new Error(
        `booking ${slot.day} ${slot.time}: HTTP ${booked.status}${booked.text.includes(TAKEN) ? ", taken" : ""}: ${booked.text.slice(-300)}`,
      );
    }
    const cancelled = await callServerAction(BASE, weekPath, cancel, [{ status: "idle" }, formDataOf({ appointmentId, by: "practice" })], cookie);
    if (cancelled.status !== 200 || !cancelled.text.includes("Rendez-vous annulé."))
      throw new Error(`cancelling ${appointmentId}: HTTP ${cancelled.status}`);
    if (db) await db.delete(appointments).where(inArray(appointments.id, [appointmentId]));
    return { create: booked.ms, cancel: cancelled.ms, both: booked.ms + cancelled.ms };
  };
}

type Times = { median: number; p95: number };
const stats = (list: number[]): Times => {
  const sorted = [...list].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

/** One request at a time: the baseline, the week view, then a booking and its cancellation, in turn. */
async function interleaved(targets: Target[], cookie: string, book: ReturnType<typeof booker>, slot: Slot) {
  const pages = new Map(targets.map((t) => [t.path, [] as number[]]));
  const create: number[] = [];
  const cancel: number[] = [];
  const both: number[] = [];
  for (let round = -10; round < ROUNDS; round++) {
    for (const target of targets) {
      const started = performance.now();
      const response = await fetch(BASE + target.path, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (round >= 0) pages.get(target.path)!.push(performance.now() - started);
    }
    const times = await book(slot);
    if (round >= 0) {
      create.push(times.create);
      cancel.push(times.cancel);
      both.push(times.both);
    }
  }
  return { pages: new Map([...pages].map(([p, list]) => [p, stats(list)])), create: stats(create), cancel: stats(cancel), both: stats(both) };
}

/** CONNECTIONS bookers at once, each on its own free time, for `seconds`. */
async function concurrentBookings(book: ReturnType<typeof booker>, slots: Slot[], seconds: number) {
  const until = performance.now() + seconds * 1000;
  const create: number[] = [];
  const cancel: number[] = [];
  const both: number[] = [];
  await Promise.all(
    slots.slice(0, CONNECTIONS).map(async (slot) => {
      while (performance.now() < until) {
        const times = await book(slot);
        create.push(times.create);
        cancel.push(times.cancel);
        both.push(times.both);
      }
    }),
  );
  return { create: stats(create), cancel: stats(cancel), both: stats(both), pairs: both.length, rate: both.length / seconds };
}

const f1 = (n: number) => n.toFixed(1);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;

let server: ChildProcess | undefined;
try {
  const context = await prepareData();
  if (databaseKind() === "pglite") await closeDb();
  buildUnlessSkipped(process.env.BENCH_SKIP_BUILD === "1");
  server = startServer(PORT);
  await waitForHealth(server, BASE);
  const cookie = await browserCookies(BASE, context.doctor.email, DEMO_PASSWORD);
  const baseline: Target = { name: "Baseline: minimal signed-in page", path: "/secretaires", mustContain: "Mon secrétariat" };
  const weekPath = `/agenda?vue=semaine&date=${context.monday}`;
  const week: Target = { name: "Week view, busiest doctor and week", path: weekPath, mustContain: "Nouveau rendez-vous" };
  const book = booker(context, cookie, weekPath);
  const loadBefore = os.loadavg()[0]!;

  const underLoad = new Map<string, Load>();
  const weight = new Map<string, number>();
  for (const target of [baseline, week]) {
    weight.set(target.path, await check(target, cookie));
    await load(target, cookie, WARMUP);
    const measure = await load(target, cookie, DURATION);
    console.log(`${target.name}: ${f1(measure.rps)} req/s, p50 ${f1(measure.p50)} ms, p95 ${f1(measure.p95)} ms`);
    underLoad.set(target.path, measure);
  }
  // Ten bookers at once for as long as the pages were loaded, then the baseline again right
  // after: the two p95s compared come from the same minute of the machine's load.
  await concurrentBookings(book, context.slots, WARMUP);
  const bookings = await concurrentBookings(book, context.slots, DURATION);
  console.log(
    `${CONNECTIONS} bookers at once: ${bookings.pairs} book-then-cancel, p95 ${f1(bookings.both.p95)} ms (book ${f1(bookings.create.p95)}, cancel ${f1(bookings.cancel.p95)})`,
  );
  const baselineAfter = await load(baseline, cookie, DURATION);
  console.log(`${baseline.name}, again: ${f1(baselineAfter.rps)} req/s, p95 ${f1(baselineAfter.p95)} ms`);

  const sequential = await interleaved([baseline, week], cookie, book, context.slots[CONNECTIONS]!);
  for (const [p, m] of sequential.pages) console.log(`${p}, one at a time: median ${f1(m.median)} ms, p95 ${f1(m.p95)} ms`);
  console.log(`Book then cancel, one at a time: median ${f1(sequential.both.median)} ms, p95 ${f1(sequential.both.p95)} ms`);

  const b = underLoad.get(baseline.path)!;
  const w = underLoad.get(week.path)!;
  const bs = sequential.pages.get(baseline.path)!;
  const ws = sequential.pages.get(week.path)!;
  const section = [
    ...reportHeader(
      "bench:agenda",
      `${CONNECTIONS} connections, ${DURATION} s per measure after a ${WARMUP} s warm-up; then ${ROUNDS} rounds one at a time`,
      loadBefore,
      context.database,
    ),
    `- Busiest doctor: ${context.doctor.email}, ${context.doctor.appointments.toLocaleString("en")} appointments; week of ${context.monday}: ${context.weekAppointments} active appointments`,
    `- Page weight (HTML with its RSC payload, uncompressed): baseline ${kB(weight.get(baseline.path)!)}, week view ${kB(weight.get(week.path)!)}`,
    `- Load average (1, 5, 15 min, as \`uptime\` shows it) at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
    "",
    `Under load (${CONNECTIONS} at once):`,
    "",
    "| measure | per s | p50 ms | p95 ms | p99 ms | count |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    `| ${baseline.name} (\`${baseline.path}\`) | ${f1(b.rps)} | ${f1(b.p50)} | ${f1(b.p95)} | ${f1(b.p99)} | ${b.requests} |`,
    `| ${week.name} (\`${week.path}\`) | ${f1(w.rps)} | ${f1(w.p50)} | ${f1(w.p95)} | ${f1(w.p99)} | ${w.requests} |`,
    `| Book then cancel (two server actions) | ${f1(bookings.rate)} | — | ${f1(bookings.both.p95)} | — | ${bookings.pairs} |`,
    `| … the booking alone / the cancellation alone | — | ${f1(bookings.create.median)} / ${f1(bookings.cancel.median)} | ${f1(bookings.create.p95)} / ${f1(bookings.cancel.p95)} | — | — |`,
    `| ${baseline.name}, again right after the bookings | ${f1(baselineAfter.rps)} | ${f1(baselineAfter.p50)} | ${f1(baselineAfter.p95)} | ${f1(baselineAfter.p99)} | ${baselineAfter.requests} |`,
    "",
    `One at a time, taking turns (${ROUNDS} rounds): the least noisy comparison on a shared machine.`,
    "",
    "| measure | median ms | p95 ms |",
    "| --- | ---: | ---: |",
    `| ${baseline.name} | ${f1(bs.median)} | ${f1(bs.p95)} |`,
    `| ${week.name} | ${f1(ws.median)} | ${f1(ws.p95)} |`,
    `| Book then cancel | ${f1(sequential.both.median)} | ${f1(sequential.both.p95)} |`,
    `| … the booking alone / the cancellation alone | ${f1(sequential.create.median)} / ${f1(sequential.cancel.median)} | ${f1(sequential.create.p95)} / ${f1(sequential.cancel.p95)} |`,
    "",
    `- Week view throughput / baseline, under load: **${pct(w.rps, b.rps)}** (target ≥ 50 %); one at a time (baseline median / week median): **${pct(bs.median, ws.median)}**`,
    `- Book then cancel p95 / baseline p95, under load: **${(bookings.both.p95 / b.p95).toFixed(2)} ×** (${(bookings.both.p95 / baselineAfter.p95).toFixed(2)} × the baseline measured right after; target ≤ 2 ×); one at a time: **${(sequential.both.p95 / bs.p95).toFixed(2)} ×**`,
  ].join("\n");
  writeReport("agenda", section, databaseKind());
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
  await closeDb().catch(() => {});
}
