import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sessions, users, verifications } from "@/db/schema";
import { listOutbox } from "@/lib/email/outbox";
import { freshDatabase } from "@/tests/support/test-db";
import {
  accountFor,
  checkSignUpCode,
  createPatientAccount,
  readSignUpProof,
  requestSignUpCode,
  SIGN_UP_CODE_ATTEMPTS,
  SIGN_UP_LIMITS,
  signUpProofValue,
} from "./sign-up";

// The account made inside the booking flow (docs/decisions/0042): the emailed code proves the
// mailbox and nothing else, the form answers the same for known and unknown addresses, and every
// guess is counted.

process.env.AUTH_SECRET ??= "unit-test-auth-secret";

const KNOWN = "deja.client@example.lu";
const UNKNOWN = "nouvelle.patiente@example.lu";
const ctx = { ip: "198.51.100.7", userAgent: "Vitest", requestId: "test" };
let db: Awaited<ReturnType<typeof freshDatabase>>;

async function codeSentTo(email: string): Promise<string> {
  const [mail] = (await listOutbox(email)).filter((m) => m.subject.includes("code de vérification"));
  const code = /(\d{6})/.exec(mail!.text)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

beforeEach(async () => {
  db = await freshDatabase();
  await db.insert(users).values({ email: KNOWN, role: "patient", firstName: "Déjà", lastName: "Client", passwordHash: "x" });
});

describe("asking for a code", () => {
  it("answers the same for a known and an unknown address, and mails the same message to each", async () => {
    expect(await requestSignUpCode(KNOWN, ctx)).toEqual({ kind: "sent" });
    expect(await requestSignUpCode(UNKNOWN, ctx)).toEqual({ kind: "sent" });
    const [known] = await listOutbox(KNOWN);
    const [unknown] = await listOutbox(UNKNOWN);
    const shape = (text: string) => text.replace(/\d{6}/g, "000000");
    expect(shape(known!.subject)).toBe(shape(unknown!.subject));
    expect(shape(known!.text)).toBe(shape(unknown!.text));
    // The code is stored as an HMAC, never in clear.
    const rows = await db.select().from(verifications).where(eq(verifications.purpose, "sign_up_email"));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.codeHash).not.toMatch(/^\d{6}$/);
  });

  it("a new code voids the previous one", async () => {
    await requestSignUpCode(UNKNOWN, ctx);
    const first = await codeSentTo(UNKNOWN);
    await db.execute(sql`DELETE FROM email_outbox`);
    await requestSignUpCode(UNKNOWN, ctx);
    const second = await codeSentTo(UNKNOWN);
    if (first !== second) expect(await checkSignUpCode(UNKNOWN, first, ctx)).toMatchObject({ kind: "wrong-code" });
    expect(await checkSignUpCode(UNKNOWN, second, ctx)).toEqual({ kind: "verified" });
  });

  it("is limited per address and network, and then per network across addresses", async () => {
    for (let i = 0; i < SIGN_UP_LIMITS.requestsPerAddressAndNetwork; i++) expect((await requestSignUpCode(UNKNOWN, ctx)).kind).toBe("sent");
    expect(await requestSignUpCode(UNKNOWN, ctx)).toEqual({ kind: "too-many-requests" });
    // The owner, from another network, still gets a code.
    expect(await requestSignUpCode(UNKNOWN, { ...ctx, ip: "203.0.113.5" })).toEqual({ kind: "sent" });
    let refused = 0;
    for (let i = 0; i < SIGN_UP_LIMITS.requestsPerNetwork; i++) {
      if ((await requestSignUpCode(`autre${i}@example.lu`, ctx)).kind === "too-many-requests") refused += 1;
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe("checking the code", () => {
  it("a right code verifies once; used again it is refused", async () => {
    await requestSignUpCode(UNKNOWN, ctx);
    const code = await codeSentTo(UNKNOWN);
    expect(await checkSignUpCode(UNKNOWN, code, ctx)).toEqual({ kind: "verified" });
    expect(await checkSignUpCode(UNKNOWN, code, ctx)).toEqual({ kind: "expired" });
  });

  it("counts wrong guesses and kills the code at the limit, even for the right code afterwards", async () => {
    await requestSignUpCode(UNKNOWN, ctx);
    const code = await codeSentTo(UNKNOWN);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i < SIGN_UP_CODE_ATTEMPTS; i++) {
      expect(await checkSignUpCode(UNKNOWN, wrong, ctx)).toEqual({ kind: "wrong-code", remaining: SIGN_UP_CODE_ATTEMPTS - i });
    }
    expect(await checkSignUpCode(UNKNOWN, wrong, ctx)).toEqual({ kind: "expired" });
    expect(await checkSignUpCode(UNKNOWN, code, ctx)).toEqual({ kind: "expired" });
  });

  it("simultaneous wrong guesses are each counted", async () => {
    await requestSignUpCode(UNKNOWN, ctx);
    const code = await codeSentTo(UNKNOWN);
    const wrong = code === "000000" ? "111111" : "000000";
    await Promise.all(Array.from({ length: 3 }, () => checkSignUpCode(UNKNOWN, wrong, ctx)));
    const [row] = await db
      .select({ attempts: verifications.attempts })
      .from(verifications)
      .where(and(eq(verifications.email, UNKNOWN), eq(verifications.purpose, "sign_up_email")));
    expect(row!.attempts).toBe(3);
  });

  it("refuses an expired code, and a code sent to another address", async () => {
    await requestSignUpCode(UNKNOWN, ctx);
    await requestSignUpCode(KNOWN, ctx);
    const code = await codeSentTo(UNKNOWN);
    expect(await checkSignUpCode(KNOWN, code, ctx)).toMatchObject({ kind: "wrong-code" });
    await db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verifications.email, UNKNOWN));
    expect(await checkSignUpCode(UNKNOWN, code, ctx)).toEqual({ kind: "expired" });
  });

  it("a code never asked for is « expired », not a server error", async () => {
    expect(await checkSignUpCode("personne@example.lu", "123456", ctx)).toEqual({ kind: "expired" });
  });
});

describe("after the code", () => {
  it("a proven known address is sent to its password, an unknown one to a new account", async () => {
    expect(await accountFor(KNOWN)).toBe("existing");
    expect(await accountFor(UNKNOWN)).toBe("new");
  });

  it("the proof names the address until it expires, and a forged one names nobody", () => {
    const now = Date.now();
    const proof = signUpProofValue(UNKNOWN, now + 60_000);
    expect(readSignUpProof(proof, now)).toBe(UNKNOWN);
    expect(readSignUpProof(proof, now + 61_000)).toBeNull();
    const [expires, , mac] = proof.split(".");
    expect(readSignUpProof(`${expires}.${Buffer.from(KNOWN).toString("base64url")}.${mac}`, now)).toBeNull();
    expect(readSignUpProof("garbage", now)).toBeNull();
    expect(readSignUpProof(undefined, now)).toBeNull();
  });

  it("creates a patient account with a session, refuses a weak password, and never a second account", async () => {
    const weak = await createPatientAccount(UNKNOWN, { firstName: "Anna", lastName: "Weber", password: "annaweber123" }, ctx);
    expect(weak.kind).toBe("weak-password");
    expect(await db.select().from(users).where(eq(users.email, UNKNOWN))).toHaveLength(0);

    const created = await createPatientAccount(UNKNOWN, { firstName: "Anna", lastName: "Weber", password: "tulipe violette au marché 42" }, ctx);
    expect(created.kind).toBe("signed-in");
    const [user] = await db.select().from(users).where(eq(users.email, UNKNOWN));
    expect(user).toMatchObject({ role: "patient", firstName: "Anna", lastName: "Weber" });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1);

    const again = await createPatientAccount(KNOWN, { firstName: "Anna", lastName: "Weber", password: "tulipe violette au marché 42" }, ctx);
    expect(again).toEqual({ kind: "exists" });
  });
});
