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

// Accents folded for searching, one letter for one (SQL's translate() maps character to
// character): « Zoé », « Wiśniewski », « Łukasz » are found by « zoe », « wisniewski », « lukasz ».
// The same table folds the column in SQL (lib/search/folded-match.ts) and the typed words here.
export const FOLD_FROM = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšșţťŧțùúûüũūŭůűųŵýÿŷźżž";
const BASE_OVERRIDES: Record<string, string> = { đ: "d", ħ: "h", ı: "i", ł: "l", ŀ: "l", ø: "o", ŧ: "t" };
export const FOLD_TO = [...FOLD_FROM].map((c) => BASE_OVERRIDES[c] ?? c.normalize("NFD").replace(/\p{M}/gu, "")).join("");
const FOLD = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]));

/** Lower case, accents folded as FOLD_FROM → FOLD_TO: what a search compares. */
export function foldForSearch(text: string): string {
  return [...text.normalize("NFC").toLowerCase()].map((c) => FOLD.get(c) ?? c).join("");
}

/** The same as a zod field, for the query-string schemas. */
// optional(): a parameter left out of the query string is an empty search, not an error.
export const searchText = (max: number) => z.unknown().optional().transform((v) => cleanSearchText(v, max));
