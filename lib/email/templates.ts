import { appUrl } from "@/config/email";
import { supportEmail } from "@/config/env";
import { BLOCK_REASON_TEXT } from "@/lib/auth/sign-in-messages";

// The French messages the app sends. Each has a plain-text and an HTML version; none ever contains
// a password or a TOTP secret.

/** A file sent with a message; `content` is text (a calendar invitation). */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export type EmailMessage = { subject: string; text: string; html: string; attachments?: EmailAttachment[] };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function message(subject: string, paragraphs: string[], link?: { href: string; label: string }): EmailMessage {
  const footer = `L'équipe Doctipro — ${supportEmail()}`;
  const text = [...paragraphs, ...(link ? [`${link.label} : ${link.href}`] : []), "", footer].join("\n\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">${paragraphs
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("")}${
    link ? `<p><a href="${escapeHtml(link.href)}" style="color:#0b6e99;font-weight:600">${escapeHtml(link.label)}</a></p>` : ""
  }<p style="color:#64748b;font-size:13px">${escapeHtml(footer)}</p></body></html>`;
  return { subject, text, html };
}

/** `last`: the third and last code the guide allows before the account is blocked. */
export function signInCodeEmail(code: string, { last = false }: { last?: boolean } = {}): EmailMessage {
  return message(last ? "Votre dernier code de connexion Doctipro" : "Votre code de connexion Doctipro", [
    "Bonjour,",
    `Votre code à usage unique est : ${code}`,
    ...(last
      ? [
          "Attention : c'est le dernier code que vous pouvez demander. Si ce code est erroné, s'il expire sans avoir servi ou si vous en demandez un autre, votre compte sera bloqué.",
        ]
      : []),
    "Il est valable 10 minutes et ne peut servir qu'une fois. Si vous n'avez pas demandé ce code, quelqu'un connaît peut-être votre mot de passe : changez-le et prévenez le support.",
  ]);
}

/** The online booking's sign-up code: the same mail whether or not the address has an account. */
export function signUpCodeEmail(code: string): EmailMessage {
  return message(`${code} : votre code de vérification Doctipro`, [
    "Bonjour,",
    `Pour confirmer votre adresse et continuer votre prise de rendez-vous, saisissez ce code : ${code}`,
    "Il est valable 10 minutes et ne peut servir qu'une fois. Si vous n'avez rien demandé, ignorez ce message : sans ce code, personne ne peut utiliser votre adresse.",
  ]);
}

export function accountBlockedEmail(reason: keyof typeof BLOCK_REASON_TEXT = "wrong-codes"): EmailMessage {
  return message("Votre compte Doctipro est bloqué", [
    "Bonjour,",
    BLOCK_REASON_TEXT[reason],
    `Pour le réactiver, veuillez contacter notre support à l'adresse : ${supportEmail()}`,
  ]);
}

export function passwordResetEmail(token: string): EmailMessage {
  return message(
    "Réinitialisation de votre mot de passe Doctipro",
    [
      "Bonjour,",
      "Vous avez demandé à réinitialiser votre mot de passe. Le lien ci-dessous est valable une heure et ne sert qu'une fois.",
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
    ],
    { href: `${appUrl()}/reinitialiser?jeton=${encodeURIComponent(token)}`, label: "Choisir un nouveau mot de passe" },
  );
}

/** `ended`: every session (a reset by link) or the others only (changed from the security page). */
export function passwordChangedEmail(ended: "all" | "others" = "all"): EmailMessage {
  return message("Votre mot de passe Doctipro a été modifié", [
    "Bonjour,",
    ended === "all"
      ? "Le mot de passe de votre compte vient d'être modifié et toutes vos sessions ont été fermées."
      : "Le mot de passe de votre compte vient d'être modifié depuis votre compte Doctipro ; vos autres sessions ont été fermées.",
    `Si vous n'êtes pas à l'origine de ce changement, contactez immédiatement le support : ${supportEmail()}`,
  ]);
}

export type TwoFactorChange = "activated" | "deactivated" | "recovery-regenerated";

export function twoFactorChangedEmail(change: TwoFactorChange): EmailMessage {
  const what = {
    activated: "La double authentification vient d'être activée sur votre compte.",
    deactivated: "La double authentification vient d'être désactivée sur votre compte.",
    "recovery-regenerated": "De nouveaux codes de secours viennent d'être générés ; les anciens ne fonctionnent plus.",
  }[change];
  return message("Sécurité de votre compte Doctipro", [
    "Bonjour,",
    what,
    `Si vous n'êtes pas à l'origine de ce changement, contactez immédiatement le support : ${supportEmail()}`,
  ]);
}

export function emailChangeLinkEmail(token: string): EmailMessage {
  return message(
    "Confirmez votre nouvelle adresse Doctipro",
    [
      "Bonjour,",
      "Vous avez demandé que cette adresse devienne celle de votre compte Doctipro. Le lien ci-dessous est valable 24 heures et ne sert qu'une fois ; tant qu'il n'est pas suivi, votre ancienne adresse reste celle du compte.",
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
    ],
    { href: `${appUrl()}/confirmer-courriel?jeton=${encodeURIComponent(token)}`, label: "Confirmer la nouvelle adresse" },
  );
}

export function emailChangedEmail(newEmail: string): EmailMessage {
  return message("L'adresse de votre compte Doctipro a changé", [
    "Bonjour,",
    `Votre compte Doctipro utilise désormais l'adresse ${newEmail} ; celle-ci ne sert plus à vous connecter.`,
    `Si vous n'êtes pas à l'origine de ce changement, contactez immédiatement le support : ${supportEmail()}`,
  ]);
}

export function invitationEmail(token: string, firstName: string): EmailMessage {
  return message(
    "Votre accès à Doctipro",
    [
      `Bonjour ${firstName},`,
      "Le support Doctipro vous a ouvert un compte. Choisissez votre mot de passe avec le lien ci-dessous : il est valable 72 heures et ne sert qu'une fois.",
      "Personne d'autre que vous ne connaîtra ce mot de passe, pas même le support.",
    ],
    { href: `${appUrl()}/invitation?jeton=${encodeURIComponent(token)}`, label: "Choisir mon mot de passe" },
  );
}

export function accountBlockedBySupportEmail(): EmailMessage {
  return message("Votre compte Doctipro est bloqué", [
    "Bonjour,",
    "Le support a bloqué votre compte et fermé toutes ses sessions : vous ne pouvez plus vous connecter pour l'instant.",
    `Pour en savoir plus ou le faire réactiver, contactez le support : ${supportEmail()}`,
  ]);
}

export function accountUnblockedEmail(): EmailMessage {
  return message("Votre compte Doctipro est débloqué", [
    "Bonjour,",
    "Le support a débloqué votre compte : vous pouvez de nouveau vous connecter, avec trois tentatives de code.",
    `Si vous n'avez rien demandé, contactez immédiatement le support : ${supportEmail()}`,
  ]);
}

export function twoFactorResetEmail(): EmailMessage {
  return message("Double authentification réinitialisée", [
    "Bonjour,",
    "Le support a réinitialisé la double authentification de votre compte et fermé toutes vos sessions ouvertes : reconnectez-vous avec votre mot de passe. Vous pourrez l'activer de nouveau depuis votre compte (« Sécurité du compte », ou « Mon compte » pour un patient) ; si votre accès l'exige, elle vous sera demandée à la prochaine connexion.",
    `Si vous n'avez rien demandé, contactez immédiatement le support : ${supportEmail()}`,
  ]);
}

/** Support answered a message left in the chat while no operator was online. */
export function chatAnswerEmail(answer: string): EmailMessage {
  return message(
    "Réponse du support Doctipro à votre message",
    [
      "Bonjour,",
      "Vous nous avez laissé un message dans la conversation avec le support alors qu'aucun opérateur n'était disponible. Voici notre réponse :",
      answer,
      "Vous la retrouverez aussi dans la bulle de conversation, en bas à gauche de votre espace Doctipro.",
    ],
    { href: `${appUrl()}/dashboard`, label: "Ouvrir Doctipro" },
  );
}
