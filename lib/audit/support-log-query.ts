import "server-only";
import { and, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import * as z from "@/lib/forms/zod";
import { escapeLike, searchText } from "@/lib/forms/search-text";
import { auditLog } from "@/db/schema";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format/datetime";
import { dayBounds, parseDay } from "@/lib/time/luxembourg";
import { AUDIT_ACTIONS, type AuditAction } from "./support-log";

export const AUDIT_PAGE_SIZE = 50;

// A real calendar day (« 2026-13-45 » matched a bare pattern and made the page fail with a 500).
// Years outside lib/time's range are dropped like any other impossible day.
const day = z.iso
  .date()
  .refine((d) => parseDay(d) !== null)
  .optional()
  .catch(undefined);

/** The journal's filters, from the query string; unexpected values are dropped. */
export const auditFilterSchema = z.object({
  action: z
    .enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]])
    .optional()
    .catch(undefined),
  q: searchText(320),
  du: day,
  au: day,
  avant: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

function where(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.action) parts.push(eq(auditLog.action, filter.action));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    parts.push(or(ilike(auditLog.actorLabel, pattern), ilike(auditLog.targetLabel, pattern))!);
  }
  // Days are Luxembourg calendar days, "au" included.
  if (filter.du) parts.push(gte(auditLog.at, dayBounds(filter.du).start));
  if (filter.au) parts.push(lt(auditLog.at, dayBounds(filter.au).end));
  return parts.length ? and(...parts) : undefined;
}

/** One page of the journal, newest first (keyset on id). */
export async function auditPage(filter: AuditFilter) {
  const rows = await getDb()
    .select()
    .from(auditLog)
    .where(and(where(filter), filter.avant ? lt(auditLog.id, filter.avant) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, next: more ? page[page.length - 1]!.id : null };
}

function csvCell(value: string): string {
  // Quote everything; neutralise spreadsheet formulas (a reason starting with "=" must stay text).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The whole filtered journal as CSV (UTC and Luxembourg times, both). */
export async function auditCsv(filter: AuditFilter): Promise<string> {
  const rows = await getDb().select().from(auditLog).where(where(filter)).orderBy(desc(auditLog.id)).limit(100_000);
  const header = ["id", "utc", "heure_luxembourg", "acteur", "action", "cible", "raison", "ip", "details", "hash"];
  const lines = rows.map((r) =>
    [String(r.id), r.at.toISOString(), formatDateTime(r.at), r.actorLabel, r.action, r.targetLabel ?? "", r.reason, r.ip, r.details, r.hash]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
