import "server-only";
import { and, desc, eq, or, sql } from "drizzle-orm";
import { doctorProfiles, onlineBookingSettings, reviews, users } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { containsFolded } from "@/lib/search/folded-match";
import { addDays, instantToWallClock, mondayOf, parseDay, todayIn } from "@/lib/time/luxembourg";
import { displayName } from "@/lib/users/display-name";
import { loadFreeWeek } from "./availability";
import type { FreeDay } from "./free-times";
import { listOnlineMotifs, type PublicDoctor, type PublicMotif } from "./public-doctor";

// What /rdv and /rdv/<slug> show (issue 18): doctors who take online bookings, and one doctor's
// free times a week at a time. Only free times leave this module: never an appointment, a patient,
// or why a time is not offered.

type Deps = { db?: Database };

export type DoctorHit = { slug: string; name: string; specialty: string | null; locality: string | null };

export const MAX_QUERY_LENGTH = 80;
const MAX_HITS = 30;

/**
 * Doctors with online booking on, active, whose name, specialty or locality contains each word
 * typed (accents and case ignored); all of them, by name, when nothing is typed.
 */
export async function searchBookableDoctors(query: string, deps: Deps = {}): Promise<DoctorHit[]> {
  const words = query.trim().slice(0, MAX_QUERY_LENGTH).split(/\s+/).filter(Boolean).slice(0, 5);
  const wordFilters = words.map((word) =>
    or(
      containsFolded(sql`${users.firstName} || ' ' || ${users.lastName}`, word),
      containsFolded(sql`coalesce(${users.specialty}, '')`, word),
      containsFolded(sql`coalesce(${doctorProfiles.locality}, '')`, word),
      containsFolded(onlineBookingSettings.slug, word),
    ),
  );
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

export type PublicReviews = { reviews: PublicReview[]; count: number; average: number | null };

/**
 * How long an instance keeps a doctor's public reviews: the same for every visitor, so a new
 * review, an answer or one hidden by support shows within 15 s (like the weeks, without a revision).
 */
const REVIEWS_CACHE_MS = 15_000;
const REVIEWS_CACHE_ENTRIES = 2_000;
/** Per database (the app has one; each unit test its own). */
const reviewsCaches = new WeakMap<Database, Map<string, { at: number; value: Promise<PublicReviews> }>>();

/** The doctor's published reviews, newest first, with the doctor's answer; never the author. */
export async function listPublicReviews(doctorId: string, deps: Deps & { now?: number } = {}): Promise<PublicReviews> {
  const now = deps.now ?? Date.now();
  const db = deps.db ?? getDb();
  let cache = reviewsCaches.get(db);
  if (!cache) reviewsCaches.set(db, (cache = new Map()));
  const cached = cache.get(doctorId);
  if (cached && now - cached.at < REVIEWS_CACHE_MS) return cached.value;
  if (cache.size >= REVIEWS_CACHE_ENTRIES) cache.clear();
  // The promise is kept, so visitors arriving together share one read; a failed read is not kept.
  const value = readPublicReviews(doctorId, db);
  cache.set(doctorId, { at: now, value });
  value.catch(() => cache.delete(doctorId));
  return value;
}

async function readPublicReviews(doctorId: string, db: Database): Promise<PublicReviews> {
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
  // The same page for every visitor until the agenda changes: kept briefly per instance, keyed by
  // the agenda's revision (bumped in the transaction of every change to appointments, hours,
  // absences, holidays, motifs and these settings) and the settings that shape free times. Only
  // the notice moves with the clock: starts now too close are filtered out on the way out.
  const key = [
    doctor.id,
    doctor.revision,
    doctor.enabled,
    doctor.settings.customWindows,
    doctor.minNoticeMinutes,
    doctor.horizonWeeks,
    asked.motif,
    asked.week,
    todayIn(now),
  ].join("|");
  const earliest = now.getTime() + doctor.minNoticeMinutes * 60_000;
  const cached = deps.db ? undefined : weekCache.get(key);
  if (cached && now.getTime() - cached.at < WEEK_CACHE_MS && (cached.value.next === null || cached.value.next.getTime() >= earliest)) {
    const value = cached.value;
    return { ...value, days: value.days.map((d) => ({ day: d.day, starts: d.starts.filter((t) => t.getTime() >= earliest) })) };
  }
  const value = await computePublicWeek(doctor, asked, now, deps);
  if (!deps.db) {
    if (weekCache.size >= WEEK_CACHE_ENTRIES) weekCache.clear();
    weekCache.set(key, { at: now.getTime(), value });
  }
  return value;
}

/** How long an instance keeps a computed week (a booking elsewhere bumps the revision anyway). */
const WEEK_CACHE_MS = 15_000;
const WEEK_CACHE_ENTRIES = 2_000;
const weekCache = new Map<string, { at: number; value: PublicWeek }>();

async function computePublicWeek(
  doctor: PublicDoctor,
  asked: { motif: string | null; week: string | null },
  now: Date,
  deps: Deps,
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
  const known = { settings: doctor.settings, motif: { ...motif, active: true, bookableOnline: true } };
  const found = await loadFreeWeek({ doctorId: doctor.id, visitReasonId: motif.id, fromDay: week, toDay: addDays(week, 6), now }, { ...deps, known });
  const days = found?.days ?? [];
  const next = found?.next ?? null;
  return {
    motifs,
    motif,
    week,
    days: days.length ? days : emptyWeek,
    previousWeek: week > thisWeek ? addDays(week, -7) : null,
    nextWeek: week < lastWeek ? addDays(week, 7) : null,
    next,
  };
}

/** The Monday of the week an instant falls in (Luxembourg). */
export function weekOf(at: Date): string {
  return mondayOf(instantToWallClock(at).day);
}
