import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { absences, appointments, holidayOpenings, onlineBookingSettings, onlineBookingWindows, visitReasons } from "@/db/schema";
import type { Database } from "@/db/client";
import { testPractice, utc, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { formatTime, instantToWallClock } from "@/lib/time/luxembourg";
import { checkBookableTime, loadFreeTimes, loadFreeWeek, nextFreeTimes } from "./availability";
import { getOnlineBookingSettings } from "./settings";
import { findDoctorBySlug, listOnlineMotifs } from "./public-doctor";

// The stored side of free times on the embedded database: settings, custom windows, absences,
// holidays and appointments read from their tables, and the checks a booking goes through.

let db: Database;
let practice: TestPractice;
// Monday 7 June 2027, 06:00 in Luxembourg: the practice (Mon–Fri 08:00–12:00, 14:00–18:30) opens later.
const NOW = utc("2027-06-07T04:00:00Z");
const MONDAY = { from: utc("2027-06-06T22:00:00Z"), to: utc("2027-06-07T22:00:00Z") };

const clock = (starts: Date[]) => starts.map((s) => formatTime(instantToWallClock(s).minute));

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Hoffmann");
});

beforeEach(async () => {
  const doctorId = practice.doctor.id;
  await db.delete(appointments).where(eq(appointments.doctorId, doctorId));
  await db.delete(absences).where(eq(absences.doctorId, doctorId));
  await db.delete(onlineBookingWindows).where(eq(onlineBookingWindows.doctorId, doctorId));
  await db.delete(holidayOpenings).where(eq(holidayOpenings.doctorId, doctorId));
  await db
    .insert(onlineBookingSettings)
    .values({ doctorId, slug: "dr-jos-hoffmann", enabled: true, minNoticeMinutes: 120, horizonWeeks: 2 })
    .onConflictDoUpdate({
      target: onlineBookingSettings.doctorId,
      set: { enabled: true, customWindows: false, minNoticeMinutes: 120, horizonWeeks: 2 },
    });
  await db.update(visitReasons).set({ bookableOnline: true, openToNewPatients: true, active: true }).where(eq(visitReasons.doctorId, doctorId));
});

const base = () => ({ doctorId: practice.doctor.id, visitReasonId: practice.motifs.long, now: NOW });

describe("loadFreeTimes", () => {
  it("lists the opening hours on the motif's grid, less appointments (cancelled ones free) and absences", async () => {
    const doctorId = practice.doctor.id;
    await db.insert(appointments).values([
      // 09:00–09:20, active: the next start is 09:20.
      {
        doctorId,
        patientId: practice.patientIds[0],
        startsAt: utc("2027-06-07T07:00:00Z"),
        endsAt: utc("2027-06-07T07:20:00Z"),
        bookedVia: "practice",
      },
      // 10:00–10:30 cancelled: its time is free again.
      {
        doctorId,
        patientId: practice.patientIds[1],
        startsAt: utc("2027-06-07T08:00:00Z"),
        endsAt: utc("2027-06-07T08:30:00Z"),
        bookedVia: "practice",
        status: "cancelled",
        cancelledBy: "practice",
      },
      // 15:00–15:30, overbooked: still taken for online booking.
      {
        doctorId,
        patientId: practice.patientIds[1],
        startsAt: utc("2027-06-07T13:00:00Z"),
        endsAt: utc("2027-06-07T13:30:00Z"),
        bookedVia: "practice",
        overbooked: true,
      },
    ]);
    await db.insert(absences).values({ doctorId, startsAt: utc("2027-06-07T15:00:00Z"), endsAt: utc("2027-06-07T17:00:00Z"), label: "Formation" });
    const [monday] = await loadFreeTimes({ ...base(), ...MONDAY }, { db });
    expect(monday!.day).toBe("2027-06-07");
    expect(clock(monday!.starts)).toEqual([
      "08:00",
      "08:30",
      "09:20",
      "09:50",
      "10:20",
      "10:50",
      "11:20",
      "14:00",
      "14:30",
      "15:30",
      "16:00",
      "16:30",
    ]);
  });

  it("uses the custom windows instead of the opening hours when the doctor set them", async () => {
    const doctorId = practice.doctor.id;
    await db.update(onlineBookingSettings).set({ customWindows: true }).where(eq(onlineBookingSettings.doctorId, doctorId));
    await db.insert(onlineBookingWindows).values({ doctorId, weekday: 1, startMinute: 480, endMinute: 600 });
    const [monday] = await loadFreeTimes({ ...base(), ...MONDAY }, { db });
    expect(clock(monday!.starts)).toEqual(["08:00", "08:30", "09:00", "09:30"]);
  });

  it("closes Whit Monday (17 May 2027) unless the practice opened it", async () => {
    const day = { from: utc("2027-05-16T22:00:00Z"), to: utc("2027-05-17T22:00:00Z"), now: utc("2027-05-10T06:00:00Z") };
    expect((await loadFreeTimes({ ...base(), ...day }, { db }))[0]!.starts).toEqual([]);
    await db.insert(holidayOpenings).values({ doctorId: practice.doctor.id, day: "2027-05-17" });
    expect((await loadFreeTimes({ ...base(), ...day }, { db }))[0]!.starts.length).toBeGreaterThan(0);
  });

  it("offers nothing when booking is off or the motif is not bookable online", async () => {
    await db.update(visitReasons).set({ bookableOnline: false }).where(eq(visitReasons.id, practice.motifs.long));
    expect(await loadFreeTimes({ ...base(), ...MONDAY }, { db })).toEqual([]);
    await db.update(visitReasons).set({ bookableOnline: true }).where(eq(visitReasons.id, practice.motifs.long));
    await db.update(onlineBookingSettings).set({ enabled: false }).where(eq(onlineBookingSettings.doctorId, practice.doctor.id));
    expect(await loadFreeTimes({ ...base(), ...MONDAY }, { db })).toEqual([]);
    expect(await loadFreeTimes({ ...base(), visitReasonId: "not-a-uuid", ...MONDAY }, { db })).toEqual([]);
  });

  it("lets the patient's own appointment not block its move", async () => {
    const [own] = await db
      .insert(appointments)
      .values({
        doctorId: practice.doctor.id,
        patientId: practice.patientIds[0],
        startsAt: utc("2027-06-07T06:00:00Z"),
        endsAt: utc("2027-06-07T06:30:00Z"),
        bookedVia: "online",
      })
      .returning();
    const [blocked] = await loadFreeTimes({ ...base(), ...MONDAY }, { db });
    expect(clock(blocked!.starts)[0]).toBe("08:30");
    const [ignored] = await loadFreeTimes({ ...base(), ...MONDAY, ignoreAppointmentId: own!.id }, { db });
    expect(clock(ignored!.starts)[0]).toBe("08:00");
  });
});

describe("nextFreeTimes", () => {
  it("finds the next free times after an instant, past a fully booked stretch, and none beyond the horizon", async () => {
    const doctorId = practice.doctor.id;
    // Absent the whole first week: the next time is Monday 14 June at 08:00.
    await db.insert(absences).values({ doctorId, startsAt: utc("2027-06-06T22:00:00Z"), endsAt: utc("2027-06-13T22:00:00Z"), label: "Congés" });
    const next = await nextFreeTimes({ ...base(), after: NOW, count: 3 }, { db });
    expect(next).toEqual([utc("2027-06-14T06:00:00Z"), utc("2027-06-14T06:30:00Z"), utc("2027-06-14T07:00:00Z")]);
    // Horizon of 2 weeks ends Sunday 20 June: after Friday 18 June 18:00 nothing is left.
    expect(await nextFreeTimes({ ...base(), after: utc("2027-06-18T16:00:00Z"), count: 3 }, { db })).toEqual([]);
  });
});

describe("loadFreeWeek", () => {
  it("gives the week's free times and the next one, from the week itself or from further on", async () => {
    const thisWeek = await loadFreeWeek({ ...base(), fromDay: "2027-06-07", toDay: "2027-06-13" }, { db });
    expect(thisWeek!.days).toHaveLength(7);
    expect(thisWeek!.next).toEqual(utc("2027-06-07T06:00:00Z"));
    // A later week: the next free time is still this Monday's first.
    const later = await loadFreeWeek({ ...base(), fromDay: "2027-06-14", toDay: "2027-06-20" }, { db });
    expect(later!.days[0]!.starts[0]).toEqual(utc("2027-06-14T06:00:00Z"));
    expect(later!.next).toEqual(utc("2027-06-07T06:00:00Z"));
    // This week closed: the next free time is found the week after.
    await db
      .insert(absences)
      .values({ doctorId: practice.doctor.id, startsAt: utc("2027-06-06T22:00:00Z"), endsAt: utc("2027-06-13T22:00:00Z"), label: "Congés" });
    const closed = await loadFreeWeek({ ...base(), fromDay: "2027-06-07", toDay: "2027-06-13" }, { db });
    expect(closed!.days.every((d) => d.starts.length === 0)).toBe(true);
    expect(closed!.next).toEqual(utc("2027-06-14T06:00:00Z"));
    await db.update(onlineBookingSettings).set({ enabled: false }).where(eq(onlineBookingSettings.doctorId, practice.doctor.id));
    expect(await loadFreeWeek({ ...base(), fromDay: "2027-06-07", toDay: "2027-06-13" }, { db })).toBeNull();
  });
});

describe("checkBookableTime", () => {
  const check = (over: Partial<Parameters<typeof checkBookableTime>[1]> = {}) =>
    checkBookableTime(db, { ...base(), startsAt: utc("2027-06-07T08:00:00Z"), newPatient: false, ...over });

  it("accepts an offered time with its end, and says what is wrong with every other", async () => {
    expect(await check()).toEqual({ kind: "ok", endsAt: utc("2027-06-07T08:30:00Z") });
    // Off the motif's grid (10:10 is not a step from 08:00).
    expect(await check({ startsAt: utc("2027-06-07T08:10:00Z") })).toEqual({ kind: "not_offered" });
    // In the lunch break, and at night.
    expect(await check({ startsAt: utc("2027-06-07T10:30:00Z") })).toEqual({ kind: "not_offered" });
    expect(await check({ startsAt: utc("2027-06-07T01:00:00Z") })).toEqual({ kind: "past" });
    expect(await check({ startsAt: utc("2027-06-07T05:00:00Z") })).toEqual({ kind: "too_soon" });
    expect(await check({ startsAt: utc("2027-06-21T06:00:00Z") })).toEqual({ kind: "beyond_horizon" });
    expect(await check({ startsAt: new Date(Number.NaN) })).toEqual({ kind: "not_offered" });
    expect(await check({ visitReasonId: "00000000-0000-4000-8000-000000000000" })).toEqual({ kind: "motif_not_online" });
    expect(await check({ doctorId: "forged" })).toEqual({ kind: "booking_off" });
  });

  it("refuses a taken time, a motif closed to new patients for a new patient, and a doctor with booking off", async () => {
    await db.insert(appointments).values({
      doctorId: practice.doctor.id,
      patientId: practice.patientIds[0],
      startsAt: utc("2027-06-07T08:00:00Z"),
      endsAt: utc("2027-06-07T08:15:00Z"),
      bookedVia: "practice",
    });
    expect(await check()).toEqual({ kind: "not_offered" });
    expect(await check({ startsAt: utc("2027-06-07T08:15:00Z") })).toMatchObject({ kind: "ok" });
    await db.update(visitReasons).set({ openToNewPatients: false }).where(eq(visitReasons.id, practice.motifs.long));
    expect(await check({ startsAt: utc("2027-06-07T08:15:00Z"), newPatient: true })).toEqual({ kind: "new_patients_not_accepted" });
    expect(await check({ startsAt: utc("2027-06-07T08:15:00Z"), newPatient: false })).toMatchObject({ kind: "ok" });
    await db.update(onlineBookingSettings).set({ enabled: false }).where(eq(onlineBookingSettings.doctorId, practice.doctor.id));
    expect(await check({ startsAt: utc("2027-06-07T08:15:00Z") })).toEqual({ kind: "booking_off" });
  });
});

describe("settings and the public doctor", () => {
  it("reads the stored settings, the defaults for a doctor who never saved, and finds the doctor by slug", async () => {
    expect(await getOnlineBookingSettings(practice.doctor.id, { db })).toMatchObject({
      stored: true,
      enabled: true,
      slug: "dr-jos-hoffmann",
      horizonWeeks: 2,
    });
    expect(await getOnlineBookingSettings(practice.secretary.id, { db })).toMatchObject({
      stored: false,
      enabled: false,
      slug: null,
      minNoticeMinutes: 120,
    });
    expect(await findDoctorBySlug("dr-jos-hoffmann", { db })).toMatchObject({ id: practice.doctor.id, name: "Dr Jos Hoffmann", enabled: true });
    expect(await findDoctorBySlug("dr-nobody", { db })).toBeNull();
    expect(await findDoctorBySlug("../etc", { db })).toBeNull();
    await db.update(visitReasons).set({ bookableOnline: false }).where(eq(visitReasons.id, practice.motifs.consultation));
    expect((await listOnlineMotifs(practice.doctor.id, { db })).map((m) => m.label)).toEqual(["Suivi chronique"]);
  });
});
