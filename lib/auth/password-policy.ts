import "server-only";
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as fr from "@zxcvbn-ts/language-fr";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";

// Length limits live in the shared schema (the browser checks them too); the strength check needs
// the dictionaries, which are too heavy for the browser, so it runs here only.
zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...fr.dictionary },
  graphs: common.adjacencyGraphs,
  translations: fr.translations,
});

export const MIN_SCORE = 3;

/** zxcvbn's French hints come without a full stop: each sentence of the message ends with one. */
function sentence(text: string | null | undefined): string {
  const t = (text ?? "").trim();
  return t && !/[.!?…]$/.test(t) ? `${t}.` : t;
}

/** Why a new password is refused, in French, or null when it is acceptable. */
export function passwordProblem(password: string, personalInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN) return `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`;
  if (password.length > PASSWORD_MAX) return `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`;
  // An email counts whole and by its local part, never by the pieces of its domain: the domain is
  // the practice's or the provider's, shared with others and no clue to this person (« demo » in
  // dr.schmit@demo.doctipro.lu is not a name).
  const whole = personalInputs.map((s) => s.toLowerCase().trim()).filter((s) => s.length >= 3);
  const parts = whole
    .flatMap((s) => {
      const local = s.split("@")[0]!;
      return [s, local, ...local.split(/[.\s_+-]+/)];
    })
    .filter((s) => s.length >= 3);
  const inputs = [...new Set(parts)];
  const result = zxcvbn(password, inputs);
  if (result.score < MIN_SCORE) {
    const hint = sentence(result.feedback.warning || result.feedback.suggestions[0]);
    return `Ce mot de passe est trop facile à deviner.${hint ? ` ${hint}` : ""} Choisissez une phrase plus longue ou moins courante.`;
  }
  // zxcvbn rates a whole email address, or a name followed by a year, as strong: an attacker who
  // knows the account tries those first. What is left once they are taken out must be strong alone.
  let rest = password.toLowerCase();
  for (const part of [...inputs].sort((a, b) => b.length - a.length)) rest = rest.split(part).join(" ");
  if (rest !== password.toLowerCase() && zxcvbn(rest.trim(), inputs).score < MIN_SCORE) {
    return "Ce mot de passe repose sur votre nom ou votre courriel, les premiers essais d'un attaquant. Choisissez une phrase qui ne les contient pas.";
  }
  return null;
}
