import "server-only";
import { eq } from "drizzle-orm";
import { onlineBookingSettings } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";

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

/** The doctor's settings, or the defaults (off, no slug) when none were saved. */
export async function getOnlineBookingSettings(doctorId: string, deps: Deps = {}): Promise<OnlineBookingSettings> {
  const [row] = await (deps.db ?? getDb()).select().from(onlineBookingSettings).where(eq(onlineBookingSettings.doctorId, doctorId)).limit(1);
  if (!row) return { doctorId, stored: false, slug: null, ...DEFAULT_ONLINE_BOOKING };
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
