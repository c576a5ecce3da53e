import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { esanteLinkRequests, sessions, users, type Session, type User } from "@/db/schema";
import type { PracticeAccess } from "@/lib/auth/guards";
import { freshDatabase } from "@/tests/support/test-db";
import { hashOneTimeSecret } from "@/lib/twofactor/secret-hash";
import { finishEsanteLink } from "./link";

// The answer's checks that come before any provider is asked: the request must be this doctor's,
// from this browser session, unused and fresh. (The exchange itself runs against a real provider in
// tests/e2e/profile-esante.spec.ts.)

process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret-000";
let db: Awaited<ReturnType<typeof freshDatabase>>;

async function doctorWithSession(): Promise<PracticeAccess> {
  const [user] = (await db
    .insert(users)
    .values({ email: `d${Math.random()}@example.lu`, role: "doctor", doctorKind: "medecin", firstName: "A", lastName: "B" })
    .returning()) as User[];
  const [session] = (await db
    .insert(sessions)
    .values({ userId: user!.id, ip: "192.0.2.1", userAgent: "t", expiresAt: new Date(Date.now() + 3600_000) })
    .returning()) as Session[];
  return { user: user!, session: session!, doctor: user!, mode: "direct" };
}

async function pendingRequest(access: PracticeAccess, state: string, expiresInMs = 600_000) {
  await db.insert(esanteLinkRequests).values({
    stateHash: hashOneTimeSecret("esante_state", state),
    doctorId: access.doctor.id,
    sessionId: access.session.id,
    nonce: "n",
    codeVerifier: "v",
    expiresAt: new Date(Date.now() + expiresInMs),
  });
}

const answer = (state: string, extra: Record<string, string> = { code: "c" }) => new URLSearchParams({ state, ...extra });

beforeAll(async () => {
  db = await freshDatabase();
});

describe("finishEsanteLink before the provider is asked", () => {
  it("refuses an answer without a state, or with a state nobody asked for", async () => {
    const access = await doctorWithSession();
    expect(await finishEsanteLink(access, new URLSearchParams({ code: "c" }))).toBe("etat-invalide");
    expect(await finishEsanteLink(access, answer("jamais-demande"))).toBe("etat-invalide");
  });

  it("refuses another doctor's request, and the same doctor's from another browser session", async () => {
    const owner = await doctorWithSession();
    await pendingRequest(owner, "state-owner");
    const stranger = await doctorWithSession();
    expect(await finishEsanteLink(stranger, answer("state-owner"))).toBe("etat-invalide");
    const [otherSession] = await db
      .insert(sessions)
      .values({ userId: owner.user.id, ip: "192.0.2.2", userAgent: "t", expiresAt: new Date(Date.now() + 3600_000) })
      .returning();
    expect(await finishEsanteLink({ ...owner, session: otherSession! }, answer("state-owner"))).toBe("etat-invalide");
    // Still unused: the right session can finish it (here with a cancellation).
    expect(await finishEsanteLink(owner, answer("state-owner", { error: "access_denied" }))).toBe("annule");
  });

  it("uses a request once: a second answer is a replay", async () => {
    const access = await doctorWithSession();
    await pendingRequest(access, "state-once");
    expect(await finishEsanteLink(access, answer("state-once", { error: "access_denied" }))).toBe("annule");
    expect(await finishEsanteLink(access, answer("state-once"))).toBe("deja-utilise");
    const [row] = await db.select().from(esanteLinkRequests).where(eq(esanteLinkRequests.doctorId, access.doctor.id));
    expect(row?.usedAt).toBeInstanceOf(Date);
  });

  it("refuses an expired request, and a provider error other than a cancellation", async () => {
    const access = await doctorWithSession();
    await pendingRequest(access, "state-old", -1000);
    expect(await finishEsanteLink(access, answer("state-old"))).toBe("expire");
    await pendingRequest(access, "state-error");
    expect(await finishEsanteLink(access, answer("state-error", { error: "server_error" }))).toBe("refuse");
  });
});
