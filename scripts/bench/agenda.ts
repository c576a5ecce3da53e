import os from "node:os";
import { and, eq, inArray, sql } from "drizzle-orm";
import { appointmentIdIn, callServerAction, formDataOf, serverActionId } from "@/tests/support/server-actions";
import {
  benchSettings,
  browserCookies,
  checkPage,
  databaseKind,
  databaseVersion,
  f1,
  kB,
  loadAverage,
  measureUnderLoad,
  oneAtATime,
  pct,
  reportHeader,
  rowsOf,
  runBench,
  seededLargeDatabase,
  times,
  writeReport,
  type Load,
  type Target,
  type Times,
} from "./common";

// npm run bench:agenda — the agenda of the busiest doctor of a national-size database, side by
// side in one run with the minimal signed-in page (the baseline of bench:dashboard):
// - the week view of the doctor's busiest week: throughput under load (autocannon, 10
//   connections) against the baseline's; target ≥ 50 %;
// - booking then cancelling an appointment through the agenda's server actions, posted as the
//   page's own JavaScript posts them (Next-Action header): one at a time taking turns with the two
//   pages, and with 10 bookers at once against the baseline under autocannon; target p95 ≤ 2 × the
//   baseline's p95. An action answers its result only; the tab then redraws the week once, on the
//   change's live event (docs/decisions/0049): that refresh (the week's RSC payload, what
//   `router.refresh()` asks for) is measured one at a time beside the pages.
// Every booking is cancelled by the next request and its row removed before the next round, so
// the week measured stays the same week. Seeds the large data set (or reuses it), builds unless
// BENCH_SKIP_BUILD=1, starts the production server. PostgreSQL when DATABASE_URL is set (the
// figures that count), else an embedded PGlite folder under .data/bench. A benchmark, not a test:
// it fails only when an answer is not the expected one.

const settings = benchSettings(3260);
const { base: BASE, connections: CONNECTIONS } = settings;
const ACTIONS_FILE = "app/(practice)/agenda/actions.ts";
const TAKEN = "Ce créneau n'est plus libre.";

// Imported after benchSettings() has settled the environment: they read DATA_DIR / DATABASE_URL when first used.
const { getDb } = await import("@/db/client");
const { appointments, openingHours, patients, visitReasons } = await import("@/db/schema");
const { BENCH_EMAIL_DOMAIN } = await import("@/seed/large-seed");
const { DEMO_PASSWORD } = await import("@/seed/demo-accounts");
const { addDays, isoWeekday, mondayOf, resolveWallClock, formatTime } = await import("@/lib/time/luxembourg");

type Slot = { day: string; time: string; startsAt: Date };

/**
 * The busiest doctor (the first by address among equals: several doctors of the large data set
 * have the same count), their busiest week, a patient, a motif, and free slots of that week.
 */
async function prepareData() {
  const db = await seededLargeDatabase();
  const [doctor] = rowsOf<{ id: string; email: string; appointments: number }>(
    await db.execute(sql`
      SELECT u.id, u.email, count(*)::int AS appointments
      FROM appointments a JOIN users u ON u.id = a.doctor_id
      WHERE u.email LIKE ${`%@${BENCH_EMAIL_DOMAIN}`}
      GROUP BY u.id, u.email ORDER BY count(*) DESC, u.email LIMIT 1`),
  );
  if (!doctor) throw new Error("no benchmark doctor found");
  // The week (Monday, in Luxembourg) holding the most of the doctor's active appointments.
  const [week] = rowsOf<{ monday: string; n: number }>(
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

type Pair = { create: number; cancel: number; both: number };
const pairTimes = (pairs: Pair[]) => ({
  create: times(pairs.map((p) => p.create)),
  cancel: times(pairs.map((p) => p.cancel)),
  both: times(pairs.map((p) => p.both)),
});

/** CONNECTIONS bookers at once, each on its own free time, for `seconds`. */
async function concurrentBookings(book: ReturnType<typeof booker>, slots: Slot[], seconds: number) {
  const until = performance.now() + seconds * 1000;
  const pairs: Pair[] = [];
  await Promise.all(
    slots.slice(0, CONNECTIONS).map(async (slot) => {
      while (performance.now() < until) pairs.push(await book(slot));
    }),
  );
  return { ...pairTimes(pairs), pairs: pairs.length, rate: pairs.length / seconds };
}

await runBench(settings, prepareData, async (context) => {
  const cookie = await browserCookies(BASE, context.doctor.email, DEMO_PASSWORD);
  const baseline: Target = { name: "Baseline: minimal signed-in page", path: "/secretaires", mustContain: "Mon secrétariat" };
  const weekPath = `/agenda?vue=semaine&date=${context.monday}`;
  const week: Target = { name: "Week view, busiest doctor and week", path: weekPath, mustContain: "Nouveau rendez-vous" };
  const refresh: Target = {
    name: "… its refresh after a change (RSC payload only)",
    path: weekPath,
    // The server's part of the page: the grid is a client component, drawn from its props.
    mustContain: "Paramètres de l",
    headers: { rsc: "1" },
  };
  const book = booker(context, cookie, weekPath);
  const loadBefore = os.loadavg()[0]!;
  const weight = new Map<string, number>();
  for (const target of [baseline, week]) weight.set(target.path, Buffer.byteLength(await checkPage(settings, target, cookie)));
  // Next answers an RSC request without its cache-busting `_rsc` parameter with a redirect to the
  // address that has it, the one the router itself asks for.
  const rscAnswer = await fetch(BASE + weekPath, { headers: { cookie, ...refresh.headers }, redirect: "manual" });
  const rscLocation = rscAnswer.headers.get("location");
  if (rscAnswer.status === 307 && rscLocation) refresh.path = new URL(rscLocation, BASE).pathname + new URL(rscLocation, BASE).search;
  const refreshWeight = Buffer.byteLength(await checkPage(settings, refresh, cookie));

  // 1. One at a time, taking turns: the baseline, the week view, then a booking and its
  // cancellation. First, because these ratios are the steadiest on a shared machine.
  const sequentialPairs: Pair[] = [];
  const slot = context.slots[CONNECTIONS]!;
  const sequential = await oneAtATime(settings, [baseline, week, refresh], {
    cookie,
    between: async (counted) => {
      const pair = await book(slot);
      if (counted) sequentialPairs.push(pair);
    },
  });
  const sequentialBooking = pairTimes(sequentialPairs);
  const loadOneAtATime = loadAverage();
  for (const [p, m] of sequential) console.log(`${p}, one at a time: median ${f1(m.median)} ms, p95 ${f1(m.p95)} ms`);
  console.log(
    `Book then cancel, one at a time: median ${f1(sequentialBooking.both.median)} ms, p95 ${f1(sequentialBooking.both.p95)} ms (load ${loadOneAtATime})`,
  );

  // 2. Under load: each page with CONNECTIONS at once; then CONNECTIONS bookers at once for as
  // long, and the baseline again right after, so the two p95s compared come from the same
  // minute of the machine's load.
  const underLoad = new Map<string, Load & { load: string }>();
  for (const target of [baseline, week]) underLoad.set(target.path, { ...(await measureUnderLoad(settings, target, cookie)), load: loadAverage() });
  await concurrentBookings(book, context.slots, settings.warmup);
  const bookings = await concurrentBookings(book, context.slots, settings.duration);
  const loadBookings = loadAverage();
  console.log(
    `${CONNECTIONS} bookers at once: ${bookings.pairs} book-then-cancel, p95 ${f1(bookings.both.p95)} ms (book ${f1(bookings.create.p95)}, cancel ${f1(bookings.cancel.p95)}) (load ${loadBookings})`,
  );
  const baselineAfter = { ...(await measureUnderLoad(settings, baseline, cookie)), load: loadAverage() };

  const b = underLoad.get(baseline.path)!;
  const w = underLoad.get(week.path)!;
  const bs = sequential.get(baseline.name)!;
  const ws = sequential.get(week.name)!;
  const sb = sequentialBooking;
  const row = (name: string, m: Times) => `| ${name} | ${f1(m.median)} | ${f1(m.p95)} |`;
  const section = [
    ...reportHeader(
      "bench:agenda",
      `${settings.rounds} rounds one at a time; then ${CONNECTIONS} connections, ${settings.duration} s per measure after a ${settings.warmup} s warm-up`,
      loadBefore,
      context.database,
    ),
    `- Busiest doctor: ${context.doctor.email}, ${context.doctor.appointments.toLocaleString("en")} appointments; week of ${context.monday}: ${context.weekAppointments} active appointments`,
    `- Page weight (HTML with its RSC payload, uncompressed): baseline ${kB(weight.get(baseline.path)!)}, week view ${kB(weight.get(week.path)!)}`,
    "",
    `One at a time, taking turns (${settings.rounds} rounds; load average at the end: ${loadOneAtATime}): the least noisy comparison on a shared machine.`,
    "",
    "| measure | median ms | p95 ms |",
    "| --- | ---: | ---: |",
    row(baseline.name, bs),
    row(week.name, ws),
    row(`${refresh.name}, ${kB(refreshWeight)}`, sequential.get(refresh.name)!),
    row("Book then cancel (two server actions)", sb.both),
    `| … the booking alone / the cancellation alone | ${f1(sb.create.median)} / ${f1(sb.cancel.median)} | ${f1(sb.create.p95)} / ${f1(sb.cancel.p95)} |`,
    "",
    `Under load (${CONNECTIONS} at once; load average at the end of each measure in the last column):`,
    "",
    "| measure | per s | p50 ms | p95 ms | p99 ms | count | load (1, 5, 15 min) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    `| ${baseline.name} (\`${baseline.path}\`) | ${f1(b.rps)} | ${f1(b.p50)} | ${f1(b.p95)} | ${f1(b.p99)} | ${b.requests} | ${b.load} |`,
    `| ${week.name} (\`${week.path}\`) | ${f1(w.rps)} | ${f1(w.p50)} | ${f1(w.p95)} | ${f1(w.p99)} | ${w.requests} | ${w.load} |`,
    `| Book then cancel (two server actions) | ${f1(bookings.rate)} | ${f1(bookings.both.median)} | ${f1(bookings.both.p95)} | — | ${bookings.pairs} | ${loadBookings} |`,
    `| … the booking alone / the cancellation alone | — | ${f1(bookings.create.median)} / ${f1(bookings.cancel.median)} | ${f1(bookings.create.p95)} / ${f1(bookings.cancel.p95)} | — | — | |`,
    `| ${baseline.name}, again right after the bookings | ${f1(baselineAfter.rps)} | ${f1(baselineAfter.p50)} | ${f1(baselineAfter.p95)} | ${f1(baselineAfter.p99)} | ${baselineAfter.requests} | ${baselineAfter.load} |`,
    "",
    `- Week view throughput / baseline: one at a time (baseline median / week median) **${pct(bs.median, ws.median)}**; under load **${pct(w.rps, b.rps)}** (target ≥ 50 %)`,
    `- Book then cancel p95 / baseline p95: one at a time **${(sb.both.p95 / bs.p95).toFixed(2)} ×**; under load **${(bookings.both.p95 / b.p95).toFixed(2)} ×**, or ${(bookings.both.p95 / baselineAfter.p95).toFixed(2)} × the baseline measured right after (target ≤ 2 ×)`,
  ].join("\n");
  writeReport("agenda", section, databaseKind());
});
