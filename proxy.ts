import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { secureCookiesEnabled } from "@/config/env";
import { isOversizedBody, oversizedBodyAnswer } from "@/lib/http/body-limit";
import { CROSS_SITE_REFUSAL, isCrossSiteWrite } from "@/lib/http/same-origin";
import { contentSecurityPolicyFor } from "@/lib/http/security-headers";
import { areaOf, canEnter, HOME_PATH, isRole, signInPathForArea } from "@/lib/auth/roles";

// First gate, and a cheap one: it reads the encrypted session cookie (no database) to send
// anonymous visitors to the right sign-in page and keep each role in its area. It is not the
// authorization: every page, action and route handler checks again in lib/auth/guards.ts.
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const mode = process.env.NODE_ENV !== "production" ? "dev" : secureCookiesEnabled() ? "https" : "plain-http";
  const csp = contentSecurityPolicyFor(request.nextUrl.pathname, nonce, mode);
  const area = areaOf(request.nextUrl.pathname);

  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const refusal = isCrossSiteWrite(request.method, request.headers.get("origin"), host)
    ? { status: 403, contentType: "text/plain; charset=utf-8", body: CROSS_SITE_REFUSAL }
    : request.method === "POST" && isOversizedBody(request.nextUrl.pathname, request.headers.get("content-length"))
      ? { status: 413, ...oversizedBodyAnswer(request.nextUrl.pathname) }
      : null;
  if (refusal) {
    return new NextResponse(refusal.body, {
      status: refusal.status,
      headers: { "Content-Type": refusal.contentType, "Content-Security-Policy": csp },
    });
  }

  if (area !== "public" && area !== "api") {
    const token = await getToken({
      req: request,
      secret: process.env.AUTH_SECRET ?? "",
      secureCookie: secureCookiesEnabled(),
    }).catch(() => null);
    const role = token?.role;
    const target = !isRole(role) ? signInPathForArea(area) : !canEnter(role, area) ? HOME_PATH[role] : null;
    if (target) {
      const response = NextResponse.redirect(new URL(target, request.url), 303);
      response.headers.set("Content-Security-Policy", csp);
      return response;
    }
  }

  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // /_next/image too: with the optimiser off it is the app's 404 page, which gets the headers.
  matcher: ["/((?!_next/static|favicon.ico).*)"],
};
