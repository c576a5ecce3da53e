import "server-only";
import { and, asc, eq, inArray, like, or, sql } from "drizzle-orm";
import { onlineBookingSettings, onlineBookingWindows, users, visitReasons } from "@/db/schema";
import { isDatabaseError, UNIQUE_VIOLATION } from "@/db/errors";
import type { AgendaAccess } from "@/lib/agenda/access";
import type { IsoWeekday, OpeningInterval } from "@/lib/agenda/hours";
import { openingHoursProblems } from "@/lib/agenda/hours";
import { announceAgendaChange } from "@/lib/agenda/revisions";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import type { OnlineBookingSettingsInput } from "./schema";
import { baseSlug, firstFreeSlug } from "./slug";

// A doctor's online booking settings (issue 18). A doctor without a row takes no online bookings;
// the defaults below are what the settings form starts from and what the database defaults to.

type Deps = { db?: Database };

export type ReminderHours = 24 | 48 | null;

export type OnlineBookingSettings = {
  doctorId: string;
  /** False when the doctor never saved the settings (no row). */
  stored: boolean;
  enabled: boolean;
  /** Null until the first save creates it. */
  slug: string | null;
  /** False: the online windows are the opening hours; true: online_booking_windows holds them. */
  customWindows: boolean;
  minNoticeMinutes: number;
  horizonWeeks: number;
  cancellationDeadlineHours: number;
  reminderHours: ReminderHours;
  showReviews: boolean;
};

export const DEFAULT_ONLINE_BOOKING = {
  enabled: false,
  customWindows: false,
  minNoticeMinutes: 120,
  horizonWeeks: 8,
  cancellationDeadlineHours: 24,
  reminderHours: 24 as ReminderHours,
  showReviews: false,
} as const;

function toReminder(hours: number | null): ReminderHours {
  return hours === 24 || hours === 48 ? hours : null;
}

/** A stored settings row as the rest of the app reads it. */
export function settingsFromRow(
  doctorId: string,
  row: Omit<typeof onlineBookingSettings.$inferSelect, "doctorId" | "updatedAt" | "updatedById">,
): OnlineBookingSettings {
  return {
    doctorId,
    stored: true,
    enabled: row.enabled,
    slug: row.slug,
    customWindows: row.customWindows,
    minNoticeMinutes: row.minNoticeMinutes,
    horizonWeeks: row.horizonWeeks,
    cancellationDeadlineHours: row.cancellationDeadlineHours,
    reminderHours: toReminder(row.reminderHours),
    showReviews: row.showReviews,
  };
}

/** The columns a motif is read with wherever online booking needs one. */
export const MOTIF_FIELDS = {
  id: visitReasons.id,
  label: visitReasons.label,
  durationMinutes: visitReasons.durationMinutes,
  active: visitReasons.active,
  bookableOnline: visitReasons.bookableOnline,
  openToNewPatients: visitReasons.openToNewPatients,
};

/** The doctor's settings, or the defaults (off, no slug) when none were saved. */
export async function getOnlineBookingSettings(doctorId: string, deps: Deps = {}): Promise<OnlineBookingSettings> {
  const [row] = await (deps.db ?? getDb()).select().from(onlineBookingSettings).where(eq(onlineBookingSettings.doctorId, doctorId)).limit(1);
  if (!row) return { doctorId, stored: false, slug: null, ...DEFAULT_ONLINE_BOOKING };
  return settingsFromRow(doctorId, row);
}

export type SettingsMotif = {
  id: string;
  label: string;
  durationMinutes: number;
  active: boolean;
  bookableOnline: boolean;
  openToNewPatients: boolean;
};

export type OnlineBookingSettingsView = { settings: OnlineBookingSettings; windows: OpeningInterval[]; motifs: SettingsMotif[] };

/** What the settings form shows: the settings, the custom windows, every motif with its online flags. */
export async function readOnlineBookingSettings(access: AgendaAccess, deps: Deps = {}): Promise<OnlineBookingSettingsView> {
  const db = deps.db ?? getDb();
  const doctorId = access.doctor.id;
  const [settings, windows, motifs] = await Promise.all([
    getOnlineBookingSettings(doctorId, { db }),
    db
      .select()
      .from(onlineBookingWindows)
      .where(eq(onlineBookingWindows.doctorId, doctorId))
      .orderBy(asc(onlineBookingWindows.weekday), asc(onlineBookingWindows.startMinute)),
    db
      .select(MOTIF_FIELDS)
      .from(visitReasons)
      .where(eq(visitReasons.doctorId, doctorId))
      .orderBy(asc(visitReasons.position), asc(sql`lower(${visitReasons.label})`)),
  ]);
  return {
    settings,
    windows: windows.map((w) => ({ weekday: w.weekday as IsoWeekday, startMinute: w.startMinute, endMinute: w.endMinute })),
    motifs,
  };
}

export type SaveSettingsResult = { kind: "done"; slug: string; enabled: boolean } | { kind: "invalid-windows" } | { kind: "motif-not-found" };

/** Thrown inside the transaction to roll it back when a motif sent is not the doctor's. */
class UnknownMotif extends Error {}

/** A slug not yet used: « dr-prenom-nom », numbered when another doctor has it. */
async function freeSlug(db: Database, doctorId: string): Promise<string> {
  const [doctor] = await db.select({ firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, doctorId)).limit(1);
  const base = baseSlug(doctor ?? { firstName: "", lastName: "" });
  const taken = await db
    .select({ slug: onlineBookingSettings.slug })
    .from(onlineBookingSettings)
    .where(or(eq(onlineBookingSettings.slug, base), like(onlineBookingSettings.slug, `${base}-%`)));
  return firstFreeSlug(base, new Set(taken.map((t) => t.slug)));
}

/**
 * Saves the whole form in one transaction: the settings row (its slug made on the first save and
 * kept after, so printed links keep working), the custom windows (replaced whole; removed when the
 * opening hours are used), and each motif's online flags. Another doctor's motif id: nothing saved.
 */
export async function saveOnlineBookingSettings(
  access: AgendaAccess,
  input: OnlineBookingSettingsInput,
  deps: Deps = {},
): Promise<SaveSettingsResult> {
  if (input.customWindows && openingHoursProblems(input.windows).length) return { kind: "invalid-windows" };
  if (input.motifs.some((m) => !isUuid(m.id))) return { kind: "motif-not-found" };
  const db = deps.db ?? getDb();
  const doctorId = access.doctor.id;
  const values = {
    enabled: input.enabled,
    customWindows: input.customWindows,
    minNoticeMinutes: input.minNoticeMinutes,
    horizonWeeks: input.horizonWeeks,
    cancellationDeadlineHours: input.cancellationDeadlineHours,
    reminderHours: input.reminderHours,
    showReviews: input.showReviews,
    updatedAt: new Date(),
    updatedById: access.user.id,
  };
  // Two doctors named alike saving at once may pick the same slug: the unique index refuses the
  // second, which tries again with the next number.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        // Motifs' online flags and the windows change what the public page offers.
        await announceAgendaChange(tx, doctorId);
        const slug = (await getOnlineBookingSettings(doctorId, { db: tx })).slug ?? (await freeSlug(tx, doctorId));
        await tx
          .insert(onlineBookingSettings)
          .values({ doctorId, slug, ...values })
          .onConflictDoUpdate({ target: onlineBookingSettings.doctorId, set: values });
        await tx.delete(onlineBookingWindows).where(eq(onlineBookingWindows.doctorId, doctorId));
        if (input.customWindows && input.windows.length) {
          await tx
            .insert(onlineBookingWindows)
            .values(input.windows.map((w) => ({ doctorId, weekday: w.weekday, startMinute: w.startMinute, endMinute: w.endMinute })));
        }
        if (input.motifs.length) {
          const ids = input.motifs.map((m) => m.id);
          const own = await tx
            .select({ id: visitReasons.id })
            .from(visitReasons)
            .where(and(eq(visitReasons.doctorId, doctorId), inArray(visitReasons.id, ids)));
          if (own.length !== new Set(ids).size) throw new UnknownMotif();
          for (const m of input.motifs) {
            await tx
              .update(visitReasons)
              .set({ bookableOnline: m.bookableOnline, openToNewPatients: m.openToNewPatients })
              .where(and(eq(visitReasons.id, m.id), eq(visitReasons.doctorId, doctorId)));
          }
        }
        return { kind: "done" as const, slug, enabled: input.enabled };
      });
    } catch (error) {
      if (error instanceof UnknownMotif) return { kind: "motif-not-found" };
      if (attempt < 3 && isDatabaseError(error, UNIQUE_VIOLATION, "online_booking_settings_slug_unique")) continue;
      throw error;
    }
  }
}
