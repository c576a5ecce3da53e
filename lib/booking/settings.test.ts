import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { onlineBookingSettings, onlineBookingWindows, users, visitReasons } from "@/db/schema";
import type { Database } from "@/db/client";
import { testPractice, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import { onlineBookingSettingsSchema } from "./schema";
import { readOnlineBookingSettings, saveOnlineBookingSettings } from "./settings";
import { baseSlug, firstFreeSlug } from "./slug";

let db: Database;
let first: TestPractice;
let second: TestPractice;

beforeAll(async () => {
  db = await freshDatabase();
  first = await testPractice(db, "Müller");
  second = await testPractice(db, "Müller");
});

const form = (over: Record<string, unknown> = {}) => ({
  enabled: "on",
  windowsMode: "opening",
  intervals: [],
  minNoticeMinutes: "120",
  horizonWeeks: "8",
  cancellationDeadlineHours: "24",
  reminder: "24",
  showReviews: "",
  motifs: [],
  ...over,
});

describe("online booking settings form", () => {
  it("turns the form into settings, and refuses bad choices with French messages under each field", () => {
    const ok = onlineBookingSettingsSchema.parse(
      form({ reminder: "none", windowsMode: "custom", intervals: [{ weekday: "1", start: "16:00", end: "18:00" }] }),
    );
    expect(ok).toMatchObject({
      enabled: true,
      customWindows: true,
      reminderHours: null,
      windows: [{ weekday: 1, startMinute: 960, endMinute: 1080 }],
    });
    const bad = onlineBookingSettingsSchema.safeParse(
      form({
        horizonWeeks: "27",
        minNoticeMinutes: "7",
        reminder: "12",
        windowsMode: "custom",
        intervals: [{ weekday: "1", start: "18:00", end: "16:00" }],
      }),
    );
    expect(bad.success).toBe(false);
    const paths = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(paths.horizonWeeks).toBe("L'horizon de réservation va de 1 à 26 semaines.");
    expect(paths.minNoticeMinutes).toMatch(/délai minimum/);
    expect(paths.reminder).toMatch(/rappel/);
    // Custom windows checked only once the rest is valid: fix the others and the window speaks.
    const windowOnly = onlineBookingSettingsSchema.safeParse(
      form({ windowsMode: "custom", intervals: [{ weekday: "1", start: "18:00", end: "16:00" }] }),
    );
    expect(windowOnly.error!.issues[0]).toMatchObject({
      path: ["intervals", 0, "end"],
      message: "L'heure de fin doit venir après l'heure de début.",
    });
  });

  it("makes a readable slug on the first save, numbered when taken, kept afterwards", async () => {
    expect(baseSlug({ firstName: "Élise", lastName: "Müller-Weber" })).toBe("dr-elise-muller-weber");
    expect(firstFreeSlug("dr-a", new Set(["dr-a", "dr-a-2"]))).toBe("dr-a-3");
    const input = onlineBookingSettingsSchema.parse(form());
    expect(await saveOnlineBookingSettings(first.direct, input, { db })).toEqual({ kind: "done", slug: "dr-jos-muller", enabled: true });
    expect(await saveOnlineBookingSettings(second.viaSecretary, input, { db })).toEqual({ kind: "done", slug: "dr-jos-muller-2", enabled: true });
    await db.update(users).set({ lastName: "Schmit" }).where(eq(users.id, first.doctor.id));
    expect(await saveOnlineBookingSettings(first.direct, { ...input, enabled: false }, { db })).toEqual({
      kind: "done",
      slug: "dr-jos-muller",
      enabled: false,
    });
  });

  it("saves custom windows and motif flags, and writes nothing when a motif is another doctor's", async () => {
    const input = onlineBookingSettingsSchema.parse(
      form({
        windowsMode: "custom",
        intervals: [{ weekday: "2", start: "08:00", end: "16:00" }],
        motifs: [
          { id: first.motifs.consultation, bookableOnline: "on", openToNewPatients: "" },
          { id: first.motifs.long, bookableOnline: "", openToNewPatients: "on" },
        ],
      }),
    );
    expect(await saveOnlineBookingSettings(first.direct, input, { db })).toMatchObject({ kind: "done" });
    const view = await readOnlineBookingSettings(first.direct, { db });
    expect(view.settings).toMatchObject({ enabled: true, customWindows: true });
    expect(view.windows).toEqual([{ weekday: 2, startMinute: 480, endMinute: 960 }]);
    expect(view.motifs.find((m) => m.id === first.motifs.consultation)).toMatchObject({ bookableOnline: true, openToNewPatients: false });
    const forged = { ...input, horizonWeeks: 3, motifs: [{ id: second.motifs.long, bookableOnline: true, openToNewPatients: true }] };
    expect(await saveOnlineBookingSettings(first.direct, forged, { db })).toEqual({ kind: "motif-not-found" });
    const [row] = await db.select().from(onlineBookingSettings).where(eq(onlineBookingSettings.doctorId, first.doctor.id));
    expect(row!.horizonWeeks).toBe(8);
    expect((await db.select().from(visitReasons).where(eq(visitReasons.id, second.motifs.long)))[0]!.bookableOnline).toBe(false);
    // Back to the opening hours: the custom windows go.
    await saveOnlineBookingSettings(first.direct, onlineBookingSettingsSchema.parse(form()), { db });
    expect(await db.select().from(onlineBookingWindows).where(eq(onlineBookingWindows.doctorId, first.doctor.id))).toEqual([]);
  });
});
