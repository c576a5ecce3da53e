import * as z from "@/lib/forms/zod";
import { openingHoursSchema } from "@/lib/agenda/schema";
import type { OpeningInterval } from "@/lib/agenda/hours";

// Field messages live with the schema that raises them, as in lib/agenda/schema.ts.
export const BOOKING_FIELD_MESSAGE = {
  windowsMode: "Choisissez les plages ouvertes à la réservation en ligne.",
  tooManyWindows: "Dix plages par jour au plus.",
  minNoticeMinutes: "Choisissez un délai minimum dans la liste.",
  horizonWeeks: "L'horizon de réservation va de 1 à 26 semaines.",
  cancellationDeadlineHours: "Choisissez un délai d'annulation dans la liste.",
  reminder: "Choisissez un rappel : aucun, 24 h ou 48 h avant.",
  motifs: "Trop de motifs envoyés : rechargez la page.",
} as const;

// The « Prise de rendez-vous en ligne » form, shared by the browser and its server action, and the
// public page's address bar (?motif=&semaine=). Every message is the one shown next to the field.

/** The minimum notice choices, in minutes (the form offers these; the database allows 0..14 days). */
export const NOTICE_CHOICES = [0, 30, 60, 120, 240, 720, 1440, 2880] as const;
/** Cancellation deadline choices, in hours. */
export const CANCELLATION_CHOICES = [0, 2, 6, 12, 24, 48, 72] as const;
export const MIN_HORIZON_WEEKS = 1;
export const MAX_HORIZON_WEEKS = 26;

const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

const choice = <T extends readonly number[]>(choices: T, message: string) =>
  z
    .union([z.string(), z.number()], { error: message })
    .transform((v) => Number(typeof v === "string" ? v.trim() || Number.NaN : v))
    .refine((n) => (choices as readonly number[]).includes(n), message);

export const onlineBookingSettingsSchema = z
  .object({
    enabled: checkbox,
    windowsMode: z.enum(["opening", "custom"], { error: BOOKING_FIELD_MESSAGE.windowsMode }),
    intervals: z
      .array(z.object({ weekday: z.union([z.string(), z.number()]), start: z.string(), end: z.string() }))
      .max(70, BOOKING_FIELD_MESSAGE.tooManyWindows),
    minNoticeMinutes: choice(NOTICE_CHOICES, BOOKING_FIELD_MESSAGE.minNoticeMinutes),
    horizonWeeks: z
      .union([z.string(), z.number()], { error: BOOKING_FIELD_MESSAGE.horizonWeeks })
      .transform((v) => (typeof v === "number" ? v : /^\s*\d{1,2}\s*$/.test(v) ? Number(v) : Number.NaN))
      .refine((n) => Number.isInteger(n) && n >= MIN_HORIZON_WEEKS && n <= MAX_HORIZON_WEEKS, BOOKING_FIELD_MESSAGE.horizonWeeks),
    cancellationDeadlineHours: choice(CANCELLATION_CHOICES, BOOKING_FIELD_MESSAGE.cancellationDeadlineHours),
    reminder: z.enum(["none", "24", "48"], { error: BOOKING_FIELD_MESSAGE.reminder }),
    showReviews: checkbox,
    motifs: z
      .array(z.object({ id: z.string().trim().min(1), bookableOnline: checkbox, openToNewPatients: checkbox }))
      .max(500, BOOKING_FIELD_MESSAGE.motifs),
  })
  .transform((v, ctx) => {
    // Windows are checked only when they are the ones used; the opening hours are checked where they are set.
    let windows: OpeningInterval[] = [];
    if (v.windowsMode === "custom") {
      const parsed = openingHoursSchema.safeParse({ intervals: v.intervals });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
        return z.NEVER;
      }
      windows = parsed.data;
    }
    return {
      enabled: v.enabled,
      customWindows: v.windowsMode === "custom",
      windows,
      minNoticeMinutes: v.minNoticeMinutes,
      horizonWeeks: v.horizonWeeks,
      cancellationDeadlineHours: v.cancellationDeadlineHours,
      reminderHours: v.reminder === "none" ? null : (Number(v.reminder) as 24 | 48),
      showReviews: v.showReviews,
      motifs: v.motifs,
    };
  });

export type OnlineBookingSettingsInput = z.output<typeof onlineBookingSettingsSchema>;

/** The public page's query: a motif id (checked against the doctor's) and a week's Monday. */
export function parsePublicPageQuery(params: Record<string, string | string[] | undefined>): { motif: string | null; week: string | null } {
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);
  const week = one(params.semaine);
  return { motif: one(params.motif), week: week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : null };
}
