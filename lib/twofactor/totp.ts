import { Secret, TOTP } from "otpauth";

// RFC 6238 as every authenticator app implements it: SHA-1, 6 digits, 30-second steps, and one
// step of tolerance either side for clock drift.
const PERIOD = 30;
export const TOTP_WINDOW = 1;

function totp(secretBase32: string, label = "Doctipro") {
  return new TOTP({ issuer: "Doctipro", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code (issuer Doctipro, label = email). */
export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/** The secret in groups of 4 for typing by hand. */
export function groupSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, "$1 ").trim();
}

export function totpStep(at: number): number {
  return Math.floor(at / 1000 / PERIOD);
}

/**
 * The time step a code belongs to, if it is valid within ±1 step of `at`, else null. The caller
 * refuses a step not greater than the last accepted one (no replay).
 */
export function matchTotp(secretBase32: string, code: string, at = Date.now()): number | null {
  const delta = totp(secretBase32).validate({ token: code, timestamp: at, window: TOTP_WINDOW });
  return delta === null ? null : totpStep(at) + delta;
}

/** The code for a moment (tests and the demo). */
export function totpCodeAt(secretBase32: string, at = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}
