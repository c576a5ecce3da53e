import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { documentCounters } from "@/db/schema";

// Document numbers (« 2026-000123 »): one counter row per doctor and year, moved by one atomic
// statement inside the transaction that inserts the document (docs/decisions/0010). Concurrent
// creations queue on the row lock and each gets the next value; a creation that fails rolls its
// increment back with it, so the numbers have neither gaps nor duplicates. Takes the transaction
// as input (no getDb here), which is also how the demo seed uses it.

export type DocumentNumber = { year: number; sequence: number; number: string };

type Tx = Pick<Database, "insert">;

export function formatDocumentNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, "0")}`;
}

/** The next number of `doctorId` for `year`. Call inside the transaction that inserts the document. */
export async function allocateDocumentNumber(tx: Tx, doctorId: string, year: number): Promise<DocumentNumber> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ doctorId, year, last: 1 })
    .onConflictDoUpdate({ target: [documentCounters.doctorId, documentCounters.year], set: { last: sql`${documentCounters.last} + 1` } })
    .returning({ last: documentCounters.last });
  const sequence = row!.last;
  return { year, sequence, number: formatDocumentNumber(year, sequence) };
}

/** The Luxembourg calendar year of an instant: a note issued on 31 December at 23:30 is of that year. */
export function luxembourgYear(now: Date): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Luxembourg", year: "numeric" }).format(now));
}
