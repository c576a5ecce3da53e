// The signature upload's limits and messages, shared by the upload form (browser) and the server
// check (image-check.ts), so both say the same thing.

import { formatCount } from "@/lib/format/number";

export const SIGNATURE_MAX_BYTES = 2 * 1024 * 1024;
export const SIGNATURE_MAX_SIDE = 3000;

/** The limits as the upload card states them: « 2 Mo et 3 000 × 3 000 pixels au plus ». */
export const SIGNATURE_LIMITS = `2 Mo et ${formatCount(SIGNATURE_MAX_SIDE)} × ${formatCount(SIGNATURE_MAX_SIDE)} pixels au plus`;

export const SIGNATURE_MESSAGES = {
  empty: "Le fichier est vide : choisissez l'image de votre signature.",
  tooLarge: "Le fichier dépasse 2 Mo : réduisez l'image avant de la téléverser.",
  svg: "Les images SVG ne sont pas acceptées (elles peuvent contenir du code) : enregistrez votre signature au format PNG.",
  gif: "Les images GIF ne sont pas acceptées : enregistrez votre signature au format PNG.",
  pdf: "Ce fichier est un PDF, pas une image : enregistrez votre signature au format PNG.",
  text: "Ce fichier n'est pas une image (c'est du texte ou une page web) : choisissez une image PNG ou JPEG.",
  unknown: "Format non reconnu : choisissez une image PNG (ou JPEG).",
  animated: "Les images animées ne sont pas acceptées : enregistrez une image fixe au format PNG.",
  damaged: "L'image est incomplète ou endommagée et ne peut pas être lue : enregistrez-la de nouveau puis réessayez.",
} as const;

export function dimensionsMessage(width: number, height: number): string {
  const max = formatCount(SIGNATURE_MAX_SIDE);
  return `L'image mesure ${formatCount(width)} × ${formatCount(height)} pixels : ${max} × ${max} au plus. Réduisez-la avant de la téléverser.`;
}
