import { eq, inArray, sql } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import { randomUUID } from "node:crypto";
import { matriculeFor } from "@/lib/patients/matricule";
import { TIME_ZONE } from "@/lib/format/datetime";
import { boundaryInstant, isoWeekday } from "@/lib/time/luxembourg";
import type { Database } from "@/db/client";
import { absences, appointments, connectionLog, openingHours, patients, reviews, users, visitReasons } from "@/db/schema";
import { HOURS, MOTIFS, planDay, WITH_SATURDAY_MORNING, type PracticeKind, type SeedHours, type SeedMotif } from "./agenda-templates";
import { insertInBatches } from "./bulk-insert";
import { addDays, isPublicHoliday, isWorkingDay, luxembourgInstant } from "./calendar";
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from "./luxembourg-names";
import { seededRandom, type Random } from "./random";

// A believable practice for each demo doctor: reasons for visit and opening hours, patients with
// Luxembourg names and valid matricules, a year of appointments around today laid on those hours
// with the motifs' durations (never overlapping: the database refuses it; public holidays and
// absences closed), reviews, and some months of sign-ins, direct and (for the doctors the demo
// secretary works for) through her. A new doctor's empty dashboard is shown by the browser tests'
// own fixture account.

export type DemoPractice = {
  doctorEmail: string;
  /** Seed of the generator: the same practice on every machine, only the dates follow today. */
  seed: number;
  patients: number;
  ages: [min: number, max: number];
  /** Appointments on a full working day. */
  appointmentsPerDay: [min: number, max: number];
  kind: PracticeKind;
  hours: SeedHours;
  reviews: number;
  secretaryEmail: string | null;
  /** The user agents the doctor signs in with: the practice's computer, then the phone. */
  devices: [desk: string, phone: string];
};

const SECRETARY_DESK = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

export const DEMO_PRACTICES: DemoPractice[] = [
  {
    doctorEmail: "dr.schmit@demo.doctipro.lu",
    seed: 11,
    patients: 320,
    ages: [2, 94],
    appointmentsPerDay: [14, 22],
    kind: "gp",
    hours: WITH_SATURDAY_MORNING(HOURS.gp),
    reviews: 42,
    secretaryEmail: "secretariat@demo.doctipro.lu",
    devices: [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    ],
  },
  {
    doctorEmail: "dr.weber@demo.doctipro.lu",
    seed: 23,
    patients: 260,
    ages: [0, 17],
    appointmentsPerDay: [12, 18],
    kind: "paediatrics",
    hours: HOURS.paediatrics,
    reviews: 31,
    secretaryEmail: "secretariat@demo.doctipro.lu",
    devices: [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    ],
  },
  {
    // A dental practice: longer appointments, fewer a day, no secretary on Doctipro.
    doctorEmail: "dr.hoffmann@demo.doctipro.lu",
    seed: 37,
    patients: 240,
    ages: [4, 88],
    appointmentsPerDay: [6, 10],
    kind: "dentist",
    hours: HOURS.dentist,
    reviews: 26,
    secretaryEmail: null,
    devices: [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    ],
  },
];

const DAYS_BACK = 300;
const DAYS_AHEAD = 65;
/** How far back the demo's connection history goes (seed-demo.ts attaches the secretary before it). */
export const HISTORY_DAYS = 120;
const BATCH = 500;

const REVIEW_COMMENTS: Record<number, (string | null)[]> = {
  5: [
    "Médecin à l'écoute, explications claires. Je recommande.",
    "Très professionnel et rassurant, le rendez-vous en ligne est pratique.",
    "Ponctuel, attentif et bienveillant.",
    "Merci pour votre disponibilité pendant les vacances scolaires.",
    null,
  ],
  4: ["Bon suivi, un peu d'attente en salle.", "Consultation sérieuse, secrétariat aimable.", null],
  3: ["Correct, mais difficile d'obtenir un rendez-vous rapidement.", "Compétent, consultation un peu expéditive."],
  2: ["Attente de plus d'une heure malgré le rendez-vous."],
  1: ["Rendez-vous annulé la veille sans proposition de remplacement."],
};

const PHONE_PREFIXES = ["621", "628", "661", "671", "691"];

function asciiLower(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

function pickRating(rng: Random): number {
  const r = rng.next();
  return r < 0.56 ? 5 : r < 0.84 ? 4 : r < 0.93 ? 3 : r < 0.97 ? 2 : 1;
}

type GeneratedPatient = typeof patients.$inferInsert & { createdAt: Date };

function generatePatients(practice: DemoPractice, doctorId: string, today: string, rng: Random): GeneratedPatient[] {
  const year = Number(today.slice(0, 4));
  const used = new Set<string>();
  const list: GeneratedPatient[] = [];
  for (let i = 0; i < practice.patients; i++) {
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const age = rng.int(practice.ages[0], practice.ages[1]);
    const birthDate = addDays(`${year - age - 1}-01-01`, rng.int(0, 364));
    let matricule = matriculeFor(birthDate, rng.int(0, 999));
    while (used.has(matricule)) matricule = matriculeFor(birthDate, rng.int(0, 999));
    used.add(matricule);
    // Most files are years old; a few patients joined in the last weeks.
    const daysAgo = rng.chance(0.06) ? rng.int(0, 40) : rng.int(41, 1500);
    const createdAt = new Date(Date.now() - daysAgo * 86_400_000 - rng.int(0, 86_399_999));
    list.push({
      doctorId,
      firstName,
      lastName,
      birthDate,
      matricule,
      email: rng.chance(0.7) ? `${asciiLower(firstName)}.${asciiLower(lastName)}@${rng.pick(EMAIL_DOMAINS)}` : null,
      // E.164, as lib/patients/phone.ts stores typed numbers.
      phone: rng.chance(0.85) ? `+352${rng.pick(PHONE_PREFIXES)}${rng.int(100, 999)}${rng.int(100, 999)}` : null,
      createdAt,
      createdById: doctorId,
      updatedAt: createdAt,
      updatedById: doctorId,
    });
  }
  return list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** The whole days the practice is closed besides public holidays: a week off, a training day. */
function absenceDays(today: string): { label: string; from: string; to: string }[] {
  return [
    { label: "Congés", from: addDays(today, -75), to: addDays(today, -69) },
    { label: "Formation continue", from: addDays(today, 18), to: addDays(today, 18) },
  ];
}

type People = { id: string; createdAt: Date }[];

function generateAppointments(
  practice: DemoPractice,
  ids: { doctorId: string; secretaryId: string | null; motifIds: string[] },
  people: People,
  today: string,
  nowMinutes: number,
  rng: Random,
) {
  const closed = new Set(
    absenceDays(today).flatMap(({ from, to }) => {
      const days: string[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
      return days;
    }),
  );
  const motifs: SeedMotif[] = MOTIFS[practice.kind];
  const rows: PgInsertValue<typeof appointments>[] = [];
  for (let offset = -DAYS_BACK; offset <= DAYS_AHEAD; offset++) {
    const date = addDays(today, offset);
    const intervals = practice.hours.filter((i) => i.weekday === isoWeekday(date));
    if (!intervals.length || isPublicHoliday(date) || closed.has(date)) continue;
    // A Saturday morning is a third of a weekday.
    const share = intervals.reduce((sum, i) => sum + i.endMinute - i.startMinute, 0) / 510;
    const full = Math.round(rng.int(practice.appointmentsPerDay[0], practice.appointmentsPerDay[1]) * Math.min(1, share));
    // The further ahead, the emptier the diary.
    const count = offset <= 0 ? full : Math.round(full * Math.max(0.1, 1 - offset / 45));
    // Patients who already had a file on that day (approximate instant: the day's morning).
    const dayInstant = new Date(`${date}T06:00:00Z`).getTime();
    let known = 0;
    while (known < people.length && people[known]!.createdAt.getTime() <= dayInstant) known++;
    if (known === 0) continue;
    const planned = planDay(intervals, count, motifs, rng);
    for (const { startMinute, motif, durationMinutes } of planned) {
      const past = offset < 0 || (offset === 0 && startMinute < nowMinutes);
      const r = rng.next();
      const status = past ? (r < 0.06 ? "cancelled" : r < 0.1 ? "no_show" : "done") : r < 0.05 ? "cancelled" : "booked";
      const startsAt = boundaryInstant(date, startMinute);
      const online = rng.chance(0.45);
      const author = online ? null : ids.secretaryId && rng.chance(0.7) ? ids.secretaryId : ids.doctorId;
      rows.push({
        doctorId: ids.doctorId,
        patientId: people[rng.int(0, (offset > 0 ? people.length : known) - 1)]!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
        visitReasonId: ids.motifIds[motif]!,
        status,
        cancelledBy: status === "cancelled" ? (rng.chance(0.7) ? "patient" : "practice") : null,
        bookedVia: online ? "online" : "practice",
        createdById: author,
        updatedById: author,
        createdAt: sql`least(now(), ${startsAt.toISOString()}::timestamptz - ${rng.int(0, 21)} * interval '1 day')`,
        updatedAt: sql`least(now(), ${startsAt.toISOString()}::timestamptz)`,
      });
    }
    // Now and then an urgent case squeezed in over another appointment, « en surnombre ».
    if (planned.length > 2 && rng.chance(0.04)) {
      const over = planned[rng.int(0, planned.length - 1)]!;
      const startsAt = boundaryInstant(date, over.startMinute);
      rows.push({
        doctorId: ids.doctorId,
        patientId: people[rng.int(0, known - 1)]!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 10 * 60_000),
        visitReasonId: ids.motifIds[0]!,
        note: "Urgence",
        overbooked: true,
        status: offset < 0 ? "done" : "booked",
        bookedVia: "practice",
        createdById: ids.secretaryId ?? ids.doctorId,
        updatedById: ids.secretaryId ?? ids.doctorId,
        createdAt: sql`least(now(), ${startsAt.toISOString()}::timestamptz)`,
      });
    }
  }
  return rows;
}

/**
 * Each review is about one of the practice's finished visits (its patient, its appointment), written
 * within two days of it: /avis shows when the visit was. A handful in the last month.
 */
function generateReviews(practice: DemoPractice, doctorId: string, visits: PgInsertValue<typeof appointments>[], rng: Random) {
  const now = Date.now();
  const done = visits.filter((v) => v.status === "done" && (v.endsAt as Date).getTime() < now - 3_600_000);
  const monthAgo = now - 28 * 86_400_000;
  const recent = done.filter((v) => (v.startsAt as Date).getTime() >= monthAgo);
  const older = done.filter((v) => (v.startsAt as Date).getTime() < monthAgo);
  const draw = (from: PgInsertValue<typeof appointments>[]) => from.splice(rng.int(0, from.length - 1), 1)[0];
  return Array.from({ length: practice.reviews }, (_, i) => {
    const visit = (i < 4 && recent.length ? draw(recent) : draw(older.length ? older : recent))!;
    visit.id ??= randomUUID();
    const rating = pickRating(rng);
    const hidden = rng.chance(0.08);
    const writtenAt = Math.min(now - 60_000, (visit.endsAt as Date).getTime() + rng.int(1, 48 * 60) * 60_000);
    return {
      doctorId,
      patientId: visit.patientId,
      appointmentId: visit.id,
      rating,
      comment: rng.pick(REVIEW_COMMENTS[rating]!),
      status: hidden ? ("hidden" as const) : ("published" as const),
      hiddenReason: hidden ? "Propos sans rapport avec la consultation" : null,
      createdAt: new Date(writtenAt),
    };
  });
}

function generateSignIns(practice: DemoPractice, doctorId: string, secretaryId: string | null, today: string, rng: Random) {
  const practiceIp = `198.51.100.${rng.int(10, 60)}`;
  const homeIp = `203.0.113.${rng.int(10, 200)}`;
  const rows: PgInsertValue<typeof connectionLog>[] = [];
  for (let offset = -HISTORY_DAYS; offset < 0; offset++) {
    const date = addDays(today, offset);
    if (!isWorkingDay(date)) continue;
    const entry = (actorId: string, mode: "direct" | "secretary", minutes: number, ip: string, userAgent: string) =>
      rows.push({ accountId: doctorId, actorId, mode, ip, userAgent, at: luxembourgInstant(date, minutes) });
    if (secretaryId && rng.chance(0.6)) entry(secretaryId, "secretary", rng.int(475, 500), practiceIp, SECRETARY_DESK);
    if (rng.chance(0.85)) entry(doctorId, "direct", rng.int(460, 520), practiceIp, practice.devices[0]);
    if (rng.chance(0.2)) entry(doctorId, "direct", rng.int(1200, 1320), homeIp, practice.devices[1]);
  }
  return rows;
}

/**
 * Gives each demo doctor their practice, once: a doctor who already has patients is left alone, so
 * running it again (every start of the demo server) changes nothing. Returns the doctors seeded.
 */
export async function seedDemoPractices(db: Database): Promise<{ seeded: string[] }> {
  const seeded: string[] = [];
  for (const practice of DEMO_PRACTICES) {
    const done = await db.transaction(async (tx) => {
      // Two servers starting together on one PostgreSQL database must not both seed a practice.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('doctipro.demo-practice'))`);
      const accounts = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, [practice.doctorEmail, practice.secretaryEmail ?? practice.doctorEmail]));
      const doctorId = accounts.find((a) => a.email === practice.doctorEmail)?.id;
      if (!doctorId) return false;
      const secretaryId = accounts.find((a) => a.email === practice.secretaryEmail)?.id ?? null;
      const [existing] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.doctorId, doctorId)).limit(1);
      if (existing) return false;

      const result = await tx.execute(sql`
        SELECT to_char(now() AT TIME ZONE ${sql.raw(`'${TIME_ZONE}'`)}, 'YYYY-MM-DD') AS today,
               (extract(hour FROM now() AT TIME ZONE ${sql.raw(`'${TIME_ZONE}'`)}) * 60
                + extract(minute FROM now() AT TIME ZONE ${sql.raw(`'${TIME_ZONE}'`)}))::int AS minutes
      `);
      const [clock] = (result as unknown as { rows: { today: string; minutes: number }[] }).rows;
      const rng = seededRandom(practice.seed);

      const motifIds = MOTIFS[practice.kind].map(() => randomUUID());
      await tx.insert(visitReasons).values(
        MOTIFS[practice.kind].map((m, position) => ({
          id: motifIds[position]!,
          doctorId,
          label: m.label,
          durationMinutes: m.durationMinutes,
          colour: m.colour,
          position,
        })),
      );
      await tx.insert(openingHours).values(practice.hours.map((i) => ({ doctorId, ...i })));
      await tx.insert(absences).values(
        absenceDays(clock!.today).map(({ label, from, to }) => ({
          doctorId,
          label,
          startsAt: boundaryInstant(from, 0),
          endsAt: boundaryInstant(addDays(to, 1), 0),
          createdById: secretaryId ?? doctorId,
        })),
      );

      const people = generatePatients(practice, doctorId, clock!.today, rng);
      const ids: People = [];
      await insertInBatches(people, BATCH, async (batch) => {
        ids.push(...(await tx.insert(patients).values(batch).returning({ id: patients.id, createdAt: patients.createdAt })));
      });
      ids.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const visits = generateAppointments(practice, { doctorId, secretaryId, motifIds }, ids, clock!.today, clock!.minutes, rng);
      const reviewed = generateReviews(practice, doctorId, visits, rng);
      await insertInBatches(visits, BATCH, (batch) => tx.insert(appointments).values(batch));
      await insertInBatches(reviewed, BATCH, (batch) => tx.insert(reviews).values(batch));
      await insertInBatches(generateSignIns(practice, doctorId, secretaryId, clock!.today, rng), BATCH, (batch) =>
        tx.insert(connectionLog).values(batch),
      );
      return true;
    });
    if (done) seeded.push(practice.doctorEmail);
  }
  return { seeded };
}

/** How many patients each demo doctor's practice has once seeded (the browser tests check them). */
export function demoPatientCount(doctorEmail: string): number | undefined {
  return DEMO_PRACTICES.find((p) => p.doctorEmail === doctorEmail)?.patients;
}
