import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { databaseAnswers } from "./health";

describe("databaseAnswers (behind /api/health)", () => {
  afterAll(async () => {
    await closeDb();
    delete process.env.DATABASE_URL;
  });

  it("is true while the database answers", async () => {
    expect(await databaseAnswers()).toBe(true);
    await closeDb();
  });

  it("is false, not an exception, when the database is unreachable", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/nothing";
    expect(await databaseAnswers(1000)).toBe(false);
  });
});
