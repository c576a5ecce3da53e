import Provider from "oidc-provider";

// A real OpenID Connect provider (the oidc-provider package) standing in for eSanté/LuxTrust in the
// browser tests; playwright.config.ts starts it next to the app. Its login page accepts any login
// (the login becomes the subject), then asks for consent; « [ Cancel ] » answers access_denied.

const port = Number(process.env.PORT);
const issuer = `http://localhost:${port}`;
const redirectUris = (process.env.ESANTE_E2E_REDIRECT_URIS ?? "").split(",").filter(Boolean);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.ESANTE_OIDC_CLIENT_ID!,
      client_secret: process.env.ESANTE_OIDC_CLIENT_SECRET!,
      redirect_uris: redirectUris,
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  pkce: { required: () => true, methods: ["S256"] },
  claims: { openid: ["sub"], profile: ["name"] },
  // The name goes into the ID token itself (the app reads no userinfo).
  conformIdTokenClaims: false,
  findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, name: `Dr ${id}` }) }),
  cookies: { keys: ["e2e-only-esante-provider-cookie-key"] },
  features: { devInteractions: { enabled: true } },
});
// Quiet: the provider warns about its development-only screens on every start.
provider.on("server_error", (_ctx, error) => console.error("esante provider:", error.message));
provider.listen(port, () => console.log(`esante provider on ${issuer}`));
