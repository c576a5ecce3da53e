import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { escapeLike } from "@/lib/forms/search-text";

// Accents folded for searching, one letter for one (SQL's translate() maps character to
// character): « Zoé », « Wiśniewski », « Łukasz » are found by « zoe », « wisniewski », « lukasz ».
// The same table folds the stored names in SQL and the typed words here.
const FOLD_FROM = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšșţťŧțùúûüũūŭůűųŵýÿŷźżž";
const BASE_OVERRIDES: Record<string, string> = { đ: "d", ħ: "h", ı: "i", ł: "l", ŀ: "l", ø: "o", ŧ: "t" };
const FOLD_TO = [...FOLD_FROM].map((c) => BASE_OVERRIDES[c] ?? c.normalize("NFD").replace(/\p{M}/gu, "")).join("");
const FOLD = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]));

/** Lower case, accents folded as FOLD_FROM → FOLD_TO: what a search compares. */
function foldForSearch(text: string): string {
  return [...text.normalize("NFC").toLowerCase()].map((c) => FOLD.get(c) ?? c).join("");
}

/**
 * `expression` contains `typed`, whatever the case and the accents on either side (« zoe » finds
 * « Zoé »). LIKE's wildcards in `typed` are searched for, not interpreted.
 */
export function containsFolded(expression: AnyColumn | SQL, typed: string): SQL {
  return sql`translate(lower(${expression}), ${FOLD_FROM}, ${FOLD_TO}) like ${`%${escapeLike(foldForSearch(typed))}%`}`;
}
