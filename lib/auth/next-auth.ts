import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { secureCookiesEnabled } from "@/lib/config/env";
import { logger } from "@/lib/log";
import type { Role } from "./roles";
import { claimSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionId?: string;
  }
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

// Auth.js only mints and reads the encrypted cookie. Who may sign in is decided before, in
// lib/auth/sign-in.ts and lib/twofactor/second-factor.ts, which open a row in `sessions`; the
// Credentials provider then turns that fresh, unclaimed session into a cookie, once. Its HTTP
// routes are not mounted, so it is reachable only from our server actions. Lazy config:
// AUTH_SECRET may be generated at start-up, after this module is loaded.
export const { auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  useSecureCookies: secureCookiesEnabled(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/doctor_home", error: "/doctor_home" },
  logger: {
    error: (error) => {
      if (!(error instanceof CredentialsSignin)) logger.error({ err: error.name }, "auth error");
    },
    warn: () => {},
    debug: () => {},
  },
  providers: [
    Credentials({
      credentials: { grant: {} },
      async authorize(raw) {
        const claimed = typeof raw.grant === "string" ? await claimSession(raw.grant) : null;
        if (!claimed) return null;
        return { id: claimed.userId, role: claimed.role, sessionId: raw.grant as string };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sid = user.sessionId;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.sessionId = token.sid;
      session.role = token.role;
      return session;
    },
  },
}));

/** Sets the session cookie for a session just opened by a complete sign-in. */
export async function issueSessionCookie(sessionId: string): Promise<void> {
  await signIn("credentials", { grant: sessionId, redirect: false });
}
