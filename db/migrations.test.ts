import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { describe, expect, it } from "vitest";
import { openPglite } from "./pglite";
import * as schema from "./schema";

// 0009_agenda on a database that already holds appointments, as an embedded demo folder or a
// production database seeded before it do: overlapping ones must not stop the migration.

const MIGRATIONS = path.resolve("db/migrations");

/** A copy of db/migrations holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doctipro-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify(journal));
  for (const { tag } of journal.entries) fs.copyFileSync(path.join(MIGRATIONS, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  return dir;
}

type Rows<T> = { rows: T[] };

describe("migration 0009_agenda on stored appointments", () => {
  it("fills ends_at, turns the later-created of overlapping appointments « en surnombre », then forbids overlaps", async () => {
    const client = openPglite("memory://");
    const db = drizzle(client, { schema });
    const before = migrationsUpTo(9);
    await migrate(db, { migrationsFolder: before });
    fs.rmSync(before, { recursive: true, force: true });

    await client.exec(`
      INSERT INTO users (id, email, role, doctor_kind, first_name, last_name) VALUES
        ('00000000-0000-4000-8000-000000000001', 'a@example.lu', 'doctor', 'medecin', 'Ana', 'A'),
        ('00000000-0000-4000-8000-000000000002', 'b@example.lu', 'doctor', 'medecin', 'Ben', 'B');
      INSERT INTO patients (id, doctor_id, first_name, last_name, birth_date, matricule) VALUES
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'P', 'One', '1980-05-02', '1980050212345'),
        ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000002', 'Q', 'Two', '1980-05-02', '1980050212345');
    `);
    const appointment = (n: number, doctor: 1 | 2, start: string, minutes: number, status: string, created: string) => sql`
      INSERT INTO appointments (id, doctor_id, patient_id, starts_at, duration_minutes, status, booked_via, created_at)
      VALUES (${`00000000-0000-4000-8000-00000000100${n}`}, ${`00000000-0000-4000-8000-00000000000${doctor}`},
              ${doctor === 1 ? "00000000-0000-4000-8000-0000000000a1" : "00000000-0000-4000-8000-0000000000b1"},
              ${start}::timestamptz, ${minutes}, ${status}::appointment_status, 'practice', ${created}::timestamptz)`;
    // Doctor 1, 8 June 2026 (UTC): 1 at 08:00–08:30; 2 at 08:15–08:30 created later (overlaps 1);
    // 3 at 08:20 created before 2 but after 1 (overlaps 1); 4 at 08:30 (touches, no overlap);
    // 5 at 08:00 cancelled (never counts); doctor 2's 6 at 08:00 (another agenda).
    await db.execute(appointment(1, 1, "2026-06-08T08:00:00Z", 30, "done", "2026-06-01T10:00:00Z"));
    await db.execute(appointment(2, 1, "2026-06-08T08:15:00Z", 15, "booked", "2026-06-03T10:00:00Z"));
    await db.execute(appointment(3, 1, "2026-06-08T08:20:00Z", 20, "no_show", "2026-06-02T10:00:00Z"));
    await db.execute(appointment(4, 1, "2026-06-08T08:30:00Z", 15, "booked", "2026-06-04T10:00:00Z"));
    await db.execute(appointment(5, 1, "2026-06-08T08:00:00Z", 60, "cancelled", "2026-05-01T10:00:00Z"));
    await db.execute(appointment(6, 2, "2026-06-08T08:00:00Z", 30, "booked", "2026-06-05T10:00:00Z"));

    await migrate(db, { migrationsFolder: MIGRATIONS });

    const rows = (await db.execute(sql`
      SELECT right(id::text, 1) AS n, overbooked, to_char(ends_at AT TIME ZONE 'UTC', 'HH24:MI') AS ends
      FROM appointments ORDER BY id
    `)) as unknown as Rows<{ n: string; overbooked: boolean; ends: string }>;
    expect(rows.rows).toEqual([
      { n: "1", overbooked: false, ends: "08:30" },
      { n: "2", overbooked: true, ends: "08:30" },
      // 3 overlaps 2 as well, but 2 was created later; 3 overlaps 1, created earlier.
      { n: "3", overbooked: true, ends: "08:40" },
      // Overlaps 3 (08:20–08:40), created after it: « en surnombre » too, though 3 is now so.
      { n: "4", overbooked: true, ends: "08:45" },
      { n: "5", overbooked: false, ends: "09:00" },
      { n: "6", overbooked: false, ends: "08:30" },
    ]);

    // From now on the database refuses an ordinary overlap, and takes a deliberate « en surnombre ».
    const insert = (overbooked: boolean) =>
      db.execute(sql`
        INSERT INTO appointments (doctor_id, patient_id, starts_at, ends_at, booked_via, overbooked)
        VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1',
                '2026-06-08T08:10:00Z', '2026-06-08T08:25:00Z', 'practice', ${overbooked})`);
    await expect(insert(false)).rejects.toMatchObject({ cause: { code: "23P01" } });
    await insert(true);
    // 'arrived', added by the migration, is usable once it has committed.
    await db.execute(sql`UPDATE appointments SET status = 'arrived' WHERE right(id::text, 1) = '6'`);
    await client.close();
  });
});
