import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { escapeLike, FOLD_FROM, FOLD_TO, foldForSearch } from "@/lib/forms/search-text";

/**
 * `expression` contains `typed`, whatever the case and the accents on either side (« zoe » finds
 * « Zoé »). LIKE's wildcards in `typed` are searched for, not interpreted.
 */
export function containsFolded(expression: AnyColumn | SQL, typed: string): SQL {
  return sql`translate(lower(${expression}), ${FOLD_FROM}, ${FOLD_TO}) like ${`%${escapeLike(foldForSearch(typed))}%`}`;
}
