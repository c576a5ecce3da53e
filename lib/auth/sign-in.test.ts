import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { authThrottle, connectionLog, sessions, users } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { hash } from "@node-rs/argon2";
import { needsRehash, verifyPassword } from "./password-hash";
import { fixtureHash } from "@/tests/support/password-fixture";
import { findLiveSession, listOpenSessions, revokeAllSessions, revokeOtherSessions, revokeOwnSession, revokeSession } from "./sessions";
import { signInWithPassword } from "./sign-in";
import { FREE_FAILURES } from "./throttle-rules";

// Counts the argon2 verifications the sign-in makes (the real one still runs).
vi.mock("./password-hash", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password-hash")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const passwordChecks = () => vi.mocked(verifyPassword).mock.calls.length;

const PASSWORD = "cheval agrafe batterie correcte";

/**
 * The clock stands still during `work`: a throttle's 1 s delay must not run out between two
 * attempts because argon2 (about 0.1 s, much more on a busy machine) made the test slow.
 */
async function atOneInstant<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}
const ctx = { ip: "198.51.100.20", userAgent: "Vitest", requestId: "test" };
let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeEach(async () => {
  db = await freshDatabase();
  const passwordHash = await fixtureHash(PASSWORD);
  await db.insert(users).values([
    { email: "doc@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Jos", lastName: "Kieffer", passwordHash },
    { email: "pat@example.lu", role: "patient", firstName: "Nora", lastName: "Wagner", passwordHash },
    { email: "blocked@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Tom", lastName: "Klein", passwordHash, status: "blocked" },
  ]);
});

describe("signInWithPassword", () => {
  it("opens a session and writes the connection history row", async () => {
    const result = await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx);
    expect(result.kind).toBe("signed-in");
    if (result.kind !== "signed-in") return;
    const log = await db.select().from(connectionLog);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ accountId: result.user.id, actorId: result.user.id, mode: "direct", ip: ctx.ip, sessionId: result.session.id });
    expect(await findLiveSession(result.session.id)).not.toBeNull();
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    expect(await signInWithPassword("doctor", "nobody@example.lu", PASSWORD, ctx)).toEqual({ kind: "invalid-credentials" });
    expect(await signInWithPassword("doctor", "doc@example.lu", "wrong password here", ctx)).toEqual({ kind: "invalid-credentials" });
    expect(await db.select().from(sessions)).toHaveLength(0);
  });

  it("refuses a valid account on another role's page, without a session", async () => {
    expect(await signInWithPassword("doctor", "pat@example.lu", PASSWORD, ctx)).toEqual({ kind: "wrong-portal" });
    expect(await signInWithPassword("secretary", "doc@example.lu", PASSWORD, ctx)).toEqual({ kind: "wrong-portal" });
    expect(await db.select().from(sessions)).toHaveLength(0);
  });

  it("refuses a blocked account even with the right password", async () => {
    expect(await signInWithPassword("doctor", "blocked@example.lu", PASSWORD, ctx)).toEqual({ kind: "blocked" });
    expect(await db.select().from(sessions)).toHaveLength(0);
  });

  it("delays the account after 5 failures, even for the right password, and never verifies meanwhile", async () => {
    const result = await atOneInstant(async () => {
      for (let i = 0; i < 5; i++) await signInWithPassword("doctor", "doc@example.lu", `wrong-${i}-password`, ctx);
      return signInWithPassword("doctor", "doc@example.lu", PASSWORD, { ...ctx, ip: "198.51.100.99" });
    });
    expect(result).toEqual({ kind: "throttled", retryAfterSeconds: 1 });
    // The throttled attempt itself is not counted.
    const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, "account:doc@example.lu"));
    expect(row?.failures).toBe(5);
  });

  it("throttles unknown emails the same way, so the delay reveals nothing", async () => {
    const result = await atOneInstant(async () => {
      for (let i = 0; i < 5; i++) await signInWithPassword("doctor", "ghost@example.lu", `wrong-${i}-password`, ctx);
      return signInWithPassword("doctor", "ghost@example.lu", PASSWORD, ctx);
    });
    expect(result.kind).toBe("throttled");
  });

  it("clears the account counter after a correct password", async () => {
    for (let i = 0; i < 3; i++) await signInWithPassword("doctor", "doc@example.lu", `wrong-${i}-password`, ctx);
    await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx);
    const rows = await db.select().from(authThrottle).where(eq(authThrottle.key, "account:doc@example.lu"));
    expect(rows).toHaveLength(0);
  });

  // An attacker sending guesses together, each from its own address so only the account key holds.
  const together = (email: string, n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) => signInWithPassword("doctor", email, `wrong-together-${i}`, { ...ctx, ip: `203.0.113.${i + 1}` })),
    );

  it.each(["doc@example.lu", "ghost@example.lu"])("checks one of 20 wrong passwords sent together once the delay is over (%s)", async (email) => {
    for (let i = 0; i < 5; i++) await signInWithPassword("doctor", email, `wrong-${i}-password`, ctx);
    // The 1 s delay is over: the last failure moved back rather than a sleep.
    await db
      .update(authThrottle)
      .set({ lastFailureAt: new Date(Date.now() - 2_000) })
      .where(eq(authThrottle.key, `account:${email}`));
    vi.mocked(verifyPassword).mockClear();

    const results = await together(email, 20);
    expect(passwordChecks()).toBe(1);
    expect(results.filter((r) => r.kind === "invalid-credentials")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "throttled")).toHaveLength(19);
    const [row] = await db
      .select()
      .from(authThrottle)
      .where(eq(authThrottle.key, `account:${email}`));
    expect(row?.failures).toBe(6);
  });

  it("checks no more than the 5 free failures of 20 wrong passwords sent together on a fresh account", async () => {
    vi.mocked(verifyPassword).mockClear();
    const results = await together("doc@example.lu", 20);
    expect(passwordChecks()).toBe(5);
    expect(results.filter((r) => r.kind === "throttled")).toHaveLength(15);
  });

  it("never counts a right password against the address, so a busy practice is never slowed", async () => {
    // One right password more than the address's free failures: were they counted, it would now be throttled.
    for (let i = 0; i <= FREE_FAILURES.ip; i++) expect((await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx)).kind).toBe("signed-in");
    const [row] = await db
      .select()
      .from(authThrottle)
      .where(eq(authThrottle.key, `ip:${ctx.ip}`));
    expect(row?.failures ?? 0).toBe(0);
  });

  it("hashes an account's password again with today's parameters at its next right sign-in, not at a wrong one", async () => {
    // A hash made with the parameters used before decision record 0014.
    const old = await hash(PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await db.update(users).set({ passwordHash: old }).where(eq(users.email, "doc@example.lu"));
    const stored = async () => (await db.select().from(users).where(eq(users.email, "doc@example.lu")))[0]!.passwordHash!;

    expect((await signInWithPassword("doctor", "doc@example.lu", "pas le bon", ctx)).kind).toBe("invalid-credentials");
    expect(await stored()).toBe(old);

    expect((await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx)).kind).toBe("signed-in");
    const upgraded = await stored();
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=65536,t=6,p=1\$/);
    expect(needsRehash(upgraded)).toBe(false);
    expect((await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx)).kind).toBe("signed-in");
    expect(await stored()).toBe(upgraded);
  });
});

describe("sessions", () => {
  it("a revoked session is no longer live", async () => {
    const result = await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx);
    if (result.kind !== "signed-in") throw new Error(result.kind);
    await revokeSession(result.session.id, "test");
    expect(await findLiveSession(result.session.id)).toBeNull();
  });

  it("revoking all sessions of a user ends each of them", async () => {
    const a = await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx);
    const b = await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx);
    if (a.kind !== "signed-in" || b.kind !== "signed-in") throw new Error("sign-in failed");
    await revokeAllSessions(a.user.id, "test");
    expect(await findLiveSession(a.session.id)).toBeNull();
    expect(await findLiveSession(b.session.id)).toBeNull();
  });

  it("a session idle for more than an hour is ended", async () => {
    const result = await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx);
    if (result.kind !== "signed-in") throw new Error(result.kind);
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 61 * 60 * 1000) })
      .where(eq(sessions.id, result.session.id));
    expect(await findLiveSession(result.session.id)).toBeNull();
  });

  it("a user ends only their own sessions, and can end all the others at once", async () => {
    const mine = await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx);
    const other = await signInWithPassword("doctor", "doc@example.lu", PASSWORD, ctx);
    const theirs = await signInWithPassword("patient", "pat@example.lu", PASSWORD, ctx);
    if (mine.kind !== "signed-in" || other.kind !== "signed-in" || theirs.kind !== "signed-in") throw new Error("sign-in failed");
    expect(await revokeOwnSession(mine.user.id, theirs.session.id)).toEqual({ kind: "not-found" });
    expect(await findLiveSession(theirs.session.id)).not.toBeNull();
    expect((await listOpenSessions(mine.user.id)).map((s) => s.id).sort()).toEqual([mine.session.id, other.session.id].sort());
    expect(await revokeOtherSessions(mine.user.id, mine.session.id)).toBe(1);
    expect(await findLiveSession(other.session.id)).toBeNull();
    expect(await findLiveSession(mine.session.id)).not.toBeNull();
  });

  it("ignores ids that are not session ids", async () => {
    expect(await findLiveSession("'; drop table sessions; --")).toBeNull();
  });
});
