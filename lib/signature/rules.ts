// The signature upload's limits and messages, shared by the upload form (browser) and the server
// check (image-check.ts), so both say the same thing.

export const SIGNATURE_MAX_BYTES = 2 * 1024 * 1024;
export const SIGNATURE_MAX_SIDE = 3000;

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
  return `L'image mesure ${width} × ${height} pixels : ${SIGNATURE_MAX_SIDE} × ${SIGNATURE_MAX_SIDE} au plus. Réduisez-la avant de la téléverser.`;
}
