// Cross-site request forgery: a browser says where a form or fetch comes from in the Origin header,
// and a page of another site cannot forge it. A state-changing request (POST, PUT, PATCH, DELETE)
// whose Origin names another site is refused by proxy.ts with a 403 before any server action or
// route handler runs (Next.js would otherwise answer its own check with a bare 500). A request
// with no Origin at all (curl, a server) is left to the guards: it carries no browser's cookies
// unless its sender already holds them.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when the request changes state and its Origin is not this site's own host. */
export function isCrossSiteWrite(method: string, origin: string | null, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (origin === null) return false;
  // "null": a sandboxed frame, a data: URL or a privacy-sensitive redirect; never our own page.
  if (origin === "null" || !host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true;
  }
}

export const CROSS_SITE_REFUSAL = "Requête refusée : elle ne provient pas d'une page de Doctipro.";
