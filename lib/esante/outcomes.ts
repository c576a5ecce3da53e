import type { FormState } from "@/lib/forms/form-state";

// What the eSanté callback tells the profile page (a short code in the URL, never a token), and
// the French message for each.

export const ESANTE_OUTCOMES = {
  lie: { tone: "success", text: "Votre compte est connecté à eSanté." },
  annule: { tone: "warning", text: "Connexion eSanté annulée : rien n'a été modifié." },
  "etat-invalide": {
    tone: "error",
    text: "Cette réponse d'eSanté ne correspond à aucune demande de connexion en cours de votre part : rien n'a été modifié. Recommencez avec « Connecter via LuxTrust ».",
  },
  "deja-utilise": { tone: "error", text: "Cette réponse d'eSanté a déjà été traitée : elle ne peut pas servir une seconde fois." },
  expire: { tone: "error", text: "La demande de connexion a expiré (10 minutes) : recommencez avec « Connecter via LuxTrust »." },
  refuse: { tone: "error", text: "eSanté n'a pas confirmé votre identité : rien n'a été modifié. Réessayez ou contactez le support." },
  "deja-lie-ailleurs": { tone: "error", text: "Cette identité eSanté est déjà liée au compte d'un autre médecin." },
  indisponible: { tone: "error", text: "Le service eSanté (LuxTrust) ne répond pas. Réessayez dans quelques minutes." },
  "non-configure": { tone: "error", text: "La connexion eSanté n'est pas configurée sur cette installation de Doctipro." },
} as const satisfies Record<string, { tone: "success" | "warning" | "error"; text: string }>;

export type EsanteOutcome = keyof typeof ESANTE_OUTCOMES;

/** What starting a link answers (a redirect to eSanté, or why not) and what unlinking answers. */
export type EsanteStart = { kind: "redirect"; url: string } | { kind: "not-configured" } | { kind: "unavailable" } | { kind: "already-linked" };
export type EsanteUnlink = { kind: "done" } | { kind: "not-linked" };

export function isEsanteOutcome(value: unknown): value is EsanteOutcome {
  return typeof value === "string" && Object.hasOwn(ESANTE_OUTCOMES, value);
}

/** « Connecter via LuxTrust » refused before the doctor leaves for eSanté. */
export function esanteStartRefusal(start: Exclude<EsanteStart, { kind: "redirect" }>): FormState {
  switch (start.kind) {
    case "not-configured":
      return { status: "error", formError: ESANTE_OUTCOMES["non-configure"].text };
    case "unavailable":
      return { status: "error", formError: ESANTE_OUTCOMES.indisponible.text };
    case "already-linked":
      return { status: "error", formError: "Votre compte est déjà connecté à eSanté." };
  }
}

export function esanteUnlinkAnswer(result: EsanteUnlink): FormState {
  switch (result.kind) {
    case "done":
      return { status: "success", message: "Votre compte n'est plus connecté à eSanté." };
    case "not-linked":
      return { status: "error", formError: "Votre compte n'était pas connecté à eSanté." };
  }
}
