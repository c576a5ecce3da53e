import { VISIT_REASON_COLOURS } from "@/db/visit-reason-colours";
import { formatCalendarDate } from "@/lib/format/datetime";
import { formatCount } from "@/lib/format/number";
import * as z from "@/lib/forms/zod";
import {
  addDays,
  boundaryInstant,
  formatTime,
  mondayOf,
  parseDay,
  parseTime,
  resolveWallClock,
  todayIn,
  type Occurrence,
} from "@/lib/time/luxembourg";
import { openingHoursProblems, WEEKDAYS, type HoursProblem, type IsoWeekday, type OpeningInterval } from "./hours";
import {
  addMinutes,
  appointmentTimeProblem,
  MAX_ABSENCE_LABEL,
  MAX_APPOINTMENT_MINUTES,
  MAX_NOTE_LENGTH,
  MIN_APPOINTMENT_MINUTES,
  type AbsenceProblem,
  type TimeProblem,
} from "./rules";
import type { SettableStatus } from "./status";

// The agenda's forms and address bar, shared by the browser and the server actions. Times are
// typed as Luxembourg wall-clock times and come out as instants; a time that does not exist (the
// spring change) is refused, one that happens twice (the autumn change) must be told which.
// Every message is the one shown next to the field.

export const TIME_PROBLEM_MESSAGE: Record<TimeProblem, string> = {
  "invalid-date": "Date ou heure non valide.",
  "out-of-range": "Choisissez une date entre 1900 et 2200.",
  "off-grid": "Les rendez-vous commencent et finissent sur une tranche de 5 minutes (08:00, 08:05…).",
  "end-before-start": "La fin doit venir après le début.",
  duration: `La durée va de ${MIN_APPOINTMENT_MINUTES} minutes à ${MAX_APPOINTMENT_MINUTES / 60} heures, par tranches de 5 minutes.`,
};

export const HOURS_PROBLEM_MESSAGE: Record<HoursProblem, string> = {
  weekday: "Jour de la semaine inconnu.",
  "off-grid": "Les horaires se saisissent par tranches de 5 minutes (08:00, 08:05…).",
  "out-of-day": "Les horaires vont de 00:00 à 24:00.",
  empty: "L'heure de fin doit venir après l'heure de début.",
  overlap: "Cette plage chevauche une autre plage du même jour.",
};

export const ABSENCE_PROBLEM_MESSAGE: Record<AbsenceProblem, string> = {
  "invalid-date": "Date ou heure non valide.",
  "out-of-range": "Choisissez une date entre 1900 et 2200.",
  "end-before-start": "La fin de l'absence doit venir après son début.",
  "absence-label": "Donnez un libellé de 1 à 80 caractères (ex. « Congés », « Formation »).",
};

const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");
const optionalCheckbox = z
  .unknown()
  .optional()
  .transform((v) => (v === undefined || v === null || v === "" ? undefined : v === true || v === "on" || v === "true" || v === "1"));

const dayField = (label: string) =>
  z
    .string({ error: `${label} : date attendue.` })
    .trim()
    .refine((s) => s !== "", `Indiquez ${label.toLowerCase()}.`)
    .refine((s) => s === "" || parseDay(s) !== null, `${label} : date non valide (AAAA-MM-JJ, entre 1900 et 2200).`);

const timeField = (label: string, { endOfDay = false } = {}) =>
  z
    .string({ error: `${label} : heure attendue.` })
    .trim()
    .refine((s) => s !== "", `Indiquez ${label.toLowerCase()}.`)
    .refine((s) => s === "" || parseTime(s, { endOfDay }) !== null, `${label} : heure non valide (HH:MM, ex. 08:30).`);

const occurrenceField = z
  .union([z.literal(""), z.enum(["earlier", "later"])])
  .optional()
  .transform((v) => (v ? (v as Occurrence) : undefined));

const minutesField = (label: string, min: number, max: number) =>
  z
    .union([z.string(), z.number()], { error: `${label} : nombre de minutes attendu.` })
    .transform((v) => (typeof v === "number" ? v : /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : Number.NaN))
    .refine((n) => Number.isInteger(n) && n >= min && n <= max && n % 5 === 0, `${label} : de ${min} à ${max} minutes, par tranches de 5 minutes.`);

const idField = (message: string) => z.string({ error: message }).trim().min(1, message);
const optionalIdField = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null);

const noteField = z
  .string()
  .optional()
  .transform((v) => v?.trim() || null)
  .refine((v) => v === null || [...v].length <= MAX_NOTE_LENGTH, `La note : ${formatCount(MAX_NOTE_LENGTH)} caractères au plus.`);

/** « 28 mars 2027, 02:30 ». */
function wallClockLabel(day: string, minute: number): string {
  return `${formatCalendarDate(day)}, ${formatTime(minute)}`;
}

/** The start typed as day, time and (for a repeated time) which occurrence, turned into an instant. */
function resolveStart(value: { day: string; time: string; occurrence?: Occurrence }, ctx: z.RefinementCtx): Date | typeof z.NEVER {
  const day = parseDay(value.day);
  const minute = parseTime(value.time);
  if (day === null || minute === null) return z.NEVER;
  const found = resolveWallClock(day, minute, value.occurrence);
  if (found.kind === "nonexistent") {
    ctx.addIssue({
      code: "custom",
      path: ["time"],
      message: `${wallClockLabel(day, minute)} n'existe pas : les horloges passent de 02:00 à 03:00 (heure d'été). Choisissez une autre heure.`,
    });
    return z.NEVER;
  }
  if (found.kind === "ambiguous") {
    ctx.addIssue({
      code: "custom",
      path: ["occurrence"],
      message: `${wallClockLabel(day, minute)} a lieu deux fois (retour à l'heure d'hiver) : précisez s'il s'agit de la première (heure d'été) ou de la seconde (heure d'hiver).`,
      params: { ambiguous: true },
    });
    return z.NEVER;
  }
  return found.at;
}

const startShape = { day: dayField("La date"), time: timeField("L'heure"), occurrence: occurrenceField };

export const createAppointmentSchema = z
  .object({
    patientId: idField("Choisissez un patient, ou créez son dossier."),
    visitReasonId: optionalIdField,
    ...startShape,
    durationMinutes: minutesField("La durée", MIN_APPOINTMENT_MINUTES, MAX_APPOINTMENT_MINUTES),
    note: noteField,
    overbooked: checkbox,
    outsideHoursConfirmed: checkbox,
  })
  .transform((v, ctx) => {
    const startsAt = resolveStart(v, ctx);
    if (startsAt === z.NEVER) return z.NEVER;
    const endsAt = addMinutes(startsAt, v.durationMinutes);
    const problem = appointmentTimeProblem(startsAt, endsAt);
    if (problem) {
      ctx.addIssue({ code: "custom", path: [problem === "duration" ? "durationMinutes" : "time"], message: TIME_PROBLEM_MESSAGE[problem] });
      return z.NEVER;
    }
    return {
      patientId: v.patientId,
      visitReasonId: v.visitReasonId,
      startsAt,
      endsAt,
      note: v.note,
      overbooked: v.overbooked,
      outsideHoursConfirmed: v.outsideHoursConfirmed,
    };
  });

export const moveAppointmentSchema = z
  .object({ ...startShape, outsideHoursConfirmed: checkbox, overbooked: optionalCheckbox })
  .transform((v, ctx) => {
    const startsAt = resolveStart(v, ctx);
    if (startsAt === z.NEVER) return z.NEVER;
    if (appointmentTimeProblem(startsAt, addMinutes(startsAt, MIN_APPOINTMENT_MINUTES))) {
      ctx.addIssue({ code: "custom", path: ["time"], message: TIME_PROBLEM_MESSAGE["off-grid"] });
      return z.NEVER;
    }
    return { startsAt, outsideHoursConfirmed: v.outsideHoursConfirmed, ...(v.overbooked === undefined ? {} : { overbooked: v.overbooked }) };
  });

export const resizeAppointmentSchema = z.object({
  durationMinutes: minutesField("La durée", MIN_APPOINTMENT_MINUTES, MAX_APPOINTMENT_MINUTES),
  outsideHoursConfirmed: checkbox,
});

export const CANCELLERS = { patient: "Annulé par le patient", practice: "Annulé par le cabinet" } as const;

export const cancelAppointmentSchema = z.object({
  by: z.enum(["patient", "practice"], { error: "Indiquez qui annule : le patient ou le cabinet." }),
});

export const STATUS_LABEL = {
  booked: "Prévu",
  arrived: "Arrivé",
  done: "Terminé",
  cancelled: "Annulé",
  no_show: "Absent non excusé",
} as const;

export const appointmentStatusSchema = z.object({
  status: z.enum(["booked", "arrived", "done", "no_show"] satisfies SettableStatus[], { error: "Statut inconnu." }),
});

export const appointmentDetailsSchema = z.object({ visitReasonId: optionalIdField, note: noteField });

/** The week's opening hours, as the settings form sends them (times HH:MM, 24:00 as an end). */
export const openingHoursSchema = z
  .object({
    intervals: z
      .array(z.object({ weekday: z.union([z.string(), z.number()]), start: z.string(), end: z.string() }), { error: "Horaires attendus." })
      .max(70, "Dix plages par jour au plus."),
  })
  .transform((v, ctx): OpeningInterval[] => {
    // Every problem at once, each under its own field: a bad time, then overlaps among the rest.
    const parsed = v.intervals.map((raw, index) => {
      const weekday = Number(raw.weekday);
      const startMinute = parseTime(raw.start.trim());
      const endMinute = parseTime(raw.end.trim(), { endOfDay: true });
      const problem = (field: string, message: string) => ctx.addIssue({ code: "custom", path: ["intervals", index, field], message });
      if (!(WEEKDAYS as readonly number[]).includes(weekday)) problem("weekday", HOURS_PROBLEM_MESSAGE.weekday);
      if (startMinute === null) problem("start", "L'heure de début : heure non valide (HH:MM, ex. 08:30).");
      if (endMinute === null) problem("end", "L'heure de fin : heure non valide (HH:MM, ex. 18:30).");
      return { index, weekday: weekday as IsoWeekday, startMinute, endMinute };
    });
    const valid = parsed.filter(
      (p): p is typeof p & { startMinute: number; endMinute: number } =>
        p.startMinute !== null && p.endMinute !== null && (WEEKDAYS as readonly number[]).includes(p.weekday),
    );
    const intervals = valid.map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute }));
    for (const { index, problem } of openingHoursProblems(intervals)) {
      const field = problem === "empty" || problem === "out-of-day" ? "end" : "start";
      ctx.addIssue({ code: "custom", path: ["intervals", valid[index]!.index, field], message: HOURS_PROBLEM_MESSAGE[problem] });
    }
    return intervals;
  });

/**
 * An absence from a day (and time, 00:00 if left empty) to a day (and time, the end of that day if
 * left empty). Boundaries that fall in the spring gap or the autumn repeat are taken as the clocks
 * read them first: an absence covers whole stretches of time, nobody books at its edges.
 */
export const absenceSchema = z
  .object({
    startDay: dayField("La date de début"),
    startTime: z.string().trim().optional().default(""),
    endDay: dayField("La date de fin"),
    endTime: z.string().trim().optional().default(""),
    label: z
      .string({ error: ABSENCE_PROBLEM_MESSAGE["absence-label"] })
      .trim()
      .refine((s) => [...s].length >= 1 && [...s].length <= MAX_ABSENCE_LABEL, ABSENCE_PROBLEM_MESSAGE["absence-label"]),
  })
  .transform((v, ctx) => {
    const startMinute = v.startTime === "" ? 0 : parseTime(v.startTime);
    const endMinute = v.endTime === "" ? 1440 : parseTime(v.endTime, { endOfDay: true });
    if (startMinute === null) ctx.addIssue({ code: "custom", path: ["startTime"], message: "L'heure de début : heure non valide (HH:MM)." });
    if (endMinute === null) ctx.addIssue({ code: "custom", path: ["endTime"], message: "L'heure de fin : heure non valide (HH:MM)." });
    if (startMinute === null || endMinute === null) return z.NEVER;
    const startsAt = boundaryInstant(v.startDay, startMinute);
    const endsAt = endMinute === 1440 ? boundaryInstant(addDays(v.endDay, 1), 0) : boundaryInstant(v.endDay, endMinute);
    if (endsAt <= startsAt) {
      ctx.addIssue({ code: "custom", path: ["endDay"], message: ABSENCE_PROBLEM_MESSAGE["end-before-start"] });
      return z.NEVER;
    }
    return { startsAt, endsAt, label: v.label };
  });

export const visitReasonSchema = z.object({
  label: z
    .string({ error: "Saisissez le libellé du motif." })
    .trim()
    .min(1, "Saisissez le libellé du motif.")
    .refine((s) => [...s].length <= 60, "Le libellé : 60 caractères au plus."),
  durationMinutes: minutesField("La durée", 5, 240),
  colour: z.enum(VISIT_REASON_COLOURS, { error: "Choisissez une couleur de la palette." }),
  active: checkbox,
});

export const holidayOpeningSchema = z.object({
  day: dayField("Le jour férié"),
  open: checkbox,
});

/** The agenda's address: « /agenda?vue=semaine|jour&date=AAAA-MM-JJ&medecins=id,id ». */
export type AgendaQuery = { view: "week" | "day"; day: string; from: string; days: number; doctorIds: string[] };

const queryValue = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v));

/** Reads the agenda's search parameters; anything unusable falls back (this week, today). Never refuses. */
export function parseAgendaQuery(params: Record<string, string | string[] | undefined>, now: Date = new Date()): AgendaQuery {
  const vue = queryValue.catch(undefined).parse(params.vue);
  const view = vue === "jour" ? "day" : "week";
  const day = parseDay(queryValue.catch(undefined).parse(params.date)) ?? todayIn(now);
  const doctorIds = (queryValue.catch(undefined).parse(params.medecins) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s))
    .slice(0, 6);
  return view === "week" ? { view, day, from: mondayOf(day), days: 7, doctorIds: [] } : { view, day, from: day, days: 1, doctorIds };
}

/** The search parameters of an agenda address (what links and the date picker write). */
export function agendaSearch({ view, day, doctorIds = [] }: { view: "week" | "day"; day: string; doctorIds?: string[] }): string {
  const params = new URLSearchParams({ vue: view === "day" ? "jour" : "semaine", date: day });
  if (view === "day" && doctorIds.length) params.set("medecins", doctorIds.join(","));
  return `?${params.toString()}`;
}
