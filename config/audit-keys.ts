import { randomBytes } from "node:crypto";

// The keys of the audit chain's HMAC (docs/decisions/0038). They come from the environment, never
// from the database: whoever holds the database alone cannot rewrite the chain.
//
// AUDIT_HMAC_KEYS="id2:base64key,id1:oldkey" — the first key signs new rows; the others only
// verify the rows they signed (kept after a rotation, npm run audit:rotate-key).

export type AuditKey = { id: string; key: Buffer };

const ID = /^[A-Za-z0-9_.-]{1,40}$/;
const MIN_KEY_BYTES = 32;

export class AuditKeyError extends Error {}

/** Parses AUDIT_HMAC_KEYS; throws a French one-line message naming what is wrong. */
export function parseAuditKeys(value: string | undefined): AuditKey[] {
  if (!value?.trim()) throw new AuditKeyError("AUDIT_HMAC_KEYS est requis (voir .env.example : npm run audit:rotate-key en crée une).");
  const keys = value.split(",").map((part) => {
    const at = part.indexOf(":");
    const id = part.slice(0, at).trim();
    const key = Buffer.from(part.slice(at + 1).trim(), "base64");
    if (at < 1 || !ID.test(id)) throw new AuditKeyError(`AUDIT_HMAC_KEYS : identifiant de clé invalide « ${id || part.trim()} ».`);
    if (key.length < MIN_KEY_BYTES)
      throw new AuditKeyError(`AUDIT_HMAC_KEYS : la clé « ${id} » doit faire au moins ${MIN_KEY_BYTES} octets (base64).`);
    return { id, key };
  });
  const ids = new Set(keys.map((k) => k.id));
  if (ids.size !== keys.length) throw new AuditKeyError("AUDIT_HMAC_KEYS : deux clés portent le même identifiant.");
  return keys;
}

let cached: { value: string; keys: AuditKey[] } | null = null;

/** The configured keys, the current one first (read from process.env at each call, parsed once). */
export function auditKeys(): AuditKey[] {
  const value = process.env.AUDIT_HMAC_KEYS ?? "";
  if (cached?.value !== value) cached = { value, keys: parseAuditKeys(value) };
  return cached.keys;
}

/** A new key entry « a<date>-<random>:<base64 32 bytes> », unique even when rotated twice a day. */
export function newAuditKeyEntry(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `a${day}-${randomBytes(3).toString("hex")}:${randomBytes(32).toString("base64")}`;
}
