import { eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import type { Database } from "@/db/client";
import { freshDatabase } from "@/tests/support/test-db";
import { ON_POSTGRES, throwawayPostgres } from "@/tests/support/postgres";
import { attemptCode, recordEmailCodeRequest, recordFailedCode, resetCountersIfActive, type CountOutcome } from "./attempt-counter";
import { useDatabase } from "@/tests/support/database-suite";

async function newUserWithSessions(db: Database, n: number) {
  const [user] = await db
    .insert(users)
    .values({ email: `u${Date.now()}${Math.random()}@example.lu`, role: "doctor", doctorKind: "medecin", firstName: "A", lastName: "B" })
    .returning();
  for (let i = 0; i < n; i++) {
    await db.insert(sessions).values({ userId: user!.id, ip: "192.0.2.1", userAgent: "t", expiresAt: new Date(Date.now() + 3600_000) });
  }
  return user!;
}

function tally(outcomes: CountOutcome[]) {
  return {
    counted: outcomes.filter((o) => o.kind === "counted").length,
    blockedNow: outcomes.filter((o) => o.kind === "blocked" && o.justBlocked).length,
    alreadyBlocked: outcomes.filter((o) => o.kind === "blocked" && !o.justBlocked).length,
  };
}

/** The same properties, whatever runs the statement: PGlite, or two "instances" on one PostgreSQL. */
function counterSuite(name: string, setup: () => Promise<{ dbs: Database[]; drop?: () => Promise<void> } | null>, runs = true) {
  describe.runIf(runs)(name, () => {
    let dbs: Database[] = [];
    useDatabase(setup, (ready) => (dbs = ready?.dbs ?? []));

    it("50 wrong codes at the same instant count exactly 3 and block once", async () => {
      const user = await newUserWithSessions(dbs[0]!, 3);
      const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => recordFailedCode(user.id, dbs[i % dbs.length]!)));
      expect(tally(outcomes)).toEqual({ counted: 2, blockedNow: 1, alreadyBlocked: 47 });
      expect(
        outcomes
          .filter((o) => o.kind === "counted")
          .map((o) => (o as { remaining: number }).remaining)
          .sort(),
      ).toEqual([1, 2]);

      const [row] = await dbs[0]!.select().from(users).where(eq(users.id, user.id));
      expect(row).toMatchObject({ failedCodeAttempts: 3, status: "blocked" });
      expect(row!.blockedAt).toBeInstanceOf(Date);
      // Every session ended with the block.
      const live = await dbs[0]!.select().from(sessions).where(eq(sessions.userId, user.id));
      expect(live.every((s) => s.revokedAt !== null)).toBe(true);
      expect(await dbs[0]!.select().from(sessions).where(isNull(sessions.revokedAt))).not.toContainEqual(
        expect.objectContaining({ userId: user.id }),
      );

      // A right code after the block is refused: the sign-in cannot reset an account that is blocked.
      expect(await dbs[0]!.transaction((tx) => resetCountersIfActive(tx, user.id))).toBe(false);
    });

    it("50 attempts at the same instant compare exactly 3 codes: the attempt is taken before the code is compared", async () => {
      const user = await newUserWithSessions(dbs[0]!, 1);
      let compared = 0;
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          attemptCode(
            dbs[i % dbs.length]!,
            user.id,
            async () => {
              compared++;
              // A slow comparison widens the window in which the others are in flight.
              await new Promise((resolve) => setTimeout(resolve, 5));
              return "wrong" as const;
            },
            async () => null,
          ),
        ),
      );
      expect(compared).toBe(3);
      expect(outcomes.filter((o) => o.kind === "wrong")).toHaveLength(2);
      expect(outcomes.filter((o) => o.kind === "blocked" && o.justBlocked)).toEqual([{ kind: "blocked", justBlocked: true, reason: "wrong-codes" }]);
      expect(outcomes.filter((o) => o.kind === "blocked" && !o.justBlocked)).toHaveLength(47);
    });

    it("a right code on the third attempt is accepted and resets the counter; a replay gives its attempt back", async () => {
      const db = dbs[0]!;
      const user = await newUserWithSessions(db, 0);
      expect(await recordFailedCode(user.id, db)).toEqual({ kind: "counted", remaining: 2 });
      expect(
        await attemptCode(
          db,
          user.id,
          async () => "used" as const,
          async () => null,
        ),
      ).toEqual({ kind: "used", remaining: 2 });
      expect(await recordFailedCode(user.id, db)).toEqual({ kind: "counted", remaining: 1 });
      expect(
        await attemptCode(
          db,
          user.id,
          async () => "accepted" as const,
          async () => "session",
        ),
      ).toEqual({ kind: "accepted", value: "session" });
      const [row] = await db.select().from(users).where(eq(users.id, user.id));
      expect(row).toMatchObject({ failedCodeAttempts: 0, status: "active" });
    });

    it("three email-code requests are counted and send a code; the fourth blocks, exactly once", async () => {
      const user = await newUserWithSessions(dbs[0]!, 1);
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => recordEmailCodeRequest(user.id, dbs[i % dbs.length]!)));
      expect(tally(outcomes)).toEqual({ counted: 3, blockedNow: 1, alreadyBlocked: 16 });
      expect(outcomes.find((o) => o.kind === "blocked" && o.justBlocked)).toEqual({ kind: "blocked", justBlocked: true, reason: "email-codes" });
    });

    it("a successful sign-in resets both counters, so the next failures start from 3 again", async () => {
      const db = dbs[0]!;
      const user = await newUserWithSessions(db, 0);
      expect(await recordFailedCode(user.id, db)).toEqual({ kind: "counted", remaining: 2 });
      expect(await recordEmailCodeRequest(user.id, db)).toEqual({ kind: "counted", remaining: 2 });
      expect(await db.transaction((tx) => resetCountersIfActive(tx, user.id))).toBe(true);
      expect(await recordFailedCode(user.id, db)).toEqual({ kind: "counted", remaining: 2 });
    });
  });
}

counterSuite("attempt counter on PGlite", async () => ({ dbs: [await freshDatabase()] }));
counterSuite("attempt counter on PostgreSQL, two instances", () => throwawayPostgres(2), ON_POSTGRES);
