import "server-only";
import { cache } from "react";
import { and, asc, eq } from "drizzle-orm";
import { agendaRevisions, doctorProfiles, onlineBookingSettings, users, visitReasons } from "@/db/schema";
import { agendaRevisionsOf } from "@/lib/agenda/revisions";
import { getDb, type Database } from "@/lib/db";
import { displayName } from "@/lib/users/display-name";
import { settingsFromRow, type OnlineBookingSettings } from "./settings";

// What the public booking page of a doctor may show (issue 18): the profile's public facts and the
// motifs bookable online. Never a patient, an appointment or a reason for one.

type Deps = { db?: Database };

const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 80;

export type PublicMotif = { id: string; label: string; durationMinutes: number; openToNewPatients: boolean };

export type PublicDoctor = {
  id: string;
  slug: string;
  name: string;
  specialty: string | null;
  doctorKind: "medecin" | "medecin_dentiste" | null;
  street: string | null;
  postcode: string | null;
  locality: string | null;
  /** E.164 or as stored in the profile. */
  phone: string | null;
  /** Online booking on: the page lists free times; off: it gives the phone number. */
  enabled: boolean;
  showReviews: boolean;
  horizonWeeks: number;
  minNoticeMinutes: number;
  /** The agenda's revision (0 before any change): what the page's short cache is keyed by. */
  revision: number;
  /** The whole settings row, for the free times (read once per page). */
  settings: OnlineBookingSettings;
};

/** Whether `slug` could be one (lower-case words joined by hyphens, at most 80 characters). */
export function isSlug(slug: unknown): slug is string {
  return typeof slug === "string" && slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

/**
 * The active doctor whose page is /rdv/<slug>, whether booking is on or off; null for an unknown
 * slug or a blocked account (the page is then « introuvable »).
 */
export async function findDoctorBySlug(slug: string, deps: Deps = {}): Promise<PublicDoctor | null> {
  if (!isSlug(slug)) return null;
  const [row] = await (deps.db ?? getDb())
    .select({
      id: users.id,
      role: users.role,
      status: users.status,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
      specialty: users.specialty,
      doctorKind: users.doctorKind,
      street: doctorProfiles.street,
      postcode: doctorProfiles.postcode,
      locality: doctorProfiles.locality,
      phone: doctorProfiles.phone,
      slug: onlineBookingSettings.slug,
      enabled: onlineBookingSettings.enabled,
      showReviews: onlineBookingSettings.showReviews,
      horizonWeeks: onlineBookingSettings.horizonWeeks,
      minNoticeMinutes: onlineBookingSettings.minNoticeMinutes,
      customWindows: onlineBookingSettings.customWindows,
      cancellationDeadlineHours: onlineBookingSettings.cancellationDeadlineHours,
      reminderHours: onlineBookingSettings.reminderHours,
      revision: agendaRevisions.revision,
    })
    .from(onlineBookingSettings)
    .innerJoin(users, eq(users.id, onlineBookingSettings.doctorId))
    .leftJoin(doctorProfiles, eq(doctorProfiles.doctorId, users.id))
    .leftJoin(agendaRevisions, eq(agendaRevisions.doctorId, users.id))
    .where(eq(onlineBookingSettings.slug, slug))
    .limit(1);
  if (!row || row.role !== "doctor" || row.status !== "active") return null;
  return {
    id: row.id,
    slug: row.slug,
    name: displayName(row),
    specialty: row.specialty,
    doctorKind: row.doctorKind,
    street: row.street,
    postcode: row.postcode,
    locality: row.locality,
    phone: row.phone,
    enabled: row.enabled,
    showReviews: row.showReviews,
    horizonWeeks: row.horizonWeeks,
    minNoticeMinutes: row.minNoticeMinutes,
    revision: row.revision ?? 0,
    settings: settingsFromRow(row.id, row),
  };
}

/**
 * How long an instance keeps a doctor's public facts. Whatever shapes the free times or what the
 * page offers (these settings, motifs, hours, appointments) bumps the agenda's revision, read fresh
 * on every request, so those show at once; the profile's name, address and phone within this bound.
 */
const FACTS_CACHE_MS = 15_000;
const FACTS_CACHE_ENTRIES = 2_000;
/** Per database (the app has one; each unit test its own). */
const factsCaches = new WeakMap<Database, Map<string, { at: number; doctor: PublicDoctor }>>();

/**
 * findDoctorBySlug through the instance's short cache: one primary-key read of the agenda's revision
 * per request instead of the join, unless the revision moved or the entry is older than 15 s.
 */
export async function findPublicDoctor(slug: string, deps: Deps & { now?: number } = {}): Promise<PublicDoctor | null> {
  if (!isSlug(slug)) return null;
  const now = deps.now ?? Date.now();
  const db = deps.db ?? getDb();
  let cache = factsCaches.get(db);
  if (!cache) factsCaches.set(db, (cache = new Map()));
  const cached = cache.get(slug);
  if (cached && now - cached.at < FACTS_CACHE_MS) {
    const revision = (await agendaRevisionsOf(db, [cached.doctor.id])).get(cached.doctor.id) ?? 0;
    if (revision === cached.doctor.revision) return cached.doctor;
  }
  const doctor = await findDoctorBySlug(slug, { db });
  if (cache.size >= FACTS_CACHE_ENTRIES) cache.clear();
  if (doctor) cache.set(slug, { at: now, doctor });
  else cache.delete(slug);
  return doctor;
}

/** findPublicDoctor once per request: the page and its metadata ask for the same doctor. */
export const findDoctorBySlugCached = cache((slug: string) => findPublicDoctor(slug));

/** The doctor's active motifs bookable online, in the practice's order. */
export async function listOnlineMotifs(doctorId: string, deps: Deps = {}): Promise<PublicMotif[]> {
  return (deps.db ?? getDb())
    .select({
      id: visitReasons.id,
      label: visitReasons.label,
      durationMinutes: visitReasons.durationMinutes,
      openToNewPatients: visitReasons.openToNewPatients,
    })
    .from(visitReasons)
    .where(and(eq(visitReasons.doctorId, doctorId), eq(visitReasons.active, true), eq(visitReasons.bookableOnline, true)))
    .orderBy(asc(visitReasons.position), asc(visitReasons.label));
}
