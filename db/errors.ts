// What PostgreSQL (or PGlite) answered, read through the wrappers drivers and Drizzle put around
// its error (a query error's `cause` holds the database's own).

/** True when `error` carries SQLSTATE `code`, for `constraint` if given. */
export function isDatabaseError(error: unknown, code: string, constraint?: string): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code: found, constraint: name, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (found === code && (!constraint || name === constraint || (typeof message === "string" && message.includes(constraint)))) return true;
  }
  return false;
}

/** An exclusion constraint refused the row (two appointments at once, overlapping hours). */
export const EXCLUSION_VIOLATION = "23P01";
export const UNIQUE_VIOLATION = "23505";
export const FOREIGN_KEY_VIOLATION = "23503";
