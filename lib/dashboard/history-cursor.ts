import * as z from "@/lib/forms/zod";

// A position in a connection history: the (at, id) of the row a page stops at, and which way to
// read from it. Keyset pagination (docs/decisions/0007): the next page is "rows after this one in
// (at DESC, id DESC) order", found through the index, however deep the page is.
//
// `at` travels as whole microseconds since 1970 because PostgreSQL keeps microseconds and a
// JavaScript Date only milliseconds: a rounded cursor would skip rows of the same millisecond.

export type HistoryCursor = {
  direction: "older" | "newer";
  /** Microseconds since 1970-01-01 UTC, as digits. */
  atMicros: string;
  /** connection_log.id, as digits. */
  id: string;
};

const DIRECTION = { o: "older", n: "newer" } as const;

// 16 digits of microseconds reach the year 2286; 18 digits stay inside a bigint.
const decodedCursor = z
  .string()
  .regex(/^([on])\.(\d{1,16})\.(\d{1,18})$/)
  .transform((value): HistoryCursor => {
    const [direction, atMicros, id] = value.split(".") as ["o" | "n", string, string];
    return { direction: DIRECTION[direction], atMicros, id };
  });

export function encodeHistoryCursor(cursor: HistoryCursor): string {
  const direction = cursor.direction === "older" ? "o" : "n";
  return Buffer.from(`${direction}.${cursor.atMicros}.${cursor.id}`).toString("base64url");
}

/** The cursor, or null for anything that is not one this app wrote (never an exception). */
export function decodeHistoryCursor(raw: string): HistoryCursor | null {
  if (raw.length > 64 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const parsed = decodedCursor.safeParse(Buffer.from(raw, "base64url").toString("latin1"));
  return parsed.success ? parsed.data : null;
}
