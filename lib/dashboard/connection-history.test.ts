import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { connectionLog, sessions, users } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { connectionHistoryPage } from "./connection-history";
import { decodeHistoryCursor, encodeHistoryCursor } from "./history-cursor";
import type { HistoryQuery } from "./schema";
import type { ConnectionHistoryPage } from "./types";

let db: Awaited<ReturnType<typeof freshDatabase>>;
let doctorId: string;
let otherDoctorId: string;
let secretaryId: string;
let sessionId: string;

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

function viewer(mode: "direct" | "secretary" = "direct") {
  return { doctor: { id: doctorId }, mode, session: { id: sessionId } } as Parameters<typeof connectionHistoryPage>[0];
}

const query = (over: Partial<HistoryQuery> = {}): HistoryQuery => ({ mode: null, cursor: null, limit: 20, ...over });

/** `count` connections of `accountId`, one a minute from `start`, the newest last; returns their ids. */
async function connections(accountId: string, count: number, start: string, extra: Partial<typeof connectionLog.$inferInsert> = {}) {
  const base = new Date(start).getTime();
  const rows = await db
    .insert(connectionLog)
    .values(
      Array.from({ length: count }, (_, i) => ({
        accountId,
        actorId: accountId,
        mode: "direct" as const,
        ip: `192.0.2.${(i % 250) + 1}`,
        userAgent: CHROME,
        at: new Date(base + i * 60_000),
        ...extra,
      })),
    )
    .returning({ id: connectionLog.id });
  return rows.map((r) => String(r.id));
}

/** Every row id the viewer reaches by following « Plus anciennes » from the first page. */
async function walkOlder(q: HistoryQuery, between?: () => Promise<void>) {
  const seen: string[] = [];
  let page: ConnectionHistoryPage | null = await connectionHistoryPage(viewer(), q);
  for (let guard = 0; page && guard < 100; guard++) {
    seen.push(...page.rows.map((r) => r.id));
    if (!page.olderCursor) break;
    await between?.();
    page = await connectionHistoryPage(viewer(), { ...q, cursor: decodeHistoryCursor(page.olderCursor) });
  }
  return seen;
}

async function allIdsNewestFirst(accountId: string) {
  const rows = await db
    .select({ id: connectionLog.id })
    .from(connectionLog)
    .where(sql`${connectionLog.accountId} = ${accountId}`)
    .orderBy(sql`${connectionLog.at} DESC, ${connectionLog.id} DESC`);
  return rows.map((r) => String(r.id));
}

beforeEach(async () => {
  db = await freshDatabase();
  const inserted = await db
    .insert(users)
    .values([
      { email: "doc@example.lu", role: "doctor", doctorKind: "medecin", title: "Dr", firstName: "Jos", lastName: "Kieffer" },
      { email: "other@example.lu", role: "doctor", doctorKind: "medecin", title: "Dr", firstName: "Lis", lastName: "Faber" },
      { email: "sec@example.lu", role: "secretary", firstName: "Sophie", lastName: "Muller" },
    ])
    .returning();
  [doctorId, otherDoctorId, secretaryId] = inserted.map((u) => u.id) as [string, string, string];
  const [session] = await db
    .insert(sessions)
    .values({ userId: doctorId, ip: "192.0.2.1", userAgent: CHROME, expiresAt: new Date(Date.now() + 3_600_000) })
    .returning();
  sessionId = session!.id;
});

describe("keyset pagination", () => {
  it("walks every row once, newest first, 20 a page, and never another doctor's", async () => {
    await connections(doctorId, 47, "2026-03-01T08:00:00Z");
    await connections(otherDoctorId, 30, "2026-03-01T08:00:30Z");
    const first = await connectionHistoryPage(viewer(), query());
    expect(first?.rows).toHaveLength(20);
    expect(first?.newerCursor).toBeNull();
    const seen = await walkOlder(query());
    expect(seen).toEqual(await allIdsNewestFirst(doctorId));
    expect(seen).toHaveLength(47);
  });

  it("neither skips nor repeats a row when connections arrive between pages", async () => {
    await connections(doctorId, 45, "2026-03-01T08:00:00Z");
    const before = await allIdsNewestFirst(doctorId);
    let minute = 0;
    const seen = await walkOlder(query(), async () => {
      // New sign-ins land on top of the history while the doctor reads older pages.
      await connections(doctorId, 3, new Date(Date.parse("2026-04-01T08:00:00Z") + minute++ * 600_000).toISOString());
    });
    expect(seen).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("orders rows of the same instant by id, across a page boundary", async () => {
    // 25 sign-ins recorded at the very same microsecond.
    await connections(doctorId, 25, "2026-03-01T08:00:00Z", { at: new Date("2026-03-01T08:00:00Z") });
    await db.execute(sql`UPDATE connection_log SET at = '2026-03-01T08:00:00.123456Z'`);
    const seen = await walkOlder(query({ limit: 10 }));
    expect(seen).toEqual(await allIdsNewestFirst(doctorId));
    expect(new Set(seen).size).toBe(25);
  });

  it("keeps rows a few microseconds apart, which a millisecond cursor would lose", async () => {
    await connections(doctorId, 3, "2026-03-01T08:00:00Z");
    await db.execute(sql`UPDATE connection_log SET at = '2026-03-01T08:00:00.123000Z'::timestamptz + (id % 3) * interval '100 microseconds'`);
    const seen = await walkOlder(query({ limit: 1 }));
    expect(seen).toEqual(await allIdsNewestFirst(doctorId));
    expect(seen).toHaveLength(3);
  });

  it("goes back to more recent rows, and shows a full first page at the top", async () => {
    await connections(doctorId, 50, "2026-03-01T08:00:00Z");
    const ids = await allIdsNewestFirst(doctorId);
    const page1 = await connectionHistoryPage(viewer(), query());
    const page2 = await connectionHistoryPage(viewer(), query({ cursor: decodeHistoryCursor(page1!.olderCursor!) }));
    const page3 = await connectionHistoryPage(viewer(), query({ cursor: decodeHistoryCursor(page2!.olderCursor!) }));
    expect(page3!.rows.map((r) => r.id)).toEqual(ids.slice(40, 50));
    expect(page3!.olderCursor).toBeNull();
    const back = await connectionHistoryPage(viewer(), query({ cursor: decodeHistoryCursor(page3!.newerCursor!) }));
    expect(back!.rows.map((r) => r.id)).toEqual(ids.slice(20, 40));
    // Two new sign-ins: « Plus récentes » from page 2 gives page 1 as it was, then one more step
    // gives the 20 newest (not just the 2 new rows above page 1).
    await connections(doctorId, 2, "2026-04-01T08:00:00Z");
    const previous = await connectionHistoryPage(viewer(), query({ cursor: decodeHistoryCursor(back!.newerCursor!) }));
    expect(previous!.rows.map((r) => r.id)).toEqual(ids.slice(0, 20));
    const top = await connectionHistoryPage(viewer(), query({ cursor: decodeHistoryCursor(previous!.newerCursor!) }));
    expect(top!.rows.map((r) => r.id)).toEqual((await allIdsNewestFirst(doctorId)).slice(0, 20));
    expect(top!.newerCursor).toBeNull();
    expect(top!.olderCursor).not.toBeNull();
  });

  it("filters by mode with the secretary's name, and keeps paging inside the filter", async () => {
    await connections(doctorId, 30, "2026-03-01T08:00:00Z");
    await connections(doctorId, 25, "2026-03-01T08:00:20Z", { actorId: secretaryId, mode: "secretary" });
    const seen = await walkOlder(query({ mode: "secretary" }));
    expect(seen).toHaveLength(25);
    const page = await connectionHistoryPage(viewer(), query({ mode: "secretary" }));
    expect(page!.rows.every((r) => r.mode === "secretary" && r.secretaryName === "Sophie Muller")).toBe(true);
    const direct = await connectionHistoryPage(viewer(), query({ mode: "direct" }));
    expect(direct!.rows.every((r) => r.mode === "direct" && r.secretaryName === null)).toBe(true);
  });
});

describe("each row", () => {
  it("says which browser and system, and marks the current session", async () => {
    await connections(doctorId, 1, "2026-03-01T08:00:00Z");
    await connections(doctorId, 1, "2026-03-01T09:00:00Z", { sessionId, userAgent: "" });
    const page = await connectionHistoryPage(viewer(), query());
    expect(page!.rows.map((r) => [r.current, r.browser, r.os])).toEqual([
      [true, "Navigateur inconnu", "Système inconnu"],
      [false, "Chrome 131", "Windows 10"],
    ]);
  });
});

describe("refused or clamped input", () => {
  it("shows a secretary nothing, whatever she asks", async () => {
    await connections(doctorId, 5, "2026-03-01T08:00:00Z");
    expect(await connectionHistoryPage(viewer("secretary"), query())).toBeNull();
    expect(await connectionHistoryPage(viewer("secretary"), query({ mode: "secretary", limit: 100 }))).toBeNull();
  });

  it("brings a page size of 10,000 down to 100 and -1 back to 20", async () => {
    await connections(doctorId, 130, "2026-03-01T08:00:00Z");
    expect((await connectionHistoryPage(viewer(), query({ limit: 10_000 })))!.rows).toHaveLength(100);
    expect((await connectionHistoryPage(viewer(), query({ limit: -1 })))!.rows).toHaveLength(20);
    expect((await connectionHistoryPage(viewer(), query({ limit: 0 })))!.rows).toHaveLength(20);
    expect((await connectionHistoryPage(viewer(), query({ limit: Number.NaN })))!.rows).toHaveLength(20);
  });

  it("answers a cursor taken from another doctor's history with this doctor's rows only", async () => {
    await connections(doctorId, 5, "2026-03-01T08:00:00Z");
    const theirs = await connections(otherDoctorId, 5, "2026-03-01T08:00:30Z");
    const [row] = await db
      .select()
      .from(connectionLog)
      .where(sql`${connectionLog.id} = ${theirs[4]}`);
    const micros = String(row!.at.getTime() * 1000);
    for (const direction of ["older", "newer"] as const) {
      const page = await connectionHistoryPage(viewer(), query({ cursor: { direction, atMicros: micros, id: theirs[4]! } }));
      const mine = new Set(await allIdsNewestFirst(doctorId));
      expect(page!.rows.length).toBeGreaterThan(0);
      expect(page!.rows.every((r) => mine.has(r.id))).toBe(true);
    }
  });

  it("answers extreme cursors with an empty page or the first page, without an error", async () => {
    await connections(doctorId, 5, "2026-03-01T08:00:00Z");
    const beforeEverything = await connectionHistoryPage(viewer(), query({ cursor: { direction: "older", atMicros: "0", id: "0" } }));
    expect(beforeEverything!.rows).toEqual([]);
    expect(beforeEverything!.olderCursor).toBeNull();
    expect(beforeEverything!.newerCursor).not.toBeNull();
    const farFuture = decodeHistoryCursor(encodeHistoryCursor({ direction: "newer", atMicros: "9999999999999999", id: "999999999999999999" }));
    const top = await connectionHistoryPage(viewer(), query({ cursor: farFuture }));
    expect(top!.rows).toHaveLength(5);
    expect(top!.newerCursor).toBeNull();
  });
});
