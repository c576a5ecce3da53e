import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

// One-time codes and tokens are stored as an HMAC keyed with AUTH_SECRET: a 6-digit code hashed
// without a key could be recovered from a database copy in microseconds.

export function hashOneTimeSecret(purpose: string, value: string): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return createHmac("sha256", secret).update(`${purpose}\u0000${value}`).digest("base64url");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A uniformly random 6-digit code, leading zeros kept. */
export function randomDigits(length = 6): string {
  return Array.from({ length }, () => randomInt(10)).join("");
}

/** A long random token for links (256 bits). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}
