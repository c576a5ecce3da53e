import "server-only";
import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import { doctorProfiles, onlineBookingSettings, reviews, users } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { addDays, dayBounds, instantToWallClock, mondayOf, parseDay, todayIn } from "@/lib/time/luxembourg";
import { displayName } from "@/lib/users/display-name";
import { loadFreeTimes, nextFreeTimes } from "./availability";
import type { FreeDay } from "./free-times";
import { listOnlineMotifs, type PublicDoctor, type PublicMotif } from "./public-doctor";

// What /rdv and /rdv/<slug> show (issue 18): doctors who take online bookings, and one doctor's
// free times a week at a time. Only free times leave this module: never an appointment, a patient,
// or why a time is not offered.

type Deps = { db?: Database };

export type DoctorHit = { slug: string; name: string; specialty: string | null; locality: string | null };

export const MAX_QUERY_LENGTH = 80;
const MAX_HITS = 30;

/** Escapes LIKE's wildcards in what a visitor typed. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Doctors with online booking on, active, whose name, specialty or locality contains each word
 * typed (accents and case ignored); all of them, by name, when nothing is typed.
 */
export async function searchBookableDoctors(query: string, deps: Deps = {}): Promise<DoctorHit[]> {
  const words = query.trim().slice(0, MAX_QUERY_LENGTH).split(/\s+/).filter(Boolean).slice(0, 5);
  const unaccent = (column: unknown) => sql`translate(lower(${column}), 'àâäáãçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaceeeeiiiinooooouuuuyy')`;
  const plain = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const wordFilters = words.map((word) => {
    const pattern = likeText(plain(word));
    return or(
      sql`${unaccent(sql`${users.firstName} || ' ' || ${users.lastName}`)} LIKE ${pattern}`,
      sql`${unaccent(sql`coalesce(${users.specialty}, '')`)} LIKE ${pattern}`,
      sql`${unaccent(sql`coalesce(${doctorProfiles.locality}, '')`)} LIKE ${pattern}`,
      ilike(onlineBookingSettings.slug, pattern),
    );
  });
  const rows = await (deps.db ?? getDb())
    .select({
      slug: onlineBookingSettings.slug,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
      specialty: users.specialty,
      locality: doctorProfiles.locality,
    })
    .from(onlineBookingSettings)
    .innerJoin(users, eq(users.id, onlineBookingSettings.doctorId))
    .leftJoin(doctorProfiles, eq(doctorProfiles.doctorId, users.id))
    .where(and(eq(onlineBookingSettings.enabled, true), eq(users.role, "doctor"), eq(users.status, "active"), ...wordFilters))
    .orderBy(users.lastName, users.firstName)
    .limit(MAX_HITS);
  return rows.map((r) => ({ slug: r.slug, name: displayName(r), specialty: r.specialty, locality: r.locality }));
}

export type PublicReview = { rating: number; comment: string | null; createdAt: Date; answer: string | null };

/** The doctor's published reviews, newest first, with the doctor's answer; never the author. */
export async function listPublicReviews(
  doctorId: string,
  deps: Deps = {},
): Promise<{ reviews: PublicReview[]; count: number; average: number | null }> {
  const db = deps.db ?? getDb();
  const published = and(eq(reviews.doctorId, doctorId), eq(reviews.status, "published"));
  const [list, [summary]] = await Promise.all([
    db
      .select({ rating: reviews.rating, comment: reviews.comment, createdAt: reviews.createdAt, answer: reviews.answer })
      .from(reviews)
      .where(published)
      .orderBy(desc(reviews.createdAt))
      .limit(20),
    db
      .select({ count: sql<number>`count(*)::int`, average: sql<string | null>`avg(${reviews.rating})` })
      .from(reviews)
      .where(published),
  ]);
  return { reviews: list, count: summary?.count ?? 0, average: summary?.average == null ? null : Number(summary.average) };
}

export type PublicWeek = {
  motifs: PublicMotif[];
  motif: PublicMotif | null;
  /** The Monday shown. */
  week: string;
  days: FreeDay[];
  /** Monday of the week before / after, when it has anything bookable (null otherwise). */
  previousWeek: string | null;
  nextWeek: string | null;
  /** The first free time from now on (any week), for « Prochain créneau disponible ». */
  next: Date | null;
};

/**
 * The week of free times a visitor asked for (`week`: any day of it; this week by default), for the
 * motif asked (the first bookable one by default). Weeks before this one and after the horizon are
 * brought back within bounds.
 */
export async function loadPublicWeek(
  doctor: PublicDoctor,
  asked: { motif: string | null; week: string | null },
  now: Date = new Date(),
  deps: Deps = {},
): Promise<PublicWeek> {
  const motifs = await listOnlineMotifs(doctor.id, deps);
  const motif = motifs.find((m) => m.id === asked.motif) ?? motifs[0] ?? null;
  const thisWeek = mondayOf(todayIn(now));
  // The horizon ends at local midnight after `horizonWeeks` weeks from today: its last day's week.
  const lastWeek = mondayOf(addDays(todayIn(now), doctor.horizonWeeks * 7 - 1));
  const parsed = asked.week ? parseDay(asked.week) : null;
  let week = parsed ? mondayOf(parsed) : thisWeek;
  if (week < thisWeek) week = thisWeek;
  if (week > lastWeek) week = lastWeek;
  const emptyWeek = Array.from({ length: 7 }, (_, i) => ({ day: addDays(week, i), starts: [] as Date[] }));
  if (!doctor.enabled || !motif) return { motifs, motif, week, days: emptyWeek, previousWeek: null, nextWeek: null, next: null };
  const from = dayBounds(week).start;
  const to = dayBounds(addDays(week, 6)).end;
  const [days, next] = await Promise.all([
    loadFreeTimes({ doctorId: doctor.id, visitReasonId: motif.id, from, to, now }, deps),
    nextFreeTimes({ doctorId: doctor.id, visitReasonId: motif.id, after: now, count: 1, now }, deps),
  ]);
  return {
    motifs,
    motif,
    week,
    days: days.length ? days : emptyWeek,
    previousWeek: week > thisWeek ? addDays(week, -7) : null,
    nextWeek: week < lastWeek ? addDays(week, 7) : null,
    next: next[0] ?? null,
  };
}

/** The Monday of the week an instant falls in (Luxembourg). */
export function weekOf(at: Date): string {
  return mondayOf(instantToWallClock(at).day);
}
