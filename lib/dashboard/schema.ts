import * as z from "@/lib/forms/zod";
import { decodeHistoryCursor, type HistoryCursor } from "./history-cursor";
import type { ConnectionMode } from "./types";

// Everything the dashboard reads from a request: the history's filter and position. The doctor is
// never among them: it comes from the guard.

export const HISTORY_PAGE_SIZE = 20;
export const HISTORY_MAX_PAGE_SIZE = 100;

/** The filter as the address bar spells it (French), and what it means. */
export const HISTORY_MODE_PARAM = { directe: "direct", secretariat: "secretary" } as const satisfies Record<string, ConnectionMode>;
export type HistoryModeParam = keyof typeof HISTORY_MODE_PARAM;

export type HistoryQuery = {
  mode: ConnectionMode | null;
  cursor: HistoryCursor | null;
  limit: number;
};

/** A page size between 1 and 100: too large is brought down, nonsense falls back to 20. */
export const pageSizeSchema = z
  .number()
  .int()
  .positive()
  .transform((n) => Math.min(n, HISTORY_MAX_PAGE_SIZE))
  .catch(HISTORY_PAGE_SIZE);

const single = z.string().max(200).optional().catch(undefined);
const modeParamSchema = z.enum(Object.keys(HISTORY_MODE_PARAM) as [HistoryModeParam, ...HistoryModeParam[]]);
const searchParamsSchema = z.object({
  mode: z.union([z.string(), z.array(z.string())]).optional(),
  curseur: z.union([z.string(), z.array(z.string())]).optional(),
});

export type HistoryNotice = "unknown-filter" | "invalid-cursor";

/**
 * The history query asked for by a page's search parameters. Anything unusable is dropped with a
 * notice for the page to show (the unfiltered first page is always a safe answer).
 */
export function parseHistorySearchParams(params: Record<string, string | string[] | undefined>): {
  query: HistoryQuery;
  notices: HistoryNotice[];
} {
  const raw = searchParamsSchema.catch({}).parse(params);
  const notices: HistoryNotice[] = [];

  let mode: ConnectionMode | null = null;
  if (raw.mode !== undefined) {
    const value = modeParamSchema.safeParse(raw.mode);
    if (value.success) mode = HISTORY_MODE_PARAM[value.data];
    else notices.push("unknown-filter");
  }

  let cursor: HistoryCursor | null = null;
  if (raw.curseur !== undefined) {
    const value = single.parse(raw.curseur);
    cursor = value === undefined ? null : decodeHistoryCursor(value);
    if (!cursor) notices.push("invalid-cursor");
  }

  return { query: { mode, cursor, limit: HISTORY_PAGE_SIZE }, notices };
}

/** The address parameter for a mode filter, or undefined for « toutes ». */
export function modeParam(mode: ConnectionMode | null): HistoryModeParam | undefined {
  if (mode === "direct") return "directe";
  if (mode === "secretary") return "secretariat";
  return undefined;
}
