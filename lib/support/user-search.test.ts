import { beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { searchUsers, userSearchSchema } from "./user-search";

let db: Awaited<ReturnType<typeof freshDatabase>>;

async function user(email: string, firstName: string, lastName: string) {
  await db.insert(users).values({ email, role: "doctor", doctorKind: "medecin", firstName, lastName });
}

const found = async (q: string) => (await searchUsers(userSearchSchema.parse({ q }))).rows.map((u) => u.email);

beforeEach(async () => {
  db = await freshDatabase();
  await user("paul@example.lu", "Paul", "Schmit");
  await user("anne@example.lu", "Anne", "Paulus");
  await user("percent@example.lu", "100%", "Sûr_e");
});

describe("the support's user search", () => {
  it("finds a person by first name, last name or email, whatever the case", async () => {
    expect(await found("schmit")).toEqual(["paul@example.lu"]);
    expect(await found("PAUL")).toEqual(["anne@example.lu", "paul@example.lu"]);
    expect(await found("anne@")).toEqual(["anne@example.lu"]);
  });

  it("finds a person by full name, typed either way round and with any spacing", async () => {
    for (const q of ["Paul Schmit", "paul schmit", "Schmit Paul", "  Paul   Schmit ", "ul Sch"]) {
      expect(await found(q), q).toEqual(["paul@example.lu"]);
    }
    expect(await found("Anne Schmit")).toEqual([]);
  });

  it("finds a name typed with or without its accents", async () => {
    await user("lukasz@example.lu", "Łukasz", "Wiśniewski");
    expect(await found("lukasz wisniewski")).toEqual(["lukasz@example.lu"]);
    expect(await found("Wiśniewski Łukasz")).toEqual(["lukasz@example.lu"]);
    expect(await found("sur_e")).toEqual(["percent@example.lu"]);
  });

  it("takes % and _ literally, in the full name too", async () => {
    expect(await found("100% Sûr_e")).toEqual(["percent@example.lu"]);
    expect(await found("0% S")).toEqual(["percent@example.lu"]);
    expect(await found("% _")).toEqual([]);
    expect(await found("Paul_Schmit")).toEqual([]);
  });
});
