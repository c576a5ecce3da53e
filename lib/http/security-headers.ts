// Relative, not "@/": next.config.ts imports this file before path aliases exist.
import { esanteOidcSettings } from "../../config/env";

// Headers every response carries. The Content-Security-Policy needs a per-request nonce, so
// proxy.ts builds it; the rest are static and set from next.config.ts.

export function staticSecurityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    },
    ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

/** The eSanté provider's origin: « Connecter via LuxTrust » is a form whose answer redirects there. */
function esanteOrigin(): string {
  const issuer = esanteOidcSettings()?.issuer;
  try {
    return issuer ? ` ${new URL(issuer).origin}` : "";
  } catch {
    return "";
  }
}

/**
 * How the app is served: a development server (eval, websocket for reload), or a production build
 * over HTTPS or, when AUTH_INSECURE_COOKIES=1 says so, over plain HTTP on a LAN.
 */
export type ServingMode = "dev" | "https" | "plain-http";

/**
 * Scripts only with the nonce (no 'unsafe-inline'); nothing may frame the app. Over HTTPS, a
 * stray http:// address in a page is fetched over HTTPS instead of in clear.
 */
export function contentSecurityPolicy(nonce: string, mode: ServingMode): string {
  const dev = mode === "dev";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Next set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${esanteOrigin()}`,
    "frame-ancestors 'none'",
    ...(mode === "https" ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The address of a document's PDF (app/(practice)/documents/[id]/pdf). */
const DOCUMENT_PDF = /^\/documents\/[^/]+\/pdf$/;

/** The address of the doctor's signature image (app/(practice)/profile/signature). */
const SIGNATURE_IMAGE = "/profile/signature";

/**
 * The signature image's policy: opened on its own, it is a sandboxed document that may load and
 * run nothing. The route sets it too, but the proxy's header replaces a route's, so it lives here.
 */
export const IMAGE_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

/**
 * The policy of a response. A PDF gets only « frame-ancestors 'none' »: Chrome shows a PDF through
 * an internal <embed> and inline styles, which the pages' « object-src 'none' » and nonce rules
 * would block (« Ce contenu est bloqué »). A PDF runs none of the app's scripts; nosniff and its
 * exact Content-Type keep it a PDF.
 */
export function contentSecurityPolicyFor(pathname: string, nonce: string, mode: ServingMode): string {
  if (pathname === SIGNATURE_IMAGE) return IMAGE_POLICY;
  return DOCUMENT_PDF.test(pathname) ? "frame-ancestors 'none'" : contentSecurityPolicy(nonce, mode);
}
