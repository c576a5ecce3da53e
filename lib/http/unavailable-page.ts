// The page every request gets while PostgreSQL cannot be reached (server.ts): a 503 that says so
// in French and asks the browser to come back, rather than a 500 that looks like a bug. Static,
// without scripts, so it needs nothing that could itself be down.

import { staticSecurityHeaders } from "./security-headers";

export const RETRY_AFTER_SECONDS = 5;

/**
 * The 503's headers. Next never sees this response, so next.config.ts's headers are not added:
 * the same static ones (Referrer-Policy, Permissions-Policy…) are spread here, with a policy of
 * its own that allows only the page's inline style.
 */
export function unavailableHeaders(json: boolean): Record<string, string> {
  return {
    ...Object.fromEntries(staticSecurityHeaders().map((h) => [h.key, h.value])),
    "Content-Type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  };
}

export const UNAVAILABLE_HTML = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}">
<title>Service momentanément indisponible · Doctipro</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f8fafc; color: #0f172a; }
  main { max-width: 32rem; margin: 15vh auto; padding: 2rem; background: #fff; border: 1px solid #e2e8f0; border-radius: .75rem; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  p { line-height: 1.5; color: #334155; }
</style>
</head>
<body>
<main>
  <h1>Doctipro est momentanément indisponible</h1>
  <p>Notre base de données ne répond pas pour l'instant. Aucune donnée n'est perdue : la page se rechargera d'elle-même dans quelques secondes.</p>
  <p>Si cela dure, écrivez à <a href="mailto:info@doctipro.lu">info@doctipro.lu</a>.</p>
</main>
</body>
</html>
`;

export const UNAVAILABLE_JSON = JSON.stringify({ status: "indisponible" });

type Res = {
  headersSent: boolean;
  writeHead: (status: number, ...rest: never[]) => unknown;
  write: (...args: never[]) => boolean;
  end: (...args: never[]) => unknown;
};

/**
 * A request already inside the app when the database went away fails there. Before the first
 * byte, its 500 (Next's own page, in English) becomes the French 503 page above, whole; what Next
 * writes after that is dropped. Once a page has started streaming its status is sent: the part
 * that failed is replaced by the segment's French error boundary (app/…/error.tsx) instead.
 */
export function answerUnavailableOnFailure(res: Res, databaseDown: () => boolean, json: boolean): void {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => unknown;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => unknown;
  let replaced = false;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (replaced) return res;
    if (status >= 500 && !res.headersSent && databaseDown()) {
      replaced = true;
      writeHead(503, unavailableHeaders(json));
      end(json ? UNAVAILABLE_JSON : UNAVAILABLE_HTML);
      return res;
    }
    return writeHead(status, ...rest);
  }) as Res["writeHead"];
  res.write = ((...args: unknown[]) => {
    if (!replaced) return write(...args);
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }) as Res["write"];
  res.end = ((...args: unknown[]) => {
    if (!replaced) return end(...args);
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    callback?.();
    return res;
  }) as Res["end"];
}
