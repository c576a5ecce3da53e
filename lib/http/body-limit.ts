import { SIGNATURE_MAX_BYTES } from "@/lib/signature/rules";

// Next.js refuses a server action body over 1 MB (serverActions.bodySizeLimit) by throwing, which
// a browser without JavaScript sees as a bare 500. proxy.ts turns an oversized body away first,
// from its Content-Length, with a 413 and a French sentence. The route handlers that take files
// read at most their own limit and answer it themselves; here they get a little room for that.

export const ACTION_BODY_LIMIT = 1024 * 1024;

const ROUTE_LIMITS: Record<string, number> = {
  "/profile/signature": SIGNATURE_MAX_BYTES + 64 * 1024,
};

/** True when a request announces a body larger than its path accepts. */
export function isOversizedBody(pathname: string, contentLength: string | null): boolean {
  if (contentLength === null) return false;
  const length = Number(contentLength);
  if (!Number.isFinite(length)) return true;
  return length > (ROUTE_LIMITS[pathname] ?? ACTION_BODY_LIMIT);
}

export const OVERSIZED_BODY_REFUSAL = "Envoi trop volumineux : un formulaire ne peut pas dépasser 1 Mo. Raccourcissez le texte saisi.";
