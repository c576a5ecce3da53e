import "server-only";
import { headers } from "next/headers";
import { trustedProxySetting } from "@/config/env";
import { clientIp, parseTrustedProxies, SOCKET_IP_HEADER } from "./client-ip";

export type RequestContext = { ip: string; userAgent: string; requestId: string };

const trusted = parseTrustedProxies(trustedProxySetting());

/** Who is calling, for sessions, throttling and logs. */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return {
    ip: clientIp(h.get(SOCKET_IP_HEADER), h.get("x-forwarded-for"), trusted),
    userAgent: (h.get("user-agent") ?? "").slice(0, 512),
    requestId: h.get("x-request-id") ?? "",
  };
}
