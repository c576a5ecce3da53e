import { counted } from "@/lib/format/count";
import type { ActionResult, SupportDone, SupportRefusal } from "./account-actions";
import type { RetryResult } from "./failed-sends";

// What support's actions on accounts say (French): to support in the browser, and to the operator
// on the command line. The domain (account-actions.ts) returns kinds only.

export const SUPPORT_REFUSAL: Record<SupportRefusal, string> = {
  "not-support": "Action réservée au support.",
  "user-not-found": "Utilisateur introuvable.",
  "not-blocked": "Ce compte n'est pas bloqué.",
  "own-account": "Vous ne pouvez pas bloquer votre propre compte.",
  "already-blocked": "Ce compte est déjà bloqué.",
  "last-support": "C'est le dernier compte support actif : il ne peut pas être bloqué.",
  "own-two-factor": "Vous ne pouvez pas réinitialiser votre propre double authentification.",
  "no-two-factor": "La double authentification n'est pas activée pour ce compte.",
  "not-a-secretary": "Ce compte n'est pas un compte secrétariat.",
  "no-such-doctor": "Aucun médecin n'a ce courriel.",
  "already-attached": "Cette secrétaire est déjà rattachée à ce médecin.",
  "not-attached": "Cette secrétaire n'est pas rattachée à ce médecin.",
  "email-taken": "Un compte existe déjà avec ce courriel.",
};

const sessionsClosed = (n: number) => counted(n, "session fermée", "sessions fermées");

export function supportDoneMessage(done: SupportDone): string {
  switch (done.action) {
    case "user.unblock":
      return "Le compte est débloqué ; l'utilisateur a été prévenu par courriel.";
    case "user.block":
      return `Le compte est bloqué${done.sessions ? ` et ${sessionsClosed(done.sessions)}` : ""} ; l'utilisateur a été prévenu par courriel.`;
    case "user.reset-2fa":
      return `La double authentification est réinitialisée et ${sessionsClosed(done.sessions)} ; l'utilisateur a été prévenu.`;
    case "user.close-sessions":
      return `${sessionsClosed(done.sessions)}.`;
    case "secretary.attach":
      return `Rattachée à ${done.doctorEmail}.`;
    case "secretary.detach":
      return `Détachée de ${done.doctorEmail} ; ses sessions pour ce médecin sont fermées.`;
    case "user.invite":
      return `Compte créé ; une invitation a été envoyée à ${done.email}.`;
  }
}

/** The sentence for any result, and whether it is a success. */
export function supportAnswer(result: ActionResult): { ok: boolean; text: string } {
  return result.kind === "done" ? { ok: true, text: supportDoneMessage(result) } : { ok: false, text: SUPPORT_REFUSAL[result.kind] };
}

/** What each kind of job sends, as « Envois en échec » names it. */
export const JOB_KIND_LABEL: Record<string, string> = {
  appointment_confirmation: "Confirmation de rendez-vous",
  appointment_reminder: "Rappel de rendez-vous",
  appointment_changed: "Rendez-vous modifié",
  appointment_cancelled: "Rendez-vous annulé",
  waitlist_offer: "Créneau libéré (liste d'attente)",
};

export function retryMessage(result: RetryResult): string {
  switch (result.kind) {
    case "done":
      return "L'envoi est relancé : il part au prochain passage du serveur.";
    case "not-support":
      return SUPPORT_REFUSAL["not-support"];
    case "not-found":
      return "Cet envoi n'existe plus.";
    case "not-given-up":
      return "Cet envoi n'est plus en échec : il a déjà été relancé ou envoyé.";
  }
}
