import os from "node:os";
import path from "node:path";

// The one place that reads the environment (.env.example documents every variable). No
// "server-only" marker: the command-line tools and the custom server read it too, and nothing
// here is secret by itself.

/** Embedded mode: no DATABASE_URL, so PGlite in a local folder and a self-configuring demo. */
export function isEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || path.join(dataDir(), "pglite"));
}

export function isProductionBuild(): boolean {
  return process.env.NODE_ENV === "production";
}

/** Demo accounts are seeded in embedded mode, or on PostgreSQL only when DEMO_SEED=1. */
export function shouldSeedDemo(): boolean {
  return isEmbedded() || process.env.DEMO_SEED === "1";
}

export function supportEmail(): string {
  return process.env.SUPPORT_EMAIL || "info@doctipro.lu";
}

export function port(): number {
  const value = Number(process.env.PORT || 3000);
  return Number.isInteger(value) && value > 0 && value < 65536 ? value : 3000;
}

/**
 * Password hashes (argon2id, 64 MiB each) an instance runs at once: one per core by default. Set it
 * to cores ÷ instances when several instances share a host, so they do not hold more hashes in
 * memory than the cores can work on.
 */
export function passwordHashConcurrency(): number {
  const value = Number(process.env.PASSWORD_HASH_CONCURRENCY);
  return Number.isInteger(value) && value > 0 ? value : Math.max(1, os.availableParallelism());
}

/** Session cookies carry the Secure flag in production unless explicitly served over plain HTTP. */
export function secureCookiesEnabled(): boolean {
  return isProductionBuild() && process.env.AUTH_INSECURE_COOKIES !== "1";
}

export function trustedProxySetting(): string | undefined {
  return process.env.TRUSTED_PROXY || undefined;
}

/** Uploaded files go to Vercel Blob with this token; unset, to the data folder (lib/storage). */
export function blobReadWriteToken(): string | undefined {
  return process.env.BLOB_READ_WRITE_TOKEN || undefined;
}

/** eSanté through LuxTrust (OpenID Connect): all three set, or the link is « not configured ». */
export function esanteOidcSettings(): { issuer: string; clientId: string; clientSecret: string } | null {
  const issuer = process.env.ESANTE_OIDC_ISSUER;
  const clientId = process.env.ESANTE_OIDC_CLIENT_ID;
  const clientSecret = process.env.ESANTE_OIDC_CLIENT_SECRET;
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

/**
 * How often the job worker (lib/jobs/worker.ts) looks for due jobs, in milliseconds: every 5 s by
 * default, faster in the browser tests. 0 turns this instance's worker off (another instance, or
 * `npm run jobs:work` from cron, sends instead).
 */
export function jobsPollMs(): number {
  const raw = process.env.JOBS_POLL_MS;
  if (raw === undefined || raw === "") return 5_000;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : 5_000;
}
