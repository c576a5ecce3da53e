import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "@/db/schema";
import { emailCodeAnswer, secondFactorAnswer, type SecondFactorStep } from "./second-factor-answer";

// The one answer of the sign-in's second step, for /connexion/2fa and the booking flow alike: where
// the browser goes, what the form says. The cookie jar, the session cookie and redirect() are stood
// in for; redirect throws, as Next's does.

const jar = vi.hoisted(() => ({ deleted: [] as string[], issued: [] as string[] }));
vi.mock("next/headers", () => ({ cookies: async () => ({ delete: (name: string) => void jar.deleted.push(name) }) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));
vi.mock("./next-auth", () => ({ issueSessionCookie: async (session: Session) => void jar.issued.push(session.id) }));

const STEP: SecondFactorStep = { signedIn: (portal) => `/home-of-${portal}`, expired: "Expiré ici." };

beforeEach(() => {
  jar.deleted = [];
  jar.issued = [];
});

describe("secondFactorAnswer", () => {
  it("a right code opens the session and goes where the step says", async () => {
    const session = { id: "s-1" } as Session;
    await expect(secondFactorAnswer({ kind: "signed-in", session, portal: "patient", role: "patient" }, "code", STEP)).rejects.toThrow(
      "redirect /home-of-patient",
    );
    expect(jar.issued).toEqual(["s-1"]);
    expect(jar.deleted).toHaveLength(1);
  });

  it("a block ends the pending step and shows the blocked page with its reason", async () => {
    await expect(secondFactorAnswer({ kind: "blocked", reason: "email-codes" }, "code", STEP)).rejects.toThrow(
      "redirect /connexion/bloque?motif=courriel",
    );
    await expect(secondFactorAnswer({ kind: "blocked", reason: "wrong-codes" }, "code", STEP)).rejects.toThrow(/redirect \/connexion\/bloque$/);
    expect(jar.deleted).toHaveLength(2);
    expect(jar.issued).toEqual([]);
  });

  it("refusals stay on the form, with the attempts left", async () => {
    expect(await secondFactorAnswer({ kind: "expired" }, "code", STEP)).toEqual({ status: "error", formError: "Expiré ici." });
    expect(await secondFactorAnswer({ kind: "wrong-code", remaining: 2 }, "code", STEP)).toEqual({
      status: "error",
      fieldErrors: { code: "Code incorrect." },
      data: { remaining: 2 },
    });
    expect((await secondFactorAnswer({ kind: "wrong-code", remaining: 1 }, "recovery", STEP)).fieldErrors?.code).toBe(
      "Code de secours incorrect ou déjà utilisé.",
    );
    expect((await secondFactorAnswer({ kind: "used-code", remaining: 3 }, "code", STEP)).fieldErrors?.code).toMatch(/^Ce code a déjà servi/);
    expect(jar.deleted).toEqual([]);
  });
});

describe("emailCodeAnswer", () => {
  it("says when the code sent is the last one, and the requests left", async () => {
    expect(await emailCodeAnswer({ kind: "sent", remainingRequests: 1, last: false }, "Expiré ici.")).toEqual({
      status: "success",
      message: "Un code à usage unique vient de vous être envoyé par courriel. Il est valable 10 minutes.",
      data: { remainingRequests: 1 },
    });
    expect((await emailCodeAnswer({ kind: "sent", remainingRequests: 0, last: true }, "Expiré ici.")).message).toMatch(/^Un dernier code/);
    expect(await emailCodeAnswer({ kind: "expired" }, "Expiré ici.")).toEqual({ status: "error", formError: "Expiré ici." });
    await expect(emailCodeAnswer({ kind: "blocked", reason: "email-codes" }, "Expiré ici.")).rejects.toThrow(
      "redirect /connexion/bloque?motif=courriel",
    );
  });
});
