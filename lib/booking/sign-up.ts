import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { users, verifications, type Session, type User } from "@/db/schema";
import { isDatabaseError, UNIQUE_VIOLATION } from "@/db/errors";
import { secureCookiesEnabled } from "@/config/env";
import { hashPassword } from "@/lib/auth/password-hash";
import { passwordProblem } from "@/lib/auth/password-policy";
import { openSession } from "@/lib/auth/sessions";
import { getDb, type Database } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { signUpCodeEmail } from "@/lib/email/templates";
import { clientNetwork } from "@/lib/http/client-ip";
import type { RequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log";
import { takeToken } from "@/lib/rate-limit/fixed-window";
import { hashOneTimeSecret, randomDigits, sameHash } from "@/lib/twofactor/secret-hash";

// Creating a patient account inside the booking flow (docs/decisions/0042). A 6-digit code emailed
// to the address proves the mailbox, and only that: an address that already has an account then
// goes through that account's password and second factor (the ordinary sign-in code path); a new
// address chooses its names and password. Asking for a code answers the same for every address and
// never looks the address up, so the form tells nobody which addresses have an account.

export const SIGN_UP_CODE_MINUTES = 10;
/** Wrong guesses a code survives: the 6th wrong one kills it (1 chance in 200,000 to guess). */
export const SIGN_UP_CODE_ATTEMPTS = 5;
/** How long a proven mailbox may finish the next step (names and password, or the password). */
export const SIGN_UP_PROOF_MINUTES = 30;

/**
 * Codes asked for: per address and network (a stranger typing someone's address uses up only
 * their own share), per network across addresses (a flood from one source), per address per day
 * (what one mailbox may be sent at most). Codes checked: per network, on top of each code's own
 * attempt count, so guessing across many addresses is bounded too.
 */
export const SIGN_UP_LIMITS = {
  requestsPerAddressAndNetwork: 5,
  requestsPerNetwork: 30,
  requestsPerAddressPerDay: 10,
  checksPerNetwork: 60,
  windowSeconds: 3600,
};
const DAY_SECONDS = 24 * 3600;

const codeHash = (email: string, code: string) => hashOneTimeSecret("sign-up-email", `${email}\u0000${code}`);

export type SignUpCodeRequest = { kind: "sent" } | { kind: "too-many-requests" } | { kind: "daily-limit" };

/** « Recevoir un code »: emails a fresh code to `email` (normalised), voiding the previous one. */
export async function requestSignUpCode(
  email: string,
  ctx: Pick<RequestContext, "ip" | "requestId">,
  db: Database = getDb(),
): Promise<SignUpCodeRequest> {
  const network = clientNetwork(ctx.ip);
  const limits = SIGN_UP_LIMITS;
  if (!(await takeToken(`sign-up:network:${network}`, limits.requestsPerNetwork, limits.windowSeconds, new Date(), db)))
    return { kind: "too-many-requests" };
  if (!(await takeToken(`sign-up:address-network:${email}:${network}`, limits.requestsPerAddressAndNetwork, limits.windowSeconds, new Date(), db))) {
    return { kind: "too-many-requests" };
  }
  if (!(await takeToken(`sign-up:address-day:${email}`, limits.requestsPerAddressPerDay, DAY_SECONDS, new Date(), db)))
    return { kind: "daily-limit" };

  const code = randomDigits(6);
  await db.transaction(async (tx) => {
    await tx
      .update(verifications)
      .set({ usedAt: sql`now()` })
      .where(and(eq(verifications.purpose, "sign_up_email"), eq(verifications.email, email), isNull(verifications.usedAt)));
    await tx.insert(verifications).values({
      email,
      purpose: "sign_up_email",
      codeHash: codeHash(email, code),
      expiresAt: new Date(Date.now() + SIGN_UP_CODE_MINUTES * 60_000),
    });
  });
  // Sent whatever the address: the same mail, whether or not it has an account.
  await sendEmail(email, signUpCodeEmail(code));
  logger.info({ requestId: ctx.requestId, ip: ctx.ip }, "sign-up code sent");
  return { kind: "sent" };
}

export type SignUpCodeCheck =
  | { kind: "verified" }
  | { kind: "wrong-code"; remaining: number }
  /** No live code for this address: never sent, expired, used, or killed by wrong guesses. */
  | { kind: "expired" }
  | { kind: "too-many-attempts" };

/**
 * Checks the code of `email`. The live code's row is locked while its attempt is counted, so
 * simultaneous guesses are each counted and at most one right answer uses the code.
 */
export async function checkSignUpCode(
  email: string,
  code: string,
  ctx: Pick<RequestContext, "ip">,
  db: Database = getDb(),
): Promise<SignUpCodeCheck> {
  const network = clientNetwork(ctx.ip);
  if (!(await takeToken(`sign-up-check:network:${network}`, SIGN_UP_LIMITS.checksPerNetwork, SIGN_UP_LIMITS.windowSeconds, new Date(), db))) {
    return { kind: "too-many-attempts" };
  }
  const hash = codeHash(email, code);
  return db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: verifications.id, codeHash: verifications.codeHash, attempts: verifications.attempts })
      .from(verifications)
      .where(
        and(
          eq(verifications.purpose, "sign_up_email"),
          eq(verifications.email, email),
          isNull(verifications.usedAt),
          gt(verifications.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(verifications.createdAt))
      .limit(1)
      .for("update");
    if (!live) return { kind: "expired" } as const;
    if (sameHash(live.codeHash, hash)) {
      await tx
        .update(verifications)
        .set({ usedAt: sql`now()` })
        .where(eq(verifications.id, live.id));
      return { kind: "verified" } as const;
    }
    const attempts = live.attempts + 1;
    const dead = attempts >= SIGN_UP_CODE_ATTEMPTS;
    await tx
      .update(verifications)
      .set({ attempts, ...(dead ? { usedAt: sql`now()` } : {}) })
      .where(eq(verifications.id, live.id));
    return dead ? ({ kind: "expired" } as const) : ({ kind: "wrong-code", remaining: SIGN_UP_CODE_ATTEMPTS - attempts } as const);
  });
}

/** What a proven address leads to: its password (an account exists) or a new account. */
export async function accountFor(email: string, db: Database = getDb()): Promise<"existing" | "new"> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row ? "existing" : "new";
}

export type CreateAccountResult =
  | { kind: "signed-in"; user: User; session: Session }
  | { kind: "weak-password"; message: string }
  /** The address got an account meanwhile (another tab): its password is asked instead. */
  | { kind: "exists" };

/**
 * A new patient account for a proven mailbox, signed in at once: the code proved the mailbox and the
 * password was just chosen, which is all a sign-in would prove. Two-factor is left for « Mon compte ».
 */
export async function createPatientAccount(
  email: string,
  input: { firstName: string; lastName: string; password: string },
  ctx: Pick<RequestContext, "ip" | "userAgent" | "requestId">,
  db: Database = getDb(),
): Promise<CreateAccountResult> {
  const problem = passwordProblem(input.password, [email, input.firstName, input.lastName]);
  if (problem) return { kind: "weak-password", message: problem };
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email, passwordHash, role: "patient", firstName: input.firstName, lastName: input.lastName })
        .returning();
      const session = await openSession(tx, user!, ctx.ip, ctx.userAgent);
      return { user: user!, session };
    });
    logger.info({ requestId: ctx.requestId, userId: created.user.id }, "patient account created while booking");
    return { kind: "signed-in", ...created };
  } catch (error) {
    if (isDatabaseError(error, UNIQUE_VIOLATION)) return { kind: "exists" };
    throw error;
  }
}

// The proof that this browser read the code: an HttpOnly cookie holding the address, its expiry and
// an HMAC of both keyed with AUTH_SECRET. It opens no session and signs nobody in; it only lets the
// next step (names and password, or the existing account's password) be shown for that address.

function proofCookieName(): string {
  return secureCookiesEnabled() ? "__Host-doctipro-sign-up" : "doctipro-sign-up";
}

export function signUpProofValue(email: string, expiresAt: number): string {
  return `${expiresAt}.${Buffer.from(email).toString("base64url")}.${hashOneTimeSecret("sign-up-proof", `${email}\u0000${expiresAt}`)}`;
}

/** The address a proof names, if its HMAC holds and it has not expired; else null. */
export function readSignUpProof(value: string | undefined, now = Date.now()): string | null {
  if (!value || value.length > 600) return null;
  const [expires, encoded, mac] = value.split(".");
  if (!expires || !encoded || !mac || !/^\d{1,15}$/.test(expires)) return null;
  const expiresAt = Number(expires);
  if (expiresAt <= now) return null;
  const email = Buffer.from(encoded, "base64url").toString("utf8");
  return sameHash(mac, hashOneTimeSecret("sign-up-proof", `${email}\u0000${expiresAt}`)) ? email : null;
}

export async function setSignUpProof(email: string): Promise<void> {
  const expiresAt = Date.now() + SIGN_UP_PROOF_MINUTES * 60_000;
  (await cookies()).set(proofCookieName(), signUpProofValue(email, expiresAt), {
    httpOnly: true,
    secure: secureCookiesEnabled(),
    sameSite: "lax",
    path: "/",
    maxAge: SIGN_UP_PROOF_MINUTES * 60,
  });
}

export async function currentSignUpProof(): Promise<string | null> {
  return readSignUpProof((await cookies()).get(proofCookieName())?.value);
}

export async function clearSignUpProof(): Promise<void> {
  (await cookies()).delete(proofCookieName());
}
