import { decode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";

const { sessionCookie } = await import("./next-auth");

const SECRET = "a-test-secret-that-is-long-enough-for-auth-js-0123456789";
const session = { id: "0b6a8c52-6a53-4f2e-9a55-1a7b8c7b2f10", userId: "4b1c9e7e-2d3a-4a8e-9c61-7f2e0d9b5a33" };

describe("sessionCookie", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("holds the session, its user and role, readable only with the app's secret and for the session's lifetime", async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    const cookie = await sessionCookie(session, "doctor");
    expect(cookie.name).toBe("authjs.session-token");
    expect(cookie.value).not.toContain(session.id);

    const token = await decode({ token: cookie.value, secret: SECRET, salt: cookie.name });
    expect(token).toMatchObject({ sid: session.id, sub: session.userId, role: "doctor" });
    expect(token!.exp! - Math.floor(Date.now() / 1000)).toBeGreaterThan(SESSION_MAX_AGE_SECONDS - 5);
    expect(token!.exp! - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS);

    await expect(decode({ token: cookie.value, secret: "another-secret-entirely-0123456789abcdef", salt: cookie.name })).rejects.toThrow();
  });

  it("is HttpOnly and SameSite, and Secure under its __Secure- name in production", async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    expect((await sessionCookie(session, "patient")).options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false, path: "/" });
    vi.stubEnv("NODE_ENV", "production");
    const secure = await sessionCookie(session, "patient");
    expect(secure.name).toBe("__Secure-authjs.session-token");
    expect(secure.options.secure).toBe(true);
    expect(await decode({ token: secure.value, secret: SECRET, salt: secure.name })).toMatchObject({ role: "patient" });
  });
});
