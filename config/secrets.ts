import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, isEmbedded } from "./env";

/** Secrets the app cannot run without. AUTH_ENCRYPTION_KEY encrypts TOTP secrets at rest. */
export const REQUIRED_SECRETS = ["AUTH_SECRET", "AUTH_ENCRYPTION_KEY"] as const;

export class MissingSecretError extends Error {}

/**
 * Makes every required secret available in process.env.
 * Embedded demo: a secret not given by the environment is generated once and kept in the data
 * folder (mode 0600), so sessions survive restarts. Production (DATABASE_URL set): a missing
 * secret is fatal, named in one line.
 */
export function ensureSecrets(): void {
  const missing = REQUIRED_SECRETS.filter((name) => !process.env[name]);
  if (missing.length === 0) return;
  if (!isEmbedded()) {
    throw new MissingSecretError(`${missing[0]} est requis quand DATABASE_URL est défini (voir .env.example) ; démarrage refusé.`);
  }
  const file = path.join(dataDir(), "secrets.json");
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("base64url");
      changed = true;
    }
    process.env[name] = stored[name];
  }
  if (changed) {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}
