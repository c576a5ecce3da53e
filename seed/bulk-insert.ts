import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

// Inserting many rows, two ways. `insertInBatches`: Drizzle's insert, a slice of rows per
// statement (PostgreSQL takes at most 65,535 parameters in one), for the demo seed and the few
// thousand rows of the large one. `bulkInsert`: each column travels as one PostgreSQL array
// parameter and `unnest` turns the arrays back into rows, a few parameters per statement instead of
// one per value, so a batch of 20,000 rows is one round trip (same SQL on PGlite and PostgreSQL).

/** Runs `insert` on consecutive slices of `rows`, `size` rows each, one after the other. */
export async function insertInBatches<T>(rows: readonly T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export type BulkColumn = {
  name: string;
  /** PostgreSQL type of the array elements: uuid, text, int, date, timestamp, timestamptz… */
  type: string;
  /** What is inserted, as SQL over the unnested value `v.<name>`; the value itself by default. */
  as?: string;
  /** Not a column of the table: a value the other columns' SQL (`as`, computed) reads. */
  valueOnly?: boolean;
};

type Value = string | number | null;

function arrayLiteral(values: Value[]): string {
  const items = values.map((v) => (v === null ? "NULL" : `"${String(v).replace(/[\\"]/g, "\\$&")}"`));
  return `{${items.join(",")}}`;
}

/** `values` holds one array per column, in `columns` order, all of one length. */
export async function bulkInsert(
  db: Pick<Database, "execute">,
  table: string,
  columns: BulkColumn[],
  values: Value[][],
  computed: Record<string, string> = {},
): Promise<void> {
  if (!/^[a-z_]+$/.test(table) || columns.some((c) => !/^[a-z_]+$/.test(c.name) || !/^[a-z]+$/.test(c.type))) {
    throw new Error("bulkInsert: unexpected identifier");
  }
  const inserted = columns.filter((c) => !c.valueOnly);
  const names = [...inserted.map((c) => c.name), ...Object.keys(computed)];
  const arrays = sql.join(
    columns.map((c, i) => sql`${arrayLiteral(values[i] ?? [])}::${sql.raw(c.type)}[]`),
    sql`, `,
  );
  const selected = [...inserted.map((c) => c.as ?? `v.${c.name}`), ...Object.values(computed)].join(", ");
  await db.execute(sql`
    INSERT INTO ${sql.raw(table)} (${sql.raw(names.join(", "))})
    SELECT ${sql.raw(selected)}
    FROM unnest(${arrays}) AS v(${sql.raw(columns.map((c) => c.name).join(", "))})
  `);
}
