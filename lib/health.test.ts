import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { databaseAnswers } from "./health";

describe("databaseAnswers (behind /api/health)", () => {
  afterEach(async () => {
    await closeDb();
    delete process.env.DATABASE_URL;
  });

  it("is true while the database answers", async () => {
    // Boot the embedded database first: on a busy machine that alone can exceed the check's timeout.
    await getDb().execute(sql`select 1`);
    expect(await databaseAnswers()).toBe(true);
  });

  it("is false, not an exception, when the database is unreachable", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/nothing";
    expect(await databaseAnswers(1000)).toBe(false);
  });
});
