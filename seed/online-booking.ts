import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { onlineBookingSettings, onlineBookingWindows, users, visitReasons } from "@/db/schema";

// The demo doctors take online bookings (issue 18): a settings row with a readable slug, some
// motifs bookable online (one kept for patients already followed), and Dr Weber keeps 16:00–18:00
// for urgent cases by opening only the hours before it online. Written once per doctor: a doctor
// who already has settings (saved from the page, or an earlier start) is left alone.

type DemoOnlineBooking = {
  doctorEmail: string;
  slug: string;
  /** Motif labels bookable online. */
  online: string[];
  /** Of those, the ones closed to new patients. */
  followedOnly: string[];
  minNoticeMinutes: number;
  horizonWeeks: number;
  showReviews: boolean;
  /** Custom online windows; the opening hours when absent. */
  windows?: { weekday: number; startMinute: number; endMinute: number }[];
};

const weekdays = (days: number[], ...intervals: [number, number][]) =>
  days.flatMap((weekday) => intervals.map(([startMinute, endMinute]) => ({ weekday, startMinute, endMinute })));

export const DEMO_ONLINE_BOOKING: DemoOnlineBooking[] = [
  {
    doctorEmail: "dr.schmit@demo.doctipro.lu",
    slug: "dr-paul-schmit",
    online: ["Consultation", "Première consultation", "Vaccination", "Suivi chronique"],
    followedOnly: ["Suivi chronique"],
    minNoticeMinutes: 120,
    horizonWeeks: 8,
    showReviews: true,
  },
  {
    doctorEmail: "dr.weber@demo.doctipro.lu",
    slug: "dr-anne-weber",
    online: ["Consultation", "Visite du nourrisson", "Vaccination"],
    followedOnly: [],
    minNoticeMinutes: 120,
    horizonWeeks: 6,
    showReviews: false,
    // Opening hours 08:30–12:00 and 14:00–18:00; 16:00–18:00 stays for urgent cases, by phone.
    windows: weekdays([1, 2, 3, 4, 5], [8 * 60 + 30, 12 * 60], [14 * 60, 16 * 60]),
  },
  {
    doctorEmail: "dr.hoffmann@demo.doctipro.lu",
    slug: "dr-marc-hoffmann",
    online: ["Contrôle", "Détartrage"],
    followedOnly: ["Détartrage"],
    minNoticeMinutes: 1440,
    horizonWeeks: 12,
    showReviews: false,
  },
];

/** Gives each demo doctor their online booking settings, once. Returns the doctors set up. */
export async function seedDemoOnlineBooking(db: Database): Promise<{ seeded: string[] }> {
  const seeded: string[] = [];
  for (const demo of DEMO_ONLINE_BOOKING) {
    const done = await db.transaction(async (tx) => {
      const [doctor] = await tx.select({ id: users.id }).from(users).where(eq(users.email, demo.doctorEmail)).limit(1);
      if (!doctor) return false;
      const inserted = await tx
        .insert(onlineBookingSettings)
        .values({
          doctorId: doctor.id,
          slug: demo.slug,
          enabled: true,
          customWindows: demo.windows !== undefined,
          minNoticeMinutes: demo.minNoticeMinutes,
          horizonWeeks: demo.horizonWeeks,
          showReviews: demo.showReviews,
        })
        .onConflictDoNothing()
        .returning({ doctorId: onlineBookingSettings.doctorId });
      if (inserted.length === 0) return false;
      if (demo.windows) await tx.insert(onlineBookingWindows).values(demo.windows.map((w) => ({ doctorId: doctor.id, ...w })));
      await tx
        .update(visitReasons)
        .set({ bookableOnline: true })
        .where(and(eq(visitReasons.doctorId, doctor.id), inArray(visitReasons.label, demo.online)));
      if (demo.followedOnly.length) {
        await tx
          .update(visitReasons)
          .set({ openToNewPatients: false })
          .where(and(eq(visitReasons.doctorId, doctor.id), inArray(visitReasons.label, demo.followedOnly)));
      }
      return true;
    });
    if (done) seeded.push(demo.doctorEmail);
  }
  return { seeded };
}
