import "server-only";
import * as oidc from "openid-client";
import { appUrl } from "@/config/email";
import { esanteOidcSettings } from "@/config/env";

// The OpenID Connect client for eSanté (LuxTrust), with openid-client. The provider's metadata is
// discovered once and kept (it is the provider's public description, not shared state). The cache
// is per module copy, not on globalThis: Next bundles this module into several copies, each with its
// own openid-client, and one copy's Configuration fails the other copy's instanceof check.

export const ESANTE_CALLBACK_PATH = "/profile/esante/retour";

export function esanteRedirectUri(): string {
  return `${appUrl()}${ESANTE_CALLBACK_PATH}`;
}

export function esanteConfigured(): boolean {
  return esanteOidcSettings() !== null;
}

/** Plain http is allowed only for a provider on this machine (the tests' local provider). */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
}

let cached: { id: string; config: Promise<oidc.Configuration> } | undefined;

export async function esanteClient(): Promise<oidc.Configuration | null> {
  const settings = esanteOidcSettings();
  if (!settings) return null;
  const id = `${settings.issuer}\u0000${settings.clientId}`;
  if (cached?.id !== id) {
    const issuer = new URL(settings.issuer);
    const config = oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
      execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
    cached = { id, config };
    // A failed discovery is tried again on the next request, not remembered.
    config.catch(() => {
      if (cached?.config === config) cached = undefined;
    });
  }
  return cached!.config;
}
