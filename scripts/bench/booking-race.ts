import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { and, eq, ne } from "drizzle-orm";
import { encodeActionArguments, formDataOf, serverActionId } from "@/tests/support/server-actions";
import { databaseVersion, percentile, reportHeader, writeReport } from "./common";
import { buildUnlessSkipped, localSecrets, startServer, waitForHealth } from "@/tests/support/production-server";

// npm run bench:booking-race — the online booking race of issue 18: 200 patients booking the same
// 20 times at once across two app instances, each from its own client address (TRUSTED_PROXY=
// loopback and X-Forwarded-For, as the browser tests do, so the per-address limit does not answer
// in the database's place). Each posts the booking flow's « Confirmer le rendez-vous » action as the
// page's JavaScript does. Expected: exactly 20 appointments, each time once, every loser told « Ce
// créneau vient d'être réservé », 0 × 5xx. PostgreSQL only (DATABASE_URL): two instances share it.
// Builds unless BENCH_SKIP_BUILD=1. Fails (exit 1) when an expectation does not hold.

const PORT = Number(process.env.BENCH_RACE_PORT || 3280);
const PATIENTS = Number(process.env.BENCH_RACE_PATIENTS || 200);
const TIMES = Number(process.env.BENCH_RACE_TIMES || 20);
const BASES = [`http://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT + 1}`];
const ACTIONS_FILE = "app/rdv/[slug]/reserver/actions.ts";
const TAKEN = "Ce créneau vient d'être réservé";

process.env.NEXT_TELEMETRY_DISABLED = "1";

const { closeDb, getDb } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { appointments, onlineBookingSettings, openingHours, sessions, users, visitReasons } = await import("@/db/schema");
const { encode } = await import("next-auth/jwt");
const { addDays, mondayOf, resolveWallClock, todayIn } = await import("@/lib/time/luxembourg");

// No server-only module here (npm run bench:booking imports this file without the react-server
// condition): sessions are written as a sign-in writes them, and their cookie minted as
// lib/auth/next-auth.ts mints it, for servers started with AUTH_INSECURE_COOKIES=1 (plain HTTP).
const COOKIE = "authjs.session-token";
const SESSION_SECONDS = 12 * 3600;

/** A doctor of its own for this run (open Monday to Friday, one 15-minute motif online), 200 patients signed in, 20 free times. */
async function prepare() {
  await runMigrations();
  const db = getDb();
  const run = Date.now().toString(36);
  const [doctor] = await db
    .insert(users)
    .values({
      email: `course-${run}@bench.doctipro.lu`,
      role: "doctor",
      doctorKind: "medecin",
      title: "Dr",
      firstName: "Course",
      lastName: `Banc ${run}`,
    })
    .returning();
  await db
    .insert(openingHours)
    .values([1, 2, 3, 4, 5].map((weekday) => ({ doctorId: doctor!.id, weekday, startMinute: 8 * 60, endMinute: 18 * 60 })));
  const [motif] = await db
    .insert(visitReasons)
    .values({ doctorId: doctor!.id, label: "Consultation", durationMinutes: 15, colour: "blue", bookableOnline: true, openToNewPatients: true })
    .returning();
  const slug = `dr-course-${run}`;
  await db.insert(onlineBookingSettings).values({ doctorId: doctor!.id, slug, enabled: true, minNoticeMinutes: 120, horizonWeeks: 4 });
  // Monday in two weeks, 08:00 on: every 15 minutes is free (no appointment, open 08:00–18:00).
  const monday = addDays(mondayOf(todayIn()), 14);
  const times = Array.from({ length: TIMES }, (_, k) => {
    const at = resolveWallClock(monday, 8 * 60 + 15 * k);
    if (at.kind !== "exact") throw new Error("a daylight-saving change on the race's morning");
    return at.at;
  });
  const patients = await db
    .insert(users)
    .values(
      Array.from({ length: PATIENTS }, (_, i) => ({
        email: `course-${run}-${i}@bench.doctipro.lu`,
        role: "patient" as const,
        firstName: "Patient",
        lastName: `Course ${run}`,
      })),
    )
    .returning();
  const opened = await db
    .insert(sessions)
    .values(
      patients.map((p) => ({
        userId: p.id,
        ip: "127.0.0.1",
        userAgent: "bench:booking-race",
        expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000),
      })),
    )
    .returning();
  const cookies = await Promise.all(
    opened.map(async (session) => {
      const value = await encode({
        secret: process.env.AUTH_SECRET ?? "",
        salt: COOKIE,
        maxAge: SESSION_SECONDS,
        token: { sub: session.userId, sid: session.id, role: "patient" },
      });
      return `${COOKIE}=${value}`;
    }),
  );
  return { doctorId: doctor!.id, motifId: motif!.id, slug, times, cookies };
}

type Answer = { status: number; outcome: "booked" | "told" | "other"; ms: number };

/** Patient `i` confirms time `at` for a child of theirs, from client address 10.x.y.1 (its own /24). */
async function confirm(base: string, actionId: string, data: Awaited<ReturnType<typeof prepare>>, i: number, at: Date): Promise<Answer> {
  const debut = at.toISOString();
  const fields = formDataOf({
    who: "proche",
    needsFile: "1",
    firstName: "Enfant",
    lastName: `Numero ${"abcdefghij"[i % 10]}${"abcdefghij"[Math.floor(i / 10) % 10]}${"abcdefghij"[Math.floor(i / 100) % 10]}`,
    birthDate: "03/02/2019",
    noMatricule: "1",
    noMatriculeReason: "newborn",
  });
  const started = performance.now();
  const response = await fetch(`${base}/rdv/${data.slug}/reserver?motif=${data.motifId}&debut=${encodeURIComponent(debut)}`, {
    method: "POST",
    body: encodeActionArguments([data.slug, data.doctorId, data.motifId, debut, { status: "idle" }, fields]),
    headers: {
      cookie: data.cookies[i]!,
      origin: base,
      accept: "text/x-component",
      "next-action": actionId,
      "x-forwarded-for": `10.${Math.floor(i / 250)}.${i % 250}.1`,
    },
    redirect: "manual",
  });
  const text = await response.text();
  const redirect = response.headers.get("x-action-redirect") ?? "";
  const outcome = redirect.includes("/reserver/confirme") ? "booked" : text.includes(TAKEN) ? "told" : "other";
  if (outcome === "other") console.error(`patient ${i}: ${response.status} ${text.slice(0, 300)}`);
  return { status: response.status, outcome, ms: performance.now() - started };
}

/**
 * The race, on two instances of its own (ports BENCH_RACE_PORT and the next) started with
 * TRUSTED_PROXY=loopback; the build must be there. Resolves to the report's lines; `ok` says
 * whether every expectation held. Also run by `npm run bench:booking` after its pages.
 */
export async function runBookingRace({ log = console.log }: { log?: (line: string) => void } = {}): Promise<string[] & { ok?: boolean }> {
  if (!process.env.DATABASE_URL) return ["### The booking race", "", "Skipped: it needs PostgreSQL (DATABASE_URL), which two instances share."];
  process.env.TRUSTED_PROXY = "loopback";
  process.env.AUTH_INSECURE_COOKIES = "1";
  localSecrets();
  const servers: ChildProcess[] = [];
  try {
    const loadBefore = os.loadavg()[0]!;
    const data = await prepare();
    const version = await databaseVersion(getDb());
    const actionId = serverActionId(ACTIONS_FILE, "confirmBookingAction");
    for (const [n, base] of BASES.entries()) {
      const server = startServer(PORT + n);
      servers.push(server);
      await waitForHealth(server, base);
    }
    log(`${PATIENTS} patients, ${TIMES} times, 2 instances: go.`);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: PATIENTS }, (_, i) => confirm(BASES[i % 2]!, actionId, data, i, data.times[i % TIMES]!)));
    const wall = performance.now() - started;

    const stored = await getDb()
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(and(eq(appointments.doctorId, data.doctorId), ne(appointments.status, "cancelled")));
    const distinct = new Set(stored.map((a) => a.startsAt.getTime())).size;
    const booked = answers.filter((a) => a.outcome === "booked").length;
    const told = answers.filter((a) => a.outcome === "told").length;
    const other = answers.filter((a) => a.outcome === "other").length;
    const errors = answers.filter((a) => a.status >= 500).length;
    const times = answers.map((a) => a.ms).sort((a, b) => a - b);
    const ok = stored.length === TIMES && distinct === TIMES && booked === TIMES && told === PATIENTS - TIMES && other === 0 && errors === 0;
    const lines: string[] & { ok?: boolean } = [
      "### The booking race (`npm run bench:booking`, part 2; alone: `node --import tsx scripts/bench/booking-race.ts`)",
      "",
      ...reportHeader(
        "bench:booking",
        `${PATIENTS} patients, ${TIMES} times, 2 instances, each patient from its own X-Forwarded-For`,
        loadBefore,
        version,
      ),
      "",
      "| figure | value | expected |",
      "| --- | ---: | ---: |",
      `| appointments stored | ${stored.length} | ${TIMES} |`,
      `| distinct times among them | ${distinct} | ${TIMES} |`,
      `| patients sent to the confirmation | ${booked} | ${TIMES} |`,
      `| patients told « ${TAKEN} » | ${told} | ${PATIENTS - TIMES} |`,
      `| other answers | ${other} | 0 |`,
      `| 5xx answers | ${errors} | 0 |`,
      `| answer time p50 / p95 / max (ms) | ${Math.round(percentile(times, 50))} / ${Math.round(percentile(times, 95))} / ${Math.round(times.at(-1)!)} | |`,
      `| wall time for all ${PATIENTS} (ms) | ${Math.round(wall)} | |`,
      "",
      ok ? "Every expectation held." : "**An expectation did not hold.**",
    ];
    lines.ok = ok;
    for (const line of lines) log(line);
    return lines;
  } finally {
    for (const server of servers) server.kill("SIGTERM");
  }
}

// Run on its own (npm run bench:booking-race): build, race, report.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    if (!process.env.DATABASE_URL) throw new Error("bench:booking-race needs PostgreSQL (DATABASE_URL): two app instances share the database.");
    buildUnlessSkipped(process.env.BENCH_SKIP_BUILD === "1");
    const lines = await runBookingRace({ log: () => {} });
    writeReport("booking-race", lines.join("\n"), "postgres");
    if (!lines.ok) process.exitCode = 1;
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  } finally {
    await closeDb();
  }
}
