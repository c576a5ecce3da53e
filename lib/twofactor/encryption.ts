import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// TOTP secrets are encrypted at rest with AES-256-GCM under AUTH_ENCRYPTION_KEY, so a copy of the
// database alone does not let anyone generate a user's codes. No "server-only" marker: the demo
// seed (a command-line tool) encrypts the demo secrets too.

const VERSION = "v1";

function key(): Buffer {
  const raw = process.env.AUTH_ENCRYPTION_KEY;
  if (!raw) throw new Error("AUTH_ENCRYPTION_KEY is not set");
  // Any string of enough entropy is accepted; hashing gives exactly 32 bytes.
  return createHash("sha256").update(raw).digest();
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, body] = stored.split(":");
  if (version !== VERSION || !iv || !tag || !body) throw new Error("unreadable encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
