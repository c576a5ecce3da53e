import "server-only";
import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { secureCookiesEnabled } from "@/config/env";
import { logger } from "@/lib/log";
import type { Session as SessionRow } from "@/db/schema";
import type { Role } from "./roles";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    sid?: string;
  }
}

// Auth.js reads the encrypted session cookie (auth(), proxy.ts's getToken) and clears it
// (signOut). Who may sign in is decided before, in lib/auth/sign-in.ts and
// lib/auth/second-factor.ts, which open a row in `sessions`; the cookie is then minted here
// from that row, with Auth.js's own encoder. No provider and no HTTP route of Auth.js is mounted,
// so nothing else can mint one. Lazy config: AUTH_SECRET may be generated at start-up, after this
// module is loaded.
export const { auth, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  useSecureCookies: secureCookiesEnabled(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/doctor_home", error: "/doctor_home" },
  logger: {
    error: (error) => logger.error({ err: error.name }, "auth error"),
    warn: () => {},
    debug: () => {},
  },
  providers: [],
  callbacks: {
    session({ session, token }) {
      session.sessionId = token.sid;
      session.role = token.role;
      return session;
    },
  },
}));

/** Auth.js's name for the session cookie (the `__Secure-` prefix over HTTPS). */
function sessionCookieName(): string {
  return `${secureCookiesEnabled() ? "__Secure-" : ""}authjs.session-token`;
}

/** The session cookie for a session just opened by a complete sign-in, as Auth.js would set it. */
export async function sessionCookie(session: Pick<SessionRow, "id" | "userId">, role: Role) {
  const name = sessionCookieName();
  const value = await encode({
    secret: process.env.AUTH_SECRET ?? "",
    salt: name,
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: { sub: session.userId, sid: session.id, role },
  });
  const options = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookiesEnabled(), maxAge: SESSION_MAX_AGE_SECONDS } as const;
  return { name, value, options };
}

/** Sets the session cookie for a session just opened by a complete sign-in. */
export async function issueSessionCookie(session: Pick<SessionRow, "id" | "userId">, role: Role): Promise<void> {
  const { name, value, options } = await sessionCookie(session, role);
  (await cookies()).set(name, value, options);
}
