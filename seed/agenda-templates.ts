import type { VisitReasonColour } from "@/db/visit-reason-colours";
import type { Random } from "./random";

// What the seeds give practices so that their agendas look like real ones: believable reasons for
// visit (« motifs ») and opening hours by kind of practice, and a day's appointments laid on those
// hours one after the other, with gaps, never overlapping (the database would refuse it).

export type SeedMotif = { label: string; durationMinutes: number; colour: VisitReasonColour; /** How often it is booked. */ weight: number };
export type SeedHours = { weekday: number; startMinute: number; endMinute: number }[];
export type PracticeKind = "gp" | "paediatrics" | "specialist" | "dentist";

const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const weekdays = (days: number[], ...intervals: [number, number][]): SeedHours =>
  days.flatMap((weekday) => intervals.map(([startMinute, endMinute]) => ({ weekday, startMinute, endMinute })));

export const MOTIFS: Record<PracticeKind, SeedMotif[]> = {
  gp: [
    { label: "Consultation", durationMinutes: 15, colour: "blue", weight: 62 },
    { label: "Première consultation", durationMinutes: 30, colour: "purple", weight: 8 },
    { label: "Vaccination", durationMinutes: 10, colour: "green", weight: 8 },
    { label: "Certificat médical", durationMinutes: 10, colour: "grey", weight: 7 },
    { label: "Suivi chronique", durationMinutes: 20, colour: "orange", weight: 15 },
  ],
  paediatrics: [
    { label: "Consultation", durationMinutes: 20, colour: "blue", weight: 55 },
    { label: "Visite du nourrisson", durationMinutes: 30, colour: "pink", weight: 15 },
    { label: "Vaccination", durationMinutes: 15, colour: "green", weight: 18 },
    { label: "Certificat scolaire ou sportif", durationMinutes: 15, colour: "grey", weight: 7 },
    { label: "Première consultation", durationMinutes: 40, colour: "purple", weight: 5 },
  ],
  specialist: [
    { label: "Consultation", durationMinutes: 20, colour: "blue", weight: 60 },
    { label: "Première consultation", durationMinutes: 40, colour: "purple", weight: 20 },
    { label: "Contrôle", durationMinutes: 15, colour: "teal", weight: 20 },
  ],
  dentist: [
    { label: "Contrôle", durationMinutes: 30, colour: "teal", weight: 40 },
    { label: "Détartrage", durationMinutes: 45, colour: "blue", weight: 20 },
    { label: "Soin d'une carie", durationMinutes: 60, colour: "orange", weight: 20 },
    { label: "Urgence dentaire", durationMinutes: 30, colour: "red", weight: 12 },
    { label: "Extraction", durationMinutes: 45, colour: "purple", weight: 8 },
  ],
};

export const HOURS: Record<PracticeKind, SeedHours> = {
  // Monday to Friday 08:00–12:00 and 14:00–18:30.
  gp: weekdays([1, 2, 3, 4, 5], [h(8), h(12)], [h(14), h(18, 30)]),
  paediatrics: weekdays([1, 2, 3, 4, 5], [h(8, 30), h(12)], [h(14), h(18)]),
  // Wednesday afternoons off.
  specialist: [...weekdays([1, 2, 4, 5], [h(8, 30), h(12, 30)], [h(13, 30), h(17, 30)]), ...weekdays([3], [h(8, 30), h(12, 30)])],
  dentist: [...weekdays([1, 2, 3, 4], [h(8), h(12)], [h(13, 30), h(18)]), ...weekdays([5], [h(8), h(13)])],
};

/** The GP's hours with Saturday mornings 09:00–12:00. */
export const WITH_SATURDAY_MORNING = (hours: SeedHours): SeedHours => [...hours, { weekday: 6, startMinute: h(9), endMinute: h(12) }];

function pickWeighted<T extends { weight: number }>(items: readonly T[], rng: Random): T {
  let r = rng.next() * items.reduce((sum, i) => sum + i.weight, 0);
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}

export type PlannedAppointment = { startMinute: number; motif: number; durationMinutes: number };

/**
 * Up to `count` appointments on a day whose opening intervals are `intervals` (minutes since local
 * midnight), in time order, on the 5-minute grid, each inside one interval and none overlapping:
 * each starts after the previous one has ended, after a random gap sized so the day is filled
 * evenly. A motif too long for what is left of the day is swapped for the shortest; when even that
 * does not fit, the day ends with fewer appointments.
 */
export function planDay(
  intervals: readonly { startMinute: number; endMinute: number }[],
  count: number,
  motifs: readonly SeedMotif[],
  rng: Random,
): PlannedAppointment[] {
  const sorted = [...intervals].sort((a, b) => a.startMinute - b.startMinute);
  const open = sorted.reduce((sum, i) => sum + i.endMinute - i.startMinute, 0);
  if (count <= 0 || open <= 0) return [];
  const shortest = motifs.reduce((best, m, i) => (m.durationMinutes < motifs[best]!.durationMinutes ? i : best), 0);
  const chosen = Array.from({ length: count }, () => motifs.indexOf(pickWeighted(motifs, rng)));
  // A day booked near its limit gets more short appointments: the ends of intervals are lost time.
  let busy = chosen.reduce((sum, i) => sum + motifs[i]!.durationMinutes, 0);
  for (let i = 0; busy > open * 0.9 && i < chosen.length; i++) {
    busy -= motifs[chosen[i]!]!.durationMinutes - motifs[shortest]!.durationMinutes;
    chosen[i] = shortest;
  }
  // The gap after each appointment averages what the day leaves free, in 5-minute steps.
  const meanGap = Math.max(0, Math.floor((open - busy) / (count + sorted.length) / 5));
  const longest = Math.max(...motifs.map((m) => m.durationMinutes));
  // Room from `cursor` to the end of the day, and what the intervals' ends may waste.
  const roomAhead = (slot: number, cursor: number) =>
    sorted.slice(slot).reduce((sum, i) => sum + Math.max(0, i.endMinute - Math.max(i.startMinute, cursor)), 0);
  const reserve = (slot: number) => (sorted.length - slot) * (longest - 5);
  const gapAt = (slot: number, cursor: number, stillBusy: number) => {
    const spare = Math.max(0, roomAhead(slot, cursor) - stillBusy - reserve(slot));
    return 5 * Math.min(rng.int(0, 2 * meanGap), Math.floor(spare / 5));
  };
  const planned: PlannedAppointment[] = [];
  let slot = 0;
  let cursor = sorted[0]!.startMinute;
  cursor += gapAt(0, cursor, busy);
  for (const wanted of chosen) {
    let motif = wanted;
    for (;;) {
      const interval = sorted[slot];
      if (!interval) return planned;
      if (cursor < interval.startMinute) cursor = interval.startMinute;
      const room = interval.endMinute - cursor;
      if (room >= motifs[motif]!.durationMinutes) break;
      if (motif !== shortest && room >= motifs[shortest]!.durationMinutes) {
        motif = shortest;
        break;
      }
      slot += 1;
    }
    const durationMinutes = motifs[motif]!.durationMinutes;
    planned.push({ startMinute: cursor, motif, durationMinutes });
    busy -= motifs[wanted]!.durationMinutes;
    cursor += durationMinutes;
    cursor += gapAt(slot, cursor, busy);
  }
  return planned;
}

/**
 * How many appointments of `motifs` a day of `intervals` surely holds at their usual mix: nine
 * tenths of its time, the rest left for the ends of intervals (planDay places them all).
 */
export function dayCapacity(intervals: readonly { startMinute: number; endMinute: number }[], motifs: readonly SeedMotif[]): number {
  const mean = motifs.reduce((sum, m) => sum + m.durationMinutes * m.weight, 0) / motifs.reduce((sum, m) => sum + m.weight, 0);
  return Math.floor((0.9 * intervals.reduce((sum, i) => sum + i.endMinute - i.startMinute, 0)) / mean);
}
