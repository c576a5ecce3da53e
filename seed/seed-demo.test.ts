import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password-hash";
import { freshDatabase } from "@/tests/support/test-db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { seedDemo } from "./seed-demo";

process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";

describe("seedDemo", () => {
  it("gives each demo account its own password hash and salt, all for the demo password", async () => {
    const db = await freshDatabase();
    await seedDemo(db);
    const rows = await db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(
        inArray(
          users.email,
          DEMO_ACCOUNTS.map((a) => a.email),
        ),
      );
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    const hashes = rows.map((r) => r.hash!);
    expect(new Set(hashes).size).toBe(hashes.length);
    // The salt is the fourth field of an argon2 PHC string.
    expect(new Set(hashes.map((h) => h.split("$")[4])).size).toBe(hashes.length);
    expect(await verifyPassword(hashes[0]!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(hashes.at(-1)!, DEMO_PASSWORD)).toBe(true);
  }, 240_000);
});
