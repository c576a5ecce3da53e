import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import * as oidc from "openid-client";
import { esanteLinkRequests, esanteLinks, type EsanteLink } from "@/db/schema";
import type { PracticeAccess } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log";
import { hashOneTimeSecret } from "@/lib/twofactor/secret-hash";
import { esanteClient, esanteRedirectUri } from "./oidc-client";
import type { EsanteOutcome, EsanteStart, EsanteUnlink } from "./outcomes";

// Linking a doctor's eSanté identity (docs/decisions/0008): an OpenID Connect authorization-code
// flow with PKCE, state and nonce. The request is stored in the database, bound to the doctor and
// to the browser session that started it, and used once. The answer only links the provider's
// subject to the doctor already signed in: it never signs anybody in.

const REQUEST_MINUTES = 10;
const SCOPE = "openid profile";
const stateHash = (state: string) => hashOneTimeSecret("esante_state", state);

export async function findEsanteLink(doctorId: string): Promise<EsanteLink | null> {
  const [row] = await getDb().select().from(esanteLinks).where(eq(esanteLinks.doctorId, doctorId)).limit(1);
  return row ?? null;
}

/** Starts a link for the doctor of `access`: stores the request and returns the provider's URL. */
export async function startEsanteLink(access: PracticeAccess): Promise<EsanteStart> {
  let config: oidc.Configuration | null;
  try {
    config = await esanteClient();
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : "unknown" }, "eSanté discovery failed");
    return { kind: "unavailable" };
  }
  if (!config) return { kind: "not-configured" };
  if (await findEsanteLink(access.doctor.id)) return { kind: "already-linked" };

  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await getDb().transaction(async (tx) => {
    // One request in progress per browser session: starting again voids the previous one. Requests
    // a day past their expiry have nothing left to tell (not even « already used »): cleared here.
    await tx.delete(esanteLinkRequests).where(and(eq(esanteLinkRequests.sessionId, access.session.id), isNull(esanteLinkRequests.usedAt)));
    await tx.delete(esanteLinkRequests).where(lt(esanteLinkRequests.expiresAt, sql`now() - interval '1 day'`));
    await tx.insert(esanteLinkRequests).values({
      stateHash: stateHash(state),
      doctorId: access.doctor.id,
      sessionId: access.session.id,
      nonce,
      codeVerifier,
      expiresAt: new Date(Date.now() + REQUEST_MINUTES * 60_000),
    });
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: esanteRedirectUri(),
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { kind: "redirect", url: url.href };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * The provider's answer at the callback. The request must belong to this doctor and this browser
 * session, be unused and fresh; it is used up before the code is exchanged, so a replayed answer
 * (same state and code) is refused without reaching the provider.
 */
export async function finishEsanteLink(access: PracticeAccess, params: URLSearchParams): Promise<EsanteOutcome> {
  const state = params.get("state");
  if (!state || state.length > 200) return "etat-invalide";
  const hash = stateHash(state);
  const mine = and(
    eq(esanteLinkRequests.stateHash, hash),
    eq(esanteLinkRequests.doctorId, access.doctor.id),
    eq(esanteLinkRequests.sessionId, access.session.id),
  );
  const [request] = await getDb()
    .update(esanteLinkRequests)
    .set({ usedAt: sql`now()` })
    .where(and(mine, isNull(esanteLinkRequests.usedAt), gt(esanteLinkRequests.expiresAt, sql`now()`)))
    .returning();
  if (!request) {
    const [known] = await getDb().select({ usedAt: esanteLinkRequests.usedAt }).from(esanteLinkRequests).where(mine).limit(1);
    if (!known) return "etat-invalide";
    return known.usedAt ? "deja-utilise" : "expire";
  }

  const error = params.get("error");
  if (error) return error === "access_denied" ? "annule" : "refuse";

  let config: oidc.Configuration | null;
  try {
    config = await esanteClient();
  } catch {
    return "indisponible";
  }
  if (!config) return "non-configure";

  let claims: oidc.IDToken | undefined;
  try {
    const callback = new URL(esanteRedirectUri());
    for (const [name, value] of params) callback.searchParams.append(name, value);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (err) {
    // Wrong code, code already used at the provider, bad signature or nonce: nothing is linked.
    logger.warn({ err: err instanceof Error ? err.message : "unknown" }, "eSanté code exchange refused");
    return "refuse";
  }
  if (!claims?.sub) return "refuse";

  const displayName = nameOf(claims);
  try {
    await getDb()
      .insert(esanteLinks)
      .values({ doctorId: access.doctor.id, issuer: claims.iss, subject: claims.sub, displayName })
      .onConflictDoUpdate({ target: esanteLinks.doctorId, set: { issuer: claims.iss, subject: claims.sub, displayName, linkedAt: sql`now()` } });
  } catch (err) {
    if (isUniqueViolation(err)) return "deja-lie-ailleurs";
    throw err;
  }
  return "lie";
}

function nameOf(claims: oidc.IDToken): string | null {
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 120) : null);
  return text(claims.name) ?? (text([claims.given_name, claims.family_name].filter(Boolean).join(" ")) || null);
}

export async function unlinkEsante(doctorId: string): Promise<EsanteUnlink> {
  const removed = await getDb().delete(esanteLinks).where(eq(esanteLinks.doctorId, doctorId)).returning({ id: esanteLinks.doctorId });
  return removed.length > 0 ? { kind: "done" } : { kind: "not-linked" };
}
