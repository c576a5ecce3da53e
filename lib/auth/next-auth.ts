import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { secureCookiesEnabled } from "@/lib/config/env";
import { requestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log";
import { isRole, type Role } from "./roles";
import { signInSchema } from "./schema";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";
import { signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    sid?: string;
  }
}

/** A refused sign-in; `code` is one of PasswordStepResult's kinds (plus ":seconds" when throttled). */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// Auth.js only carries the id of our sessions row in its encrypted cookie; whether that row is
// still live is checked on every request (lib/auth/guards.ts). Lazy config: AUTH_SECRET may be
// generated at start-up, after this module is loaded.
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
      credentials: { email: {}, password: {}, portal: {} },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success || !isRole(raw.portal)) throw new SignInRefused("invalid-credentials");
        const result = await signInWithPassword(raw.portal, parsed.data.email, parsed.data.password, await requestContext());
        if (result.kind === "throttled") throw new SignInRefused(`throttled:${result.retryAfterSeconds}`);
        if (result.kind !== "signed-in") throw new SignInRefused(result.kind);
        return { id: result.user.id, role: result.user.role, sessionId: result.session.id };
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
      return session;
    },
  },
}));
