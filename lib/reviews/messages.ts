import type { AnswerResult, HideResult } from "./reviews";

// What the reviews' results say (French).

export function answerMessage(result: AnswerResult): string {
  switch (result.kind) {
    case "done":
      return "Votre réponse est publiée.";
    case "not-found":
      return "Cet avis est introuvable.";
    case "already-answered":
      return "Vous avez déjà répondu à cet avis : une seule réponse est possible.";
  }
}

export function hideMessage(result: HideResult): string {
  switch (result.kind) {
    case "done":
      return "Avis masqué ; la raison est inscrite au journal d'audit.";
    case "not-found":
      return "Cet avis est introuvable.";
    case "already-hidden":
      return "Cet avis est déjà masqué.";
  }
}
