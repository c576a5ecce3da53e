import { randomUUID } from "node:crypto";
import { and, inArray, isNull, like, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password-hash";
import { TIME_ZONE } from "@/lib/format/datetime";
import { formatCount } from "@/lib/format/number";
import { isoWeekday } from "@/lib/time/luxembourg";
import { matriculeFor } from "@/lib/patients/matricule";
import type { Database } from "@/db/client";
import { openingHours, secretaryDoctors, users, visitReasons } from "@/db/schema";
import { dayCapacity, HOURS, MOTIFS, planDay, WITH_SATURDAY_MORNING, type PracticeKind, type SeedHours } from "./agenda-templates";
import { bulkInsert, insertInBatches, type BulkColumn } from "./bulk-insert";
import { addDays, isPublicHoliday } from "./calendar";
import { DEMO_PASSWORD } from "./demo-accounts";
import { FIRST_NAMES, LAST_NAMES } from "./luxembourg-names";
import { seededRandom, type Random } from "./random";

// The benchmark's data set (npm run db:seed -- --large): a national-scale platform in one database.
// Activity is uneven, as in life: doctor n weighs 1/(n+10)^0.8, and the busiest practices would
// hold about 1.3 % of everything; but a day holds only so many appointments (30 for a general
// practitioner), so the busiest are full and the rest goes to the others. Every doctor has motifs
// and opening hours by kind of practice, and appointments are laid on those hours with the motifs'
// durations, one after the other: never overlapping, by construction (the exclusion constraint,
// created by the migrations before any row is loaded, would refuse it). All of it is written in
// one transaction: the set is either complete or absent, and a complete set is reused. Every
// account signs in with the demo password.

export const BENCH_EMAIL_DOMAIN = "bench.doctipro.lu";

export type LargeSeedSize = {
  doctors: number;
  secretaries: number;
  patients: number;
  appointments: number;
  reviews: number;
  connections: number;
};

export const LARGE_SEED_SIZE: LargeSeedSize = {
  doctors: 1_000,
  secretaries: 250,
  patients: 200_000,
  appointments: 2_000_000,
  reviews: 50_000,
  connections: 1_000_000,
};

const BATCH = 20_000;
const DAYS_BACK = 540;
const DAYS_AHEAD = 60;
const TZ = `'${TIME_ZONE}'`;

const SPECIALTIES = [
  "Médecine générale",
  "Médecine générale",
  "Médecine générale",
  "Pédiatrie",
  "Cardiologie",
  "Dermatologie",
  "Gynécologie",
  "Ophtalmologie",
];
const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
];
const COMMENTS = ["Très à l'écoute.", "Bon médecin, je recommande.", "Attente un peu longue.", "Explications claires.", null, null];

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

/** Splits `total` in proportion to `weights`, in whole numbers that add up exactly (largest remainder). */
export function allocate(total: number, weights: number[]): number[] {
  const whole = sum(weights);
  const exact = weights.map((w) => (total * w) / whole);
  const counts = exact.map(Math.floor);
  let left = total - sum(counts);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

/**
 * Like `allocate`, but no share exceeds its cap: what a capped share cannot hold goes to the
 * others, in proportion. Less than `total` only when all caps together hold less.
 */
export function allocateCapped(total: number, weights: number[], caps: number[]): number[] {
  const counts = weights.map(() => 0);
  let open = weights.map((_, i) => i).filter((i) => caps[i]! > 0 && weights[i]! > 0);
  let left = total;
  while (left > 0 && open.length) {
    const shares = allocate(
      left,
      open.map((i) => weights[i]!),
    );
    const full = open.filter((i, k) => counts[i]! + shares[k]! >= caps[i]!);
    if (!full.length) {
      open.forEach((i, k) => (counts[i]! += shares[k]!));
      break;
    }
    for (const i of full) {
      left -= caps[i]! - counts[i]!;
      counts[i] = caps[i]!;
    }
    open = open.filter((i) => !full.includes(i));
  }
  return counts;
}

/** The most appointments a practice of each kind takes on a full day. */
export const DAY_MAXIMUM: Record<PracticeKind, number> = { gp: 30, paediatrics: 20, specialist: 18, dentist: 12 };

const DOCTOR_KINDS: PracticeKind[] = ["gp", "gp", "gp", "paediatrics", "specialist", "specialist", "specialist", "dentist"];

/** Doctor n's kind of practice (as their specialty says) and hours: every third GP also opens Saturday mornings. */
export function practiceOf(n: number): { kind: PracticeKind; hours: SeedHours } {
  const kind = DOCTOR_KINDS[n % DOCTOR_KINDS.length]!;
  return { kind, hours: kind === "gp" && n % 3 === 0 ? WITH_SATURDAY_MORNING(HOURS.gp) : HOURS[kind] };
}

/** A practice's open days in the window, each with how many appointments it holds at most. */
function openDays(days: { date: string; weekday: number }[], kind: PracticeKind, hours: SeedHours) {
  return days
    .map(({ date, weekday }) => {
      const intervals = hours.filter((i) => i.weekday === weekday);
      return { date, intervals, cap: intervals.length ? Math.min(DAY_MAXIMUM[kind], dayCapacity(intervals, MOTIFS[kind])) : 0 };
    })
    .filter((d) => d.cap > 0);
}

type Log = (line: string) => void;

type Row = (string | number | null)[];

/** A table the large seed fills with bulkInsert, and how its progress is printed. */
type BulkTable = { table: string; label: string; columns: BulkColumn[]; computed?: Record<string, string> };

/**
 * Writes `rows` (one value per column, in `columns` order) every BATCH rows, printing progress
 * about ten times per table whatever its size. `rows` is read lazily: a generator's random draws
 * happen as the rows are written.
 */
async function loadColumns(tx: Pick<Database, "execute">, target: BulkTable, total: number, log: Log, rows: Iterable<Row>): Promise<void> {
  const started = Date.now();
  let values: Row[] = target.columns.map(() => []);
  let written = 0;
  let nextReport = 0;
  const flush = async () => {
    const count = values[0]!.length;
    if (!count) return;
    await bulkInsert(tx, target.table, target.columns, values, target.computed);
    written += count;
    values = target.columns.map(() => []);
    if (written < nextReport && written < total) return;
    nextReport = written + total / 10;
    log(`  ${target.label} : ${formatCount(written)} / ${formatCount(total)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  };
  for (const row of rows) {
    row.forEach((v, i) => values[i]!.push(v));
    if (values[0]!.length >= BATCH) await flush();
  }
  await flush();
}

/** Inserts accounts 500 at a time; their ids in `rows` order (RETURNING's order is not promised). */
async function insertUsers(tx: Database, rows: (typeof users.$inferInsert)[]): Promise<string[]> {
  const ids: string[] = [];
  await insertInBatches(rows, 500, async (batch) => {
    const inserted = await tx.insert(users).values(batch).returning({ id: users.id, email: users.email });
    const byEmail = new Map(inserted.map((r) => [r.email, r.id]));
    ids.push(...batch.map((r) => byEmail.get(r.email)!));
  });
  return ids;
}

const PATIENTS: BulkTable = {
  table: "patients",
  label: "patients",
  columns: [
    { name: "id", type: "uuid" },
    { name: "doctor_id", type: "uuid" },
    { name: "first_name", type: "text" },
    { name: "last_name", type: "text" },
    { name: "birth_date", type: "date" },
    { name: "matricule", type: "text" },
    { name: "created_at", type: "timestamptz" },
  ],
};

const APPOINTMENTS: BulkTable = {
  table: "appointments",
  label: "rendez-vous",
  columns: [
    { name: "doctor_id", type: "uuid" },
    { name: "patient_id", type: "uuid" },
    // Local wall-clock time, turned into an instant by PostgreSQL's Luxembourg rules.
    { name: "starts_at", type: "timestamp", as: `v.starts_at AT TIME ZONE ${TZ}` },
    { name: "minutes", type: "int", valueOnly: true },
    { name: "visit_reason_id", type: "uuid" },
    { name: "status", type: "text", as: "v.status::appointment_status" },
    { name: "booked_via", type: "text", as: "v.booked_via::appointment_channel" },
  ],
  computed: {
    ends_at: `(v.starts_at AT TIME ZONE ${TZ}) + v.minutes * interval '1 minute'`,
    created_at: `least(now(), (v.starts_at AT TIME ZONE ${TZ}) - interval '3 days')`,
    updated_at: `least(now(), (v.starts_at AT TIME ZONE ${TZ}))`,
  },
};

const REVIEWS: BulkTable = {
  table: "reviews",
  label: "avis",
  columns: [
    { name: "doctor_id", type: "uuid" },
    { name: "rating", type: "int" },
    { name: "comment", type: "text" },
    { name: "status", type: "text", as: "v.status::review_status" },
    { name: "hidden_reason", type: "text" },
    { name: "created_at", type: "timestamptz" },
  ],
};

const CONNECTIONS: BulkTable = {
  table: "connection_log",
  label: "historique de connexion",
  columns: [
    { name: "at", type: "timestamptz" },
    { name: "account_id", type: "uuid" },
    { name: "actor_id", type: "uuid" },
    { name: "mode", type: "text", as: "v.mode::connection_mode" },
    { name: "ip", type: "text" },
    { name: "user_agent", type: "text" },
  ],
};

function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

async function insertAccounts(tx: Database, size: LargeSeedSize, passwordHash: string) {
  const doctorRows = Array.from({ length: size.doctors }, (_, i) => {
    const dentist = i % 8 === 7;
    return {
      email: `medecin-${String(i + 1).padStart(4, "0")}@${BENCH_EMAIL_DOMAIN}`,
      role: "doctor" as const,
      doctorKind: dentist ? ("medecin_dentiste" as const) : ("medecin" as const),
      title: "Dr",
      firstName: FIRST_NAMES[(i * 7) % FIRST_NAMES.length]!,
      lastName: LAST_NAMES[i % LAST_NAMES.length]!,
      specialty: dentist ? "Médecine dentaire" : SPECIALTIES[i % SPECIALTIES.length]!,
      passwordHash,
    };
  });
  const secretaryRows = Array.from({ length: size.secretaries }, (_, i) => ({
    email: `secretariat-${String(i + 1).padStart(4, "0")}@${BENCH_EMAIL_DOMAIN}`,
    role: "secretary" as const,
    firstName: FIRST_NAMES[(i * 11 + 3) % FIRST_NAMES.length]!,
    lastName: LAST_NAMES[(i * 13 + 5) % LAST_NAMES.length]!,
    passwordHash,
  }));
  const doctorIds = await insertUsers(tx, doctorRows);
  const secretaryIds = await insertUsers(tx, secretaryRows);
  // Each secretary works for a few neighbouring doctors; every doctor has one secretary.
  const secretaryOf = doctorIds.map((_, d) => secretaryIds[Math.floor((d * size.secretaries) / size.doctors)]!);
  const links = doctorIds.map((doctorId, d) => ({ secretaryId: secretaryOf[d]!, doctorId }));
  await insertInBatches(links, 1000, (batch) => tx.insert(secretaryDoctors).values(batch));
  return { doctorIds, secretaryOf };
}

/** Motifs and opening hours of each doctor; returns each doctor's motif ids, in MOTIFS order. */
async function insertAgendaSettings(tx: Database, doctorIds: string[], numbers: number[]) {
  const motifIds: string[][] = [];
  const motifRows: (typeof visitReasons.$inferInsert)[] = [];
  const hourRows: (typeof openingHours.$inferInsert)[] = [];
  for (const [d, doctorId] of doctorIds.entries()) {
    const { kind, hours } = practiceOf(numbers[d]!);
    const ids = MOTIFS[kind].map(() => randomUUID());
    motifIds.push(ids);
    MOTIFS[kind].forEach((m, position) =>
      motifRows.push({ id: ids[position]!, doctorId, label: m.label, durationMinutes: m.durationMinutes, colour: m.colour, position }),
    );
    for (const i of hours) hourRows.push({ doctorId, weekday: i.weekday, startMinute: i.startMinute, endMinute: i.endMinute });
  }
  await insertInBatches(motifRows, 1000, (batch) => tx.insert(visitReasons).values(batch));
  await insertInBatches(hourRows, 1000, (batch) => tx.insert(openingHours).values(batch));
  return motifIds;
}

async function insertPatients(tx: Database, doctorIds: string[], counts: number[], rng: Random, log: Log) {
  const patientIds: string[][] = [];
  function* rows(): Generator<Row> {
    for (const [d, doctorId] of doctorIds.entries()) {
      const ids: string[] = [];
      for (let k = 0; k < counts[d]!; k++) {
        // k → k·7919 mod 29,000 is one-to-one below 29,000: no two patients of a doctor share a birth
        // date, so their matricules never collide.
        const birthDate = addDays("1940-01-01", (k * 7919) % 29_000);
        const id = randomUUID();
        ids.push(id);
        yield [
          id,
          doctorId,
          rng.pick(FIRST_NAMES),
          rng.pick(LAST_NAMES),
          birthDate,
          matriculeFor(birthDate, k % 1000),
          isoInstant(Date.now() - rng.int(0, 5 * 365) * 86_400_000),
        ];
      }
      patientIds.push(ids);
    }
  }
  await loadColumns(tx, PATIENTS, sum(counts), log, rows());
  return patientIds;
}

/**
 * How many appointments each of `doctors` gets over the window around `today`, and the open days
 * they go to: in proportion to the doctors' weights, none above what its days hold.
 */
export function appointmentPlan(doctors: number, total: number, today: string) {
  const window: { date: string; weekday: number }[] = [];
  for (let offset = -DAYS_BACK; offset <= DAYS_AHEAD; offset++) {
    const date = addDays(today, offset);
    if (!isPublicHoliday(date)) window.push({ date, weekday: isoWeekday(date) });
  }
  const practices = Array.from({ length: doctors }, (_, d) => {
    const { kind, hours } = practiceOf(d);
    return { kind, days: openDays(window, kind, hours) };
  });
  const weights = practices.map((_, d) => 1 / (d + 10) ** 0.8);
  const counts = allocateCapped(
    total,
    weights,
    practices.map((p) => sum(p.days.map((day) => day.cap))),
  );
  return { practices, counts };
}

async function insertAppointments(
  tx: Database,
  doctorIds: string[],
  patientIds: string[][],
  motifIds: string[][],
  total: number,
  today: string,
  rng: Random,
  log: Log,
) {
  const { practices, counts } = appointmentPlan(doctorIds.length, total, today);
  let planned = 0;
  function* rows(): Generator<Row> {
    for (const [d, doctorId] of doctorIds.entries()) {
      const { kind, days } = practices[d]!;
      const patients = patientIds[d]!;
      // Some days busier than others, none above what a day holds.
      const perDay = allocateCapped(
        counts[d]!,
        days.map(() => 0.6 + rng.next() * 0.8),
        days.map((day) => day.cap),
      );
      for (const [k, day] of days.entries()) {
        for (const { startMinute, motif, durationMinutes } of planDay(day.intervals, perDay[k]!, MOTIFS[kind], rng)) {
          const r = rng.next();
          const status = day.date < today ? (r < 0.08 ? "cancelled" : r < 0.15 ? "no_show" : "done") : r < 0.06 ? "cancelled" : "booked";
          yield [
            doctorId,
            rng.pick(patients),
            `${day.date} ${String(Math.floor(startMinute / 60)).padStart(2, "0")}:${String(startMinute % 60).padStart(2, "0")}`,
            durationMinutes,
            motifIds[d]![motif]!,
            status,
            rng.chance(0.45) ? "online" : "practice",
          ];
          planned++;
        }
      }
    }
  }
  await loadColumns(tx, APPOINTMENTS, sum(counts), log, rows());
  return planned;
}

async function insertReviews(tx: Database, doctorIds: string[], counts: number[], rng: Random, log: Log) {
  function* rows(): Generator<Row> {
    for (const [d, doctorId] of doctorIds.entries()) {
      for (let i = 0; i < counts[d]!; i++) {
        const r = rng.next();
        const hidden = rng.chance(0.05);
        yield [
          doctorId,
          r < 0.55 ? 5 : r < 0.83 ? 4 : r < 0.93 ? 3 : r < 0.97 ? 2 : 1,
          rng.pick(COMMENTS),
          hidden ? "hidden" : "published",
          hidden ? "Propos injurieux" : null,
          isoInstant(Date.now() - rng.int(1, 2 * 365 * 24 * 60) * 60_000),
        ];
      }
    }
  }
  await loadColumns(tx, REVIEWS, sum(counts), log, rows());
}

async function insertConnections(tx: Database, doctorIds: string[], secretaryOf: string[], counts: number[], rng: Random, log: Log) {
  function* rows(): Generator<Row> {
    for (const [d, doctorId] of doctorIds.entries()) {
      for (let i = 0; i < counts[d]!; i++) {
        const viaSecretary = rng.chance(0.25);
        yield [
          isoInstant(Date.now() - rng.int(60, 2 * 365 * 24 * 3600) * 1000),
          doctorId,
          viaSecretary ? secretaryOf[d]! : doctorId,
          viaSecretary ? "secretary" : "direct",
          `${rng.pick(["198.51.100", "203.0.113", "192.0.2"])}.${rng.int(1, 254)}`,
          rng.pick(USER_AGENTS),
        ];
      }
    }
  }
  await loadColumns(tx, CONNECTIONS, sum(counts), log, rows());
}

/**
 * A data set loaded before the agenda existed has no motifs or hours: its doctors get them, each
 * by its number (medecin-0001 is doctor 0), so that their agendas and the benchmark have them.
 */
async function addMissingAgendaSettings(db: Database): Promise<number> {
  const bare = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        like(users.email, `medecin-%@${BENCH_EMAIL_DOMAIN}`),
        isNull(sql`(SELECT 1 FROM opening_hours h WHERE h.doctor_id = ${users.id} LIMIT 1)`),
        inArray(users.role, ["doctor"]),
      ),
    );
  if (!bare.length) return 0;
  await db.transaction((tx) =>
    insertAgendaSettings(
      tx,
      bare.map((b) => b.id),
      bare.map((b) => Number(/medecin-(\d+)@/.exec(b.email)![1]) - 1),
    ),
  );
  return bare.length;
}

/** Fills the database for the benchmark, or finds it already filled. */
export async function seedLarge(db: Database, { log, size = LARGE_SEED_SIZE }: { log: Log; size?: LargeSeedSize }): Promise<{ reused: boolean }> {
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(like(users.email, `%@${BENCH_EMAIL_DOMAIN}`));
  if ((existing?.n ?? 0) > 0) {
    log(`Jeu de données volumineux déjà présent (${formatCount(existing!.n)} comptes @${BENCH_EMAIL_DOMAIN}) : réutilisé.`);
    const added = await addMissingAgendaSettings(db);
    if (added) log(`  motifs et heures d'ouverture ajoutés à ${formatCount(added)} cabinet(s) qui n'en avaient pas.`);
    return { reused: true };
  }
  const started = Date.now();
  log(
    `Jeu de données volumineux : ${formatCount(size.doctors)} médecins, ${formatCount(size.patients)} patients, ` +
      `${formatCount(size.appointments)} rendez-vous, ${formatCount(size.reviews)} avis, ${formatCount(size.connections)} connexions.`,
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rng = seededRandom(20_260_101);
  await db.transaction(async (tx) => {
    const result = await tx.execute(sql`SELECT to_char(now() AT TIME ZONE ${sql.raw(TZ)}, 'YYYY-MM-DD') AS today`);
    const today = (result as unknown as { rows: { today: string }[] }).rows[0]!.today;
    const { doctorIds, secretaryOf } = await insertAccounts(tx, size, passwordHash);
    log(`  comptes : ${formatCount(size.doctors)} médecins, ${formatCount(size.secretaries)} secrétariats`);
    const weights = doctorIds.map((_, d) => 1 / (d + 10) ** 0.8);
    const motifIds = await insertAgendaSettings(
      tx,
      doctorIds,
      doctorIds.map((_, d) => d),
    );
    log(`  motifs et heures d'ouverture : ${formatCount(size.doctors)} cabinets`);
    const patientIds = await insertPatients(tx, doctorIds, allocate(size.patients, weights), rng, log);
    const planned = await insertAppointments(tx, doctorIds, patientIds, motifIds, size.appointments, today, rng, log);
    if (planned < size.appointments) log(`  (${formatCount(size.appointments - planned)} rendez-vous n'ont pas trouvé de place dans les agendas)`);
    await insertReviews(tx, doctorIds, allocate(size.reviews, weights), rng, log);
    await insertConnections(tx, doctorIds, secretaryOf, allocate(size.connections, weights), rng, log);
    log("  validation de la transaction…");
  });
  // Fresh statistics for the planner, and a visibility map so counts can be index-only scans.
  log("  VACUUM ANALYZE…");
  for (const table of ["users", "patients", "appointments", "reviews", "connection_log", "secretary_doctors", "visit_reasons", "opening_hours"]) {
    await db.execute(sql.raw(`VACUUM (ANALYZE) ${table}`));
  }
  log(`Jeu de données volumineux prêt en ${Math.round((Date.now() - started) / 1000)} s.`);
  return { reused: false };
}
