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

/** Why a new password is refused, in French, or null when it is acceptable. */
export function passwordProblem(password: string, personalInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN) return `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`;
  if (password.length > PASSWORD_MAX) return `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`;
  const inputs = personalInputs.flatMap((s) => s.toLowerCase().split(/[@.\s_-]+/)).filter((s) => s.length >= 3);
  const result = zxcvbn(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const hint = result.feedback.warning || result.feedback.suggestions[0];
  return `Ce mot de passe est trop facile à deviner.${hint ? ` ${hint}` : ""} Choisissez une phrase plus longue ou moins courante.`;
}
