import { appUrl } from "@/config/email";
import { message, type EmailAttachment, type EmailMessage } from "@/lib/email/templates";
import { formatAppointmentTime } from "@/lib/format/datetime";
import { formatPhone } from "@/lib/patients/phone";
import { formatTime, instantToWallClock } from "@/lib/time/luxembourg";

// The French messages about an appointment that the job worker sends (lib/jobs/handlers). They name
// the time in Luxembourg, the doctor, the address and the motif; never the appointment's id.

export type AppointmentWording = {
  patientName: string;
  doctorName: string;
  startsAt: Date;
  address: string | null;
  practicePhone: string | null;
  motif: string | null;
};

function facts(a: AppointmentWording): string[] {
  return [
    `Date : ${formatAppointmentTime(a.startsAt)}`,
    `Médecin : ${a.doctorName}`,
    ...(a.motif ? [`Motif : ${a.motif}`] : []),
    ...(a.address ? [`Adresse : ${a.address}`] : []),
  ];
}

function call(a: AppointmentWording): string {
  return a.practicePhone
    ? `Pour toute question, appelez le cabinet au ${formatPhone(a.practicePhone)}.`
    : "Pour toute question, contactez le cabinet.";
}

function withAttachment(email: EmailMessage, attachment: EmailAttachment): EmailMessage {
  return { ...email, attachments: [attachment] };
}

export function cancelLinkUrl(token: string): string {
  return `${appUrl()}/rdv/annuler/${encodeURIComponent(token)}`;
}

export function confirmationEmail(a: AppointmentWording, cancel: { token: string; until: Date } | null, invitation: EmailAttachment): EmailMessage {
  return withAttachment(
    message(
      `Rendez-vous confirmé le ${formatAppointmentTime(a.startsAt)}`,
      [
        `Bonjour ${a.patientName},`,
        `Votre rendez-vous avec ${a.doctorName} est confirmé.`,
        ...facts(a),
        "L'invitation jointe l'ajoute à votre agenda.",
        cancel
          ? `Un empêchement ? Vous pouvez annuler sans vous connecter jusqu'au ${formatAppointmentTime(cancel.until)} avec le lien ci-dessous (il ne sert qu'une fois).`
          : call(a),
      ],
      cancel ? { href: cancelLinkUrl(cancel.token), label: "Annuler ce rendez-vous" } : undefined,
    ),
    invitation,
  );
}

export function reminderEmail(a: AppointmentWording): EmailMessage {
  return message(
    `Rappel : rendez-vous le ${formatAppointmentTime(a.startsAt)}`,
    [`Bonjour ${a.patientName},`, `Nous vous rappelons votre rendez-vous avec ${a.doctorName}.`, ...facts(a), call(a)],
    { href: `${appUrl()}/patient`, label: "Voir mes rendez-vous" },
  );
}

export function reminderSms(a: AppointmentWording): string {
  const phone = a.practicePhone ? ` Cabinet : ${formatPhone(a.practicePhone)}.` : "";
  return `Rappel : rendez-vous avec ${a.doctorName} le ${formatAppointmentTime(a.startsAt)}.${phone}`;
}

export function movedEmail(a: AppointmentWording, invitation: EmailAttachment): EmailMessage {
  return withAttachment(
    message(`Votre rendez-vous a changé : ${formatAppointmentTime(a.startsAt)}`, [
      `Bonjour ${a.patientName},`,
      `Votre rendez-vous avec ${a.doctorName} a été modifié. Le voici tel qu'il est maintenant :`,
      ...facts(a),
      "L'invitation jointe met votre agenda à jour.",
      call(a),
    ]),
    invitation,
  );
}

/** Same start, another end (the practice changed the duration): says so, with the new end. */
export function resizedEmail(a: AppointmentWording & { endsAt: Date }, invitation: EmailAttachment): EmailMessage {
  const end = formatTime(instantToWallClock(a.endsAt).minute);
  return withAttachment(
    message(`Nouvelle heure de fin pour votre rendez-vous du ${formatAppointmentTime(a.startsAt)}`, [
      `Bonjour ${a.patientName},`,
      `La durée de votre rendez-vous avec ${a.doctorName} a été modifiée : il commence toujours le ${formatAppointmentTime(a.startsAt)} et se termine désormais à ${end}.`,
      ...facts(a),
      `Fin : ${end}`,
      "L'invitation jointe met votre agenda à jour.",
      call(a),
    ]),
    invitation,
  );
}

export function cancelledEmail(a: AppointmentWording, invitation: EmailAttachment, bookAgainUrl: string | null): EmailMessage {
  return withAttachment(
    message(
      `Rendez-vous annulé : ${formatAppointmentTime(a.startsAt)}`,
      [
        `Bonjour ${a.patientName},`,
        `Votre rendez-vous avec ${a.doctorName} du ${formatAppointmentTime(a.startsAt)} est annulé.`,
        "L'invitation jointe le retire de votre agenda.",
        call(a),
      ],
      bookAgainUrl ? { href: bookAgainUrl, label: "Prendre un autre rendez-vous" } : undefined,
    ),
    invitation,
  );
}

export function waitlistOfferEmail(a: AppointmentWording, freed: Date, bookUrl: string): EmailMessage {
  return message(
    `Un créneau plus tôt s'est libéré chez ${a.doctorName}`,
    [
      `Bonjour ${a.patientName},`,
      `Vous avez demandé à être prévenu si un créneau se libère plus tôt. Celui du ${formatAppointmentTime(freed)} vient de se libérer chez ${a.doctorName}${a.motif ? ` (${a.motif})` : ""}.`,
      "Le premier à le réserver l'obtient. Votre rendez-vous actuel reste en place : si vous réservez ce créneau, pensez à annuler l'autre.",
      `Votre rendez-vous actuel : ${formatAppointmentTime(a.startsAt)}.`,
    ],
    { href: bookUrl, label: "Réserver ce créneau" },
  );
}
