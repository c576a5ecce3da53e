import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { connectionLog, users } from "@/db/schema";
import type { PracticeAccess } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { displayName } from "@/lib/users/display-name";
import { encodeHistoryCursor, type HistoryCursor } from "./history-cursor";
import { pageSizeSchema, type HistoryQuery } from "./schema";
import type { ConnectionHistoryPage, ConnectionHistoryRow } from "./types";
import { describeUserAgent } from "./user-agent";

// A doctor's connection history, newest first, in pages found by keyset (docs/decisions/0007):
// every page is one range scan of connection_log_account_at_idx (or its per-mode twin), as fast
// a thousand rows deep as on the first page, and rows arriving meanwhile never shift a page.

type Viewer = Pick<PracticeAccess, "doctor" | "mode" | "session">;

const atMicros = sql<string>`(extract(epoch from ${connectionLog.at}) * 1000000)::bigint::text`;

function cursorInstant(cursor: HistoryCursor): SQL {
  return sql`('epoch'::timestamptz + ${cursor.atMicros}::bigint * interval '1 microsecond')`;
}

/** Rows strictly after (older) or before (newer) the cursor's row, in (at, id) order. */
function beyond(cursor: HistoryCursor, direction: "older" | "newer"): SQL {
  return direction === "older"
    ? sql`(${connectionLog.at}, ${connectionLog.id}) < (${cursorInstant(cursor)}, ${cursor.id}::bigint)`
    : sql`(${connectionLog.at}, ${connectionLog.id}) > (${cursorInstant(cursor)}, ${cursor.id}::bigint)`;
}

async function fetchRows(doctorId: string, mode: HistoryQuery["mode"], cursor: HistoryCursor | null, limit: number) {
  const direction = cursor?.direction ?? "older";
  // The indexes are (account_id[, mode], at DESC NULLS LAST, id DESC NULLS LAST): only this exact
  // order (or its reverse) reads them in order; plain « DESC » means NULLS FIRST and makes
  // PostgreSQL sort every row of the doctor instead (the columns are never null anyway).
  const order = direction === "older" ? sql.raw("DESC NULLS LAST") : sql.raw("ASC NULLS FIRST");
  return getDb()
    .select({
      id: connectionLog.id,
      at: connectionLog.at,
      atMicros,
      ip: connectionLog.ip,
      userAgent: connectionLog.userAgent,
      mode: connectionLog.mode,
      sessionId: connectionLog.sessionId,
      actor: { title: users.title, firstName: users.firstName, lastName: users.lastName },
    })
    .from(connectionLog)
    .innerJoin(users, eq(users.id, connectionLog.actorId))
    .where(
      and(eq(connectionLog.accountId, doctorId), mode ? eq(connectionLog.mode, mode) : undefined, cursor ? beyond(cursor, direction) : undefined),
    )
    .orderBy(sql`${connectionLog.at} ${order}`, sql`${connectionLog.id} ${order}`)
    .limit(limit);
}

async function anyBeyond(doctorId: string, mode: HistoryQuery["mode"], cursor: HistoryCursor, direction: "older" | "newer") {
  const rows = await getDb()
    .select({ id: connectionLog.id })
    .from(connectionLog)
    .where(and(eq(connectionLog.accountId, doctorId), mode ? eq(connectionLog.mode, mode) : undefined, beyond(cursor, direction)))
    .limit(1);
  return rows.length > 0;
}

type FetchedRow = Awaited<ReturnType<typeof fetchRows>>[number];

const positionOf = (row: FetchedRow, direction: HistoryCursor["direction"]): HistoryCursor => ({
  direction,
  atMicros: row.atMicros,
  id: String(row.id),
});

/**
 * One page of the history of the practice's own doctor account. Only the doctor in person reads
 * it: for a secretary working for the doctor the answer is null, whatever she asks.
 */
export async function connectionHistoryPage(viewer: Viewer, query: HistoryQuery): Promise<ConnectionHistoryPage | null> {
  if (viewer.mode !== "direct") return null;
  const doctorId = viewer.doctor.id;
  const limit = pageSizeSchema.parse(query.limit);
  const { mode } = query;
  let cursor = query.cursor;

  let fetched = await fetchRows(doctorId, mode, cursor, limit + 1);
  let hasNewer: boolean;
  let hasOlder: boolean;
  if (cursor?.direction === "newer") {
    hasNewer = fetched.length > limit;
    fetched = fetched.slice(0, limit).reverse();
    if (!hasNewer) {
      // Back at the top: show a full first page rather than the few rows left above the cursor.
      cursor = null;
      fetched = await fetchRows(doctorId, mode, null, limit + 1);
      hasOlder = fetched.length > limit;
      fetched = fetched.slice(0, limit);
    } else {
      const last = fetched.at(-1);
      hasOlder = last ? await anyBeyond(doctorId, mode, positionOf(last, "older"), "older") : false;
    }
  } else {
    hasOlder = fetched.length > limit;
    fetched = fetched.slice(0, limit);
    const first = fetched[0];
    hasNewer = cursor !== null && (await anyBeyond(doctorId, mode, first ? positionOf(first, "newer") : cursor, "newer"));
  }

  const rows: ConnectionHistoryRow[] = fetched.map((row) => ({
    id: String(row.id),
    at: row.at,
    ip: row.ip,
    mode: row.mode,
    secretaryName: row.mode === "secretary" ? displayName(row.actor) : null,
    ...describeUserAgent(row.userAgent),
    current: row.sessionId !== null && row.sessionId === viewer.session.id,
  }));
  const first = fetched[0];
  const last = fetched.at(-1);
  return {
    rows,
    mode,
    // An empty page (a cursor past the oldest row) still leads back up from where it stands.
    newerCursor: hasNewer ? encodeHistoryCursor(first ? positionOf(first, "newer") : { ...cursor!, direction: "newer" }) : null,
    olderCursor: hasOlder && last ? encodeHistoryCursor(positionOf(last, "older")) : null,
  };
}
