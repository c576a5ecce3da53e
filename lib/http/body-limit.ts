import { SIGNATURE_MAX_BYTES, SIGNATURE_MESSAGES } from "@/lib/signature/rules";

// Next.js refuses a server action body over 1 MB (serverActions.bodySizeLimit) by throwing, which
// a browser without JavaScript sees as a bare 500. proxy.ts turns an oversized body away first,
// from its Content-Length, with a 413 and a French sentence. The route handlers that take files
// read at most their own limit and answer it themselves; here they get a little room for that.

export const ACTION_BODY_LIMIT = 1024 * 1024;

const SIGNATURE_UPLOAD = "/profile/signature";

const ROUTE_LIMITS: Record<string, number> = {
  [SIGNATURE_UPLOAD]: SIGNATURE_MAX_BYTES + 64 * 1024,
};

/** True when a request announces a body larger than its path accepts. */
export function isOversizedBody(pathname: string, contentLength: string | null): boolean {
  if (contentLength === null) return false;
  const length = Number(contentLength);
  if (!Number.isFinite(length)) return true;
  return length > (ROUTE_LIMITS[pathname] ?? ACTION_BODY_LIMIT);
}

export const OVERSIZED_BODY_REFUSAL = "Envoi trop volumineux : un formulaire ne peut pas dépasser 1 Mo. Raccourcissez le texte saisi.";

/** The answer to a signature upload over 2 MB, from the proxy or the route: what the page shows next to the file. */
export const OVERSIZED_SIGNATURE_REFUSAL = { status: "error", fieldErrors: { file: SIGNATURE_MESSAGES.tooLarge } } as const;

/** The 413 of an oversized body, in the form its sender reads: JSON for the signature upload, text for a form. */
export function oversizedBodyAnswer(pathname: string): { contentType: string; body: string } {
  return pathname === SIGNATURE_UPLOAD
    ? { contentType: "application/json", body: JSON.stringify(OVERSIZED_SIGNATURE_REFUSAL) }
    : { contentType: "text/plain; charset=utf-8", body: OVERSIZED_BODY_REFUSAL };
}

export type LimitedBody = { kind: "done"; bytes: Uint8Array } | { kind: "too-large" };

/**
 * A request body, read up to `limit` bytes. A chunked upload announces no length to refuse it by,
 * so past the limit this stops reading and says so, never holding more than `limit` bytes, and
 * whatever the stream does next (fails, or fails to stop) changes nothing: the answer is the
 * same « too large » as for a declared length.
 */
export async function readBodyAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<LimitedBody> {
  if (!body) return { kind: "done", bytes: new Uint8Array() };
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { kind: "done", bytes: Buffer.concat(parts) };
    total += value.byteLength;
    if (total > limit) {
      // The rest is not wanted; a stream that cannot be stopped cleanly is no reason for a 500.
      reader.cancel().catch(() => {});
      return { kind: "too-large" };
    }
    parts.push(value);
  }
}
