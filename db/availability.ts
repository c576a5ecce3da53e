// Whether PostgreSQL is reachable, as this process last saw it. While it is not, server.ts answers
// every page with a French 503 instead of letting each request fail into a 500, and probes the
// database until it answers again: the app recovers by itself when PostgreSQL is back, without a
// restart (docs/decisions/0012). Kept on globalThis: Next bundles this module apart from server.ts.

const KEY = Symbol.for("doctipro.db-availability");
type State = { downSince: number | null; lastError: string | null };
const g = globalThis as unknown as { [KEY]?: State };
const state = (): State => (g[KEY] ??= { downSince: null, lastError: null });

// Errors that mean "no database here right now", not "this query is wrong": refused or cut
// connections, and PostgreSQL's own shutting-down / starting-up / connection-exception codes.
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "EAI_AGAIN"]);

export function isConnectionError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (NETWORK_CODES.has(code) || code.startsWith("08") || code.startsWith("57P"))) return true;
  return typeof message === "string" && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}

/** Records a failure; only a connection error marks the database down. */
export function noteDatabaseError(error: unknown): void {
  if (!isConnectionError(error)) return;
  const s = state();
  s.downSince ??= Date.now();
  s.lastError = error instanceof Error ? error.message : String(error);
}

export function noteDatabaseUp(): void {
  const s = state();
  s.downSince = null;
  s.lastError = null;
}

export function databaseDownSince(): number | null {
  return state().downSince;
}
