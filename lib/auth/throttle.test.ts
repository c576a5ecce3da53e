import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authThrottle } from "@/db/schema";
import type { Database } from "@/db/client";
import { freshDatabase } from "@/tests/support/test-db";
import { ON_POSTGRES, throwawayPostgres } from "@/tests/support/postgres";
import { acceptRightPassword, claimPasswordAttempt, recordWrongPassword, throttleKeys, type ThrottleKey } from "./throttle";
import { delayAfterFailures, FORGET_AFTER_SECONDS } from "./throttle-rules";
import { useDatabase } from "@/tests/support/database-suite";

let n = 0;
const freshEmail = () => `claim${++n}-${Date.now()}@example.lu`;

/** The claim's properties, whatever runs the upsert: PGlite, or two "instances" on one PostgreSQL. */
function claimSuite(name: string, setup: () => Promise<{ dbs: Database[]; drop?: () => Promise<void> } | null>, runs = true) {
  describe.runIf(runs)(name, () => {
    let dbs: Database[] = [];
    useDatabase(setup, (ready) => (dbs = ready?.dbs ?? []));
    const failures = async (key: string) => (await dbs[0]!.select().from(authThrottle).where(eq(authThrottle.key, key)))[0]?.failures;
    /** n claims at the same instant on one account, each from its own address, spread over the instances. */
    const together = (email: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) => claimPasswordAttempt(throttleKeys(email, `203.0.113.${i + 1}`), new Date(), dbs[i % dbs.length])),
      );

    it("lets only the 5 free attempts of 20 sent together on a fresh account go ahead", async () => {
      const email = freshEmail();
      const waits = await together(email, 20);
      expect(waits.filter((w) => w === 0)).toHaveLength(5);
      expect(waits.filter((w) => w > 0)).toHaveLength(15);
      expect(await failures(`account:${email}`)).toBe(5);
    });

    it("once the delay is over, lets exactly one of 20 attempts sent together go ahead", async () => {
      const email = freshEmail();
      await dbs[0]!.insert(authThrottle).values({ key: `account:${email}`, failures: 5, lastFailureAt: new Date(Date.now() - 2_000) });
      const waits = await together(email, 20);
      expect(waits.filter((w) => w === 0)).toHaveLength(1);
      // The refused ones are not counted: the one that went ahead made it 6, a 2 s delay.
      expect(await failures(`account:${email}`)).toBe(6);
      expect(Math.max(...waits)).toBe(2);
    });

    it("counts an attempt refused on the address on neither key", async () => {
      const email = freshEmail();
      const ip = `198.51.100.${n % 250}`;
      await dbs[0]!.insert(authThrottle).values({ key: `ip:${ip}`, failures: 40, lastFailureAt: new Date() });
      expect(await claimPasswordAttempt(throttleKeys(email, ip), new Date(), dbs[0])).toBeGreaterThan(0);
      expect(await failures(`account:${email}`)).toBeUndefined();
      expect(await failures(`ip:${ip}`)).toBe(40);
    });

    it("a right password clears the account; the address counts wrong passwords only", async () => {
      const email = freshEmail();
      const keys = throttleKeys(email, "192.0.2.77");
      await dbs[0]!.insert(authThrottle).values({ key: "ip:192.0.2.77", failures: 7, lastFailureAt: new Date() });
      expect(await claimPasswordAttempt(keys, new Date(), dbs[0])).toBe(0);
      expect(await failures("ip:192.0.2.77")).toBe(7);
      await acceptRightPassword(keys, dbs[0]);
      expect(await failures(`account:${email}`)).toBeUndefined();
      expect(await failures("ip:192.0.2.77")).toBe(7);
      expect(await claimPasswordAttempt(keys, new Date(), dbs[0])).toBe(0);
      await recordWrongPassword(keys, new Date(), dbs[0]);
      expect(await failures("ip:192.0.2.77")).toBe(8);
      expect(await failures(`account:${email}`)).toBe(1);
    });

    it("lets 40 colleagues behind one address sign in at the same moment (a hospital's NAT)", async () => {
      const ip = "192.0.2.200";
      const waits = await Promise.all(
        Array.from({ length: 40 }, (_, i) => claimPasswordAttempt(throttleKeys(freshEmail(), ip), new Date(), dbs[i % dbs.length])),
      );
      expect(waits.every((w) => w === 0)).toBe(true);
      expect(await failures(`ip:${ip}`)).toBeUndefined();
    });

    it("claims an account in SQL exactly as delayAfterFailures says, and forgets after an hour", async () => {
      const db = dbs[0]!;
      const now = new Date();
      const claimAt = async (key: ThrottleKey, failureCount: number, secondsAgo: number) => {
        await db.delete(authThrottle).where(eq(authThrottle.key, key.key));
        await db.insert(authThrottle).values({ key: key.key, failures: failureCount, lastFailureAt: new Date(now.getTime() - secondsAgo * 1000) });
        return claimPasswordAttempt([key], now, db);
      };
      // The address is checked in JavaScript (secondsToWait, throttle-rules.test.ts), not claimed.
      {
        const scope = "account" as const;
        const key: ThrottleKey = { scope, key: `${scope}:sql-${scope}-${n}` };
        for (const count of [0, 4, 5, 6, 7, 10, 25, 1000]) {
          const delay = delayAfterFailures(count, scope);
          expect(await claimAt(key, count, delay), `${scope} ${count} after ${delay} s`).toBe(0);
          if (delay > 0) expect(await claimAt(key, count, delay - 0.5), `${scope} ${count} before ${delay} s`).toBeGreaterThan(0);
        }
        expect(await claimAt(key, 1000, FORGET_AFTER_SECONDS)).toBe(0);
        expect(await failures(key.key)).toBe(1);
      }
    });
  });
}

claimSuite("password attempt claim on PGlite", async () => ({ dbs: [await freshDatabase()] }));
claimSuite("password attempt claim on PostgreSQL, two instances", () => throwawayPostgres(2), ON_POSTGRES);
