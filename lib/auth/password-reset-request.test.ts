import { beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { listOutbox } from "@/lib/email/outbox";
import { freshDatabase } from "@/tests/support/test-db";
import { RESET_LIMITS, requestPasswordReset } from "./password-reset";

// « Mot de passe oublié » asked for someone else's address must not keep its owner from getting a
// link: requests are counted per address and client network, so a stranger's three requests from
// their network leave the owner's own network untouched (second review). A flood from one network
// still gets nothing, and one address receives a bounded number of links a day.

process.env.AUTH_SECRET ??= "unit-test-auth-secret";
// The link is sent after the response (next/server's after()): the test waits for it.
const sending = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock("next/server", () => ({ after: (fn: () => unknown) => void sending.push(Promise.resolve(fn())) }));

const VICTIM = "victime@example.lu";
const ctxFrom = (ip: string) => ({ ip, userAgent: "Vitest", requestId: "test" });
async function resetMails(to: string) {
  await Promise.all(sending.splice(0));
  return (await listOutbox(to)).filter((m) => m.subject.includes("Réinitialisation"));
}

beforeEach(async () => {
  const db = await freshDatabase();
  await db.insert(users).values({ email: VICTIM, role: "patient", firstName: "Vic", lastName: "Time", passwordHash: "not-used-here" });
});

describe("asking for a reset link", () => {
  it("a stranger's requests from their network leave the owner's link to them", async () => {
    for (let i = 0; i < RESET_LIMITS.perAddressAndNetwork; i++)
      expect(await requestPasswordReset(VICTIM, ctxFrom(`203.0.113.${10 + i}`))).toEqual({ kind: "done" });
    // Another address of the stranger's /24 counts as the same source.
    expect(await requestPasswordReset(VICTIM, ctxFrom("203.0.113.99"))).toEqual({ kind: "too-many-requests" });
    const before = (await resetMails(VICTIM)).length;

    expect(await requestPasswordReset(VICTIM, ctxFrom("198.51.100.20"))).toEqual({ kind: "done" });
    const mails = await resetMails(VICTIM);
    expect(mails).toHaveLength(before + 1);
    expect(mails[0]!.text).toMatch(/\/reinitialiser\?jeton=[\w-]+/);
  });

  it("IPv6 clients are counted by /64", async () => {
    for (let i = 0; i < RESET_LIMITS.perAddressAndNetwork; i++)
      expect((await requestPasswordReset(VICTIM, ctxFrom(`2001:db8:1:2::${i + 1}`))).kind).toBe("done");
    expect(await requestPasswordReset(VICTIM, ctxFrom("2001:db8:1:2:ffff::1"))).toEqual({ kind: "too-many-requests" });
    expect(await requestPasswordReset(VICTIM, ctxFrom("2001:db8:1:3::1"))).toEqual({ kind: "done" });
  });

  it("a flood from one network gets nothing once over its limit, for any address, known or not", async () => {
    const flood = ctxFrom("192.0.2.1");
    for (let i = 0; i < RESET_LIMITS.perNetwork; i++) expect((await requestPasswordReset(`inconnu-${i}@example.lu`, flood)).kind).toBe("done");
    const before = (await resetMails(VICTIM)).length;
    expect(await requestPasswordReset(VICTIM, flood)).toEqual({ kind: "too-many-requests" });
    expect(await requestPasswordReset("personne@example.lu", flood)).toEqual({ kind: "too-many-requests" });
    expect(await resetMails(VICTIM)).toHaveLength(before);
  });

  it("one address gets a bounded number of links a day, whatever the networks asking", async () => {
    for (let i = 0; i < RESET_LIMITS.perAddressPerDay; i++) expect((await requestPasswordReset(VICTIM, ctxFrom(`10.0.${i}.1`))).kind).toBe("done");
    expect(await resetMails(VICTIM)).toHaveLength(RESET_LIMITS.perAddressPerDay);
    expect(await requestPasswordReset(VICTIM, ctxFrom("10.200.0.1"))).toEqual({ kind: "daily-limit" });
    expect(await resetMails(VICTIM)).toHaveLength(RESET_LIMITS.perAddressPerDay);
    // The same answer for an address without an account: the cap says nothing about who exists.
    for (let i = 0; i < RESET_LIMITS.perAddressPerDay; i++) await requestPasswordReset("personne@example.lu", ctxFrom(`10.1.${i}.1`));
    expect(await requestPasswordReset("personne@example.lu", ctxFrom("10.201.0.1"))).toEqual({ kind: "daily-limit" });
  });

  it("requests a network was refused do not use up the address's day", async () => {
    const stranger = ctxFrom("203.0.113.5");
    for (let i = 0; i < 20; i++) await requestPasswordReset(VICTIM, stranger);
    expect(await resetMails(VICTIM)).toHaveLength(RESET_LIMITS.perAddressAndNetwork);
    for (let i = 0; i < RESET_LIMITS.perAddressPerDay - RESET_LIMITS.perAddressAndNetwork; i++) {
      expect((await requestPasswordReset(VICTIM, ctxFrom(`10.2.${i}.1`))).kind).toBe("done");
    }
  });
});
