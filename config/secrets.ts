import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AuditKeyError, newAuditKeyEntry, parseAuditKeys } from "./audit-keys";
import { dataDir, isEmbedded } from "./env";

/**
 * Secrets the app cannot run without. AUTH_ENCRYPTION_KEY encrypts TOTP secrets at rest;
 * AUDIT_HMAC_KEYS keys the audit chain (config/audit-keys.ts).
 */
export const REQUIRED_SECRETS = ["AUTH_SECRET", "AUTH_ENCRYPTION_KEY", "AUDIT_HMAC_KEYS"] as const;
type SecretName = (typeof REQUIRED_SECRETS)[number];

/** How the embedded default generates each secret it was not given. */
const GENERATE: Record<SecretName, () => string> = {
  AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  AUTH_ENCRYPTION_KEY: () => randomBytes(32).toString("base64url"),
  AUDIT_HMAC_KEYS: () => newAuditKeyEntry(),
};

/** Where the embedded default keeps the secrets it generated. */
export function secretsFile(): string {
  return path.join(dataDir(), "secrets.json");
}

export class MissingSecretError extends Error {}

/**
 * Makes every required secret available in process.env.
 * Embedded demo: a secret not given by the environment is generated once and kept in the data
 * folder (mode 0600), so sessions survive restarts. Production (DATABASE_URL set): a missing
 * secret is fatal, named in one line.
 */
export function ensureSecrets(names: readonly SecretName[] = REQUIRED_SECRETS): void {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) generateMissing(missing);
  if (names.includes("AUDIT_HMAC_KEYS")) {
    try {
      parseAuditKeys(process.env.AUDIT_HMAC_KEYS);
    } catch (error) {
      if (error instanceof AuditKeyError) throw new MissingSecretError(`${error.message} Démarrage refusé.`);
      throw error;
    }
  }
}

function generateMissing(missing: SecretName[]): void {
  if (!isEmbedded()) {
    throw new MissingSecretError(`${missing[0]} est requis quand DATABASE_URL est défini (voir .env.example) ; démarrage refusé.`);
  }
  const file = secretsFile();
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = GENERATE[name]();
      changed = true;
    }
    process.env[name] = stored[name];
  }
  if (changed) {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}
