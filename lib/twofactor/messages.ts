// What the second factor's results say to the person (French). Field messages for malformed
// codes are in code-format.ts.

/** A code that does not confirm a new enrolment: most often the phone's clock. */
export const ENROLMENT_CODE_REFUSED = "Code incorrect. Vérifiez l'heure de votre téléphone et réessayez.";

/** A code refused on the security page: wrong, or already used within its 30 s. */
export const CODE_REFUSED = "Code incorrect ou déjà utilisé.";

/** A sign-in's second step refused the code (wrong, or a recovery code wrong or spent). */
export function signInCodeRefused(method: "totp" | "email" | "recovery" | string): string {
  return method === "recovery" ? "Code de secours incorrect ou déjà utilisé." : "Code incorrect.";
}

/** A replayed authenticator code: refused, not counted (docs/decisions/0036). */
export const SIGN_IN_CODE_REPLAYED = "Ce code a déjà servi. Attendez que votre application affiche le code suivant, puis saisissez-le.";

/** A code emailed for the sign-in's second step; the third and last one warns (docs/decisions/0037). */
export function emailCodeSent(last: boolean): string {
  return last
    ? "Un dernier code à usage unique vient de vous être envoyé par courriel. Il est valable 10 minutes. Attention : c'est le dernier code que vous pouvez demander ; si ce code est erroné, s'il expire sans avoir servi ou si vous en demandez un autre, votre compte sera bloqué."
    : "Un code à usage unique vient de vous être envoyé par courriel. Il est valable 10 minutes.";
}

/** The pending sign-in of a second step is gone (expired, or used by another tab). */
export const SIGN_IN_STEP_EXPIRED = "Votre demande de connexion a expiré ou a déjà servi. Recommencez depuis la page de connexion.";

export const TWO_FACTOR_MESSAGE = {
  alreadyOn: "La double authentification est déjà activée.",
  requiredForRole: "La double authentification est obligatoire pour le support.",
  deactivated: "La double authentification est désactivée.",
  signInExpired: "Votre demande de connexion a expiré. Recommencez depuis la page de connexion.",
} as const;
