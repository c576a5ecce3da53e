import type { FormState } from "@/lib/forms/form-state";
import { SIGN_IN_PATH, SIGN_IN_TITLE, type Role } from "./roles";
import { supportEmail } from "@/config/env";

/** The public sign-in pages (the support page is never linked from public pages). */
export const PUBLIC_PORTALS = ["doctor", "secretary", "patient"] as const satisfies readonly Role[];

/** A sign-in form posted for no known page: only a forged or stale page does that. */
export const UNKNOWN_SIGN_IN_PAGE = "Page de connexion inconnue.";

export const INVALID_CREDENTIALS = "Courriel ou mot de passe incorrect.";

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

export type SignInRefusal =
  { kind: "invalid-credentials" } | { kind: "wrong-portal" } | { kind: "throttled"; retryAfterSeconds: number } | { kind: "blocked" };

/**
 * What the blocked page and the email say happened (docs/decisions/0037): three wrong codes, or
 * three codes requested by email without a successful sign-in.
 */
export const BLOCK_REASON_TEXT = {
  "wrong-codes": "Après trois codes de double authentification erronés, votre compte a été bloqué et toutes ses sessions ont été fermées.",
  "email-codes":
    "Trois codes à usage unique ont été demandés par courriel sans connexion réussie : votre compte a été bloqué et toutes ses sessions ont été fermées.",
} as const;

export function blockedMessage(): string {
  return `Votre compte est bloqué. Pour le réactiver, veuillez contacter notre support à l'adresse : ${supportEmail()}`;
}

/**
 * What the sign-in form shows for a refusal. The wrong-page text is the same whatever the
 * account's role, and an unknown email reads exactly like a wrong password.
 */
export function signInRefusal(refusal: SignInRefusal, portal: Role): FormState {
  switch (refusal.kind) {
    case "wrong-portal":
      return {
        status: "error",
        formError:
          "Vous cherchez un autre accès ? La fenêtre de connexion ci-dessus ne vous est pas destinée. Vous devez vous connecter sur la page qui correspond à votre compte :",
        links: PUBLIC_PORTALS.filter((r) => r !== portal).map((r) => ({ href: SIGN_IN_PATH[r], label: SIGN_IN_TITLE[r] })),
      };
    case "throttled":
      return {
        status: "error",
        formError: `Trop de tentatives de connexion. Réessayez dans ${waitText(Math.max(1, refusal.retryAfterSeconds))}.`,
      };
    case "blocked":
      return { status: "error", formError: blockedMessage() };
    case "invalid-credentials":
      return { status: "error", formError: INVALID_CREDENTIALS };
  }
}
