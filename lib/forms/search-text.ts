import * as z from "./zod";

// Text a person typed into a search box or that arrives in a query string, made safe to compare
// in SQL: control characters go (PostgreSQL refuses a NUL byte in text with an error, which was a
// 500), and it is trimmed and cut to `max`. Never refused: a search with odd characters finds
// nothing rather than failing.

const CONTROL = /\p{Cc}/gu;

export function cleanSearchText(value: unknown, max: number): string {
  return typeof value === "string" ? value.replace(CONTROL, "").trim().slice(0, max) : "";
}

/** « LIKE » metacharacters typed in a search box are searched for, not interpreted. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The same as a zod field, for the query-string schemas. */
// optional(): a parameter left out of the query string is an empty search, not an error.
export const searchText = (max: number) =>
  z
    .unknown()
    .optional()
    .transform((v) => cleanSearchText(v, max));
