import { randomUUID } from "node:crypto";
import { like, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password-hash";
import { TIME_ZONE } from "@/lib/format/datetime";
import { formatCount } from "@/lib/format/number";
import { matriculeFor } from "@/lib/patients/matricule";
import type { Database } from "../client";
import { secretaryDoctors, users } from "../schema";
import { bulkInsert, type BulkColumn } from "./bulk-insert";
import { addDays, isWorkingDay } from "./calendar";
import { DEMO_PASSWORD } from "./demo-accounts";
import { FIRST_NAMES, LAST_NAMES } from "./luxembourg-names";
import { seededRandom, type Random } from "./random";

// The benchmark's data set (npm run db:seed -- --large): a national-scale platform in one database.
// Activity is uneven, as in life: doctor n weighs 1/(n+10)^0.8, so the busiest practice holds about
// 1.3 % of everything (≈ 26,000 appointments, 13,000 connections) and the quietest a few hundred.
// All of it is written in one transaction: the set is either complete or absent, and a complete
// set is reused. Every account signs in with the demo password.

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

const SPECIALTIES = ["Médecine générale", "Médecine générale", "Médecine générale", "Pédiatrie", "Cardiologie", "Dermatologie", "Gynécologie", "Ophtalmologie"];
const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
];
const COMMENTS = ["Très à l'écoute.", "Bon médecin, je recommande.", "Attente un peu longue.", "Explications claires.", null, null];

/** Splits `total` in proportion to `weights`, in whole numbers that add up exactly (largest remainder). */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

type Log = (line: string) => void;

/** Collects rows column by column and writes them every BATCH rows, printing progress. */
class ColumnBuffer {
  private values: (string | number | null)[][];
  private written = 0;
  private nextReport = 0;
  private readonly started = Date.now();
  constructor(
    private readonly tx: Pick<Database, "execute">,
    private readonly table: string,
    private readonly label: string,
    private readonly total: number,
    private readonly columns: BulkColumn[],
    private readonly log: Log,
    private readonly computed: Record<string, string> = {},
  ) {
    this.values = columns.map(() => []);
  }
  async push(...row: (string | number | null)[]) {
    row.forEach((v, i) => this.values[i]!.push(v));
    if (this.values[0]!.length >= BATCH) await this.flush();
  }
  async flush() {
    const count = this.values[0]!.length;
    if (!count) return;
    await bulkInsert(this.tx, this.table, this.columns, this.values, this.computed);
    this.written += count;
    this.values = this.columns.map(() => []);
    // About ten lines per table, whatever its size.
    if (this.written < this.nextReport && this.written < this.total) return;
    this.nextReport = this.written + this.total / 10;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(0);
    this.log(`  ${this.label} : ${formatCount(this.written)} / ${formatCount(this.total)} (${seconds} s)`);
  }
}

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
  const doctorIds: string[] = [];
  for (let i = 0; i < doctorRows.length; i += 500) {
    const inserted = await tx.insert(users).values(doctorRows.slice(i, i + 500)).returning({ id: users.id, email: users.email });
    // RETURNING order is not promised: put the ids back in doctor-number order.
    const byEmail = new Map(inserted.map((r) => [r.email, r.id]));
    doctorIds.push(...doctorRows.slice(i, i + 500).map((r) => byEmail.get(r.email)!));
  }
  const secretaryIds: string[] = [];
  for (let i = 0; i < secretaryRows.length; i += 500) {
    const inserted = await tx.insert(users).values(secretaryRows.slice(i, i + 500)).returning({ id: users.id, email: users.email });
    const byEmail = new Map(inserted.map((r) => [r.email, r.id]));
    secretaryIds.push(...secretaryRows.slice(i, i + 500).map((r) => byEmail.get(r.email)!));
  }
  // Each secretary works for a few neighbouring doctors; every doctor has one secretary.
  const secretaryOf = doctorIds.map((_, d) => secretaryIds[Math.floor((d * size.secretaries) / size.doctors)]!);
  const links = doctorIds.map((doctorId, d) => ({ secretaryId: secretaryOf[d]!, doctorId }));
  for (let i = 0; i < links.length; i += 1000) await tx.insert(secretaryDoctors).values(links.slice(i, i + 1000));
  return { doctorIds, secretaryOf };
}

async function insertPatients(tx: Database, doctorIds: string[], counts: number[], rng: Random, log: Log) {
  const total = counts.reduce((a, b) => a + b, 0);
  const buffer = new ColumnBuffer(
    tx,
    "patients",
    "patients",
    total,
    [
      { name: "id", type: "uuid" },
      { name: "doctor_id", type: "uuid" },
      { name: "first_name", type: "text" },
      { name: "last_name", type: "text" },
      { name: "birth_date", type: "date" },
      { name: "matricule", type: "text" },
      { name: "created_at", type: "timestamptz" },
    ],
    log,
  );
  const patientIds: string[][] = [];
  for (const [d, doctorId] of doctorIds.entries()) {
    const ids: string[] = [];
    for (let k = 0; k < counts[d]!; k++) {
      // k → k·7919 mod 29,000 is one-to-one below 29,000: no two patients of a doctor share a birth
      // date, so their matricules never collide.
      const birthDate = addDays("1940-01-01", (k * 7919) % 29_000);
      const id = randomUUID();
      ids.push(id);
      await buffer.push(
        id,
        doctorId,
        rng.pick(FIRST_NAMES),
        rng.pick(LAST_NAMES),
        birthDate,
        matriculeFor(birthDate, k % 1000),
        isoInstant(Date.now() - rng.int(0, 5 * 365) * 86_400_000),
      );
    }
    patientIds.push(ids);
  }
  await buffer.flush();
  return patientIds;
}

async function insertAppointments(tx: Database, doctorIds: string[], patientIds: string[][], counts: number[], today: string, rng: Random, log: Log) {
  const days: string[] = [];
  for (let offset = -DAYS_BACK; offset <= DAYS_AHEAD; offset++) {
    const date = addDays(today, offset);
    if (isWorkingDay(date)) days.push(date);
  }
  const buffer = new ColumnBuffer(
    tx,
    "appointments",
    "rendez-vous",
    counts.reduce((a, b) => a + b, 0),
    [
      { name: "doctor_id", type: "uuid" },
      { name: "patient_id", type: "uuid" },
      // Local wall-clock time, turned into an instant by PostgreSQL's Luxembourg rules.
      { name: "starts_at", type: "timestamp", as: `v.starts_at AT TIME ZONE ${TZ}` },
      { name: "duration_minutes", type: "int" },
      { name: "status", type: "text", as: "v.status::appointment_status" },
      { name: "booked_via", type: "text", as: "v.booked_via::appointment_channel" },
    ],
    log,
    { created_at: `least(now(), (v.starts_at AT TIME ZONE ${TZ}) - interval '3 days')` },
  );
  for (const [d, doctorId] of doctorIds.entries()) {
    const patients = patientIds[d]!;
    for (let i = 0; i < counts[d]!; i++) {
      const date = rng.pick(days);
      const minutes = 480 + 15 * rng.int(0, 39);
      const r = rng.next();
      const status = date < today ? (r < 0.08 ? "cancelled" : r < 0.15 ? "no_show" : "done") : r < 0.06 ? "cancelled" : "booked";
      await buffer.push(
        doctorId,
        rng.pick(patients),
        `${date} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
        rng.pick([15, 15, 20, 30]),
        status,
        rng.chance(0.45) ? "online" : "practice",
      );
    }
  }
  await buffer.flush();
}

async function insertReviews(tx: Database, doctorIds: string[], counts: number[], rng: Random, log: Log) {
  const buffer = new ColumnBuffer(
    tx,
    "reviews",
    "avis",
    counts.reduce((a, b) => a + b, 0),
    [
      { name: "doctor_id", type: "uuid" },
      { name: "rating", type: "int" },
      { name: "comment", type: "text" },
      { name: "status", type: "text", as: "v.status::review_status" },
      { name: "created_at", type: "timestamptz" },
    ],
    log,
  );
  for (const [d, doctorId] of doctorIds.entries()) {
    for (let i = 0; i < counts[d]!; i++) {
      const r = rng.next();
      await buffer.push(
        doctorId,
        r < 0.55 ? 5 : r < 0.83 ? 4 : r < 0.93 ? 3 : r < 0.97 ? 2 : 1,
        rng.pick(COMMENTS),
        rng.chance(0.05) ? "hidden" : "published",
        isoInstant(Date.now() - rng.int(1, 2 * 365 * 24 * 60) * 60_000),
      );
    }
  }
  await buffer.flush();
}

async function insertConnections(tx: Database, doctorIds: string[], secretaryOf: string[], counts: number[], rng: Random, log: Log) {
  const buffer = new ColumnBuffer(
    tx,
    "connection_log",
    "historique de connexion",
    counts.reduce((a, b) => a + b, 0),
    [
      { name: "at", type: "timestamptz" },
      { name: "account_id", type: "uuid" },
      { name: "actor_id", type: "uuid" },
      { name: "mode", type: "text", as: "v.mode::connection_mode" },
      { name: "ip", type: "text" },
      { name: "user_agent", type: "text" },
    ],
    log,
  );
  for (const [d, doctorId] of doctorIds.entries()) {
    for (let i = 0; i < counts[d]!; i++) {
      const viaSecretary = rng.chance(0.25);
      await buffer.push(
        isoInstant(Date.now() - rng.int(60, 2 * 365 * 24 * 3600) * 1000),
        doctorId,
        viaSecretary ? secretaryOf[d]! : doctorId,
        viaSecretary ? "secretary" : "direct",
        `${rng.pick(["198.51.100", "203.0.113", "192.0.2"])}.${rng.int(1, 254)}`,
        rng.pick(USER_AGENTS),
      );
    }
  }
  await buffer.flush();
}

/** Fills the database for the benchmark, or finds it already filled. */
export async function seedLarge(db: Database, { log, size = LARGE_SEED_SIZE }: { log: Log; size?: LargeSeedSize }): Promise<{ reused: boolean }> {
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(like(users.email, `%@${BENCH_EMAIL_DOMAIN}`));
  if ((existing?.n ?? 0) > 0) {
    log(`Jeu de données volumineux déjà présent (${formatCount(existing!.n)} comptes @${BENCH_EMAIL_DOMAIN}) : réutilisé.`);
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
    const patientIds = await insertPatients(tx, doctorIds, allocate(size.patients, weights), rng, log);
    await insertAppointments(tx, doctorIds, patientIds, allocate(size.appointments, weights), today, rng, log);
    await insertReviews(tx, doctorIds, allocate(size.reviews, weights), rng, log);
    await insertConnections(tx, doctorIds, secretaryOf, allocate(size.connections, weights), rng, log);
    log("  validation de la transaction…");
  });
  // Fresh statistics for the planner, and a visibility map so counts can be index-only scans.
  log("  VACUUM ANALYZE…");
  for (const table of ["users", "patients", "appointments", "reviews", "connection_log", "secretary_doctors"]) {
    await db.execute(sql.raw(`VACUUM (ANALYZE) ${table}`));
  }
  log(`Jeu de données volumineux prêt en ${Math.round((Date.now() - started) / 1000)} s.`);
  return { reused: false };
}
