import { createEvent, type EventAttributes } from "ics";
import type { EmailAttachment } from "@/lib/email/templates";

// The iCalendar invitation (RFC 5545 object, RFC 5546 iTIP method) sent with the emails about an
// appointment, written by the `ics` package (3.x: runs on Node 20; ical-generator needs Node 22).
// - Times are given and written in UTC (DTSTART:…Z): correct whatever the server's TZ, and every
//   calendar client shows them in the reader's own zone.
// - The UID is the appointment's calendar_uid (random, never its id) at a fixed domain, so every
//   message about the appointment updates the same event; SEQUENCE is appointments.calendar_sequence,
//   raised on each change (lib/jobs/appointment-messages.ts): a client applies a REQUEST or CANCEL
//   only when its SEQUENCE is not older than what it holds (RFC 5546 §2.1.5).
// - No RSVP is asked: the practice reads no calendar replies; the patient answers by the app.

export type InvitationMethod = "REQUEST" | "CANCEL";

export type InvitationInput = {
  method: InvitationMethod;
  /** appointments.calendar_uid. */
  calendarUid: string;
  /** appointments.calendar_sequence. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  /** French, e.g. « Consultation — Dr Jos Kieffer ». */
  summary: string;
  location: string | null;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** Where UIDs live (config CALENDAR_UID_DOMAIN). */
  uidDomain: string;
};

export const PRODUCT_ID = "-//Doctipro//Rendez-vous//FR";

export function invitationUid(calendarUid: string, uidDomain: string): string {
  return `${calendarUid}@${uidDomain}`;
}

/** The invitation as an iCalendar text (CRLF lines, folded at 75 octets). Throws on bad input. */
export function buildInvitation(input: InvitationInput): string {
  const event: EventAttributes = {
    method: input.method,
    productId: PRODUCT_ID,
    uid: invitationUid(input.calendarUid, input.uidDomain),
    sequence: input.sequence,
    start: input.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: input.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: input.summary,
    description: input.description,
    ...(input.location ? { location: input.location } : {}),
    status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [{ name: input.attendee.name, email: input.attendee.email, rsvp: false, partstat: "NEEDS-ACTION", role: "REQ-PARTICIPANT" }],
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error("invitation: nothing written");
  return refold(value);
}

/**
 * Folds lines at 75 octets (RFC 5545 §3.1). `ics` counts characters, so a French line with
 * accents comes out longer than 75 octets; unfolding and folding again by UTF-8 length, never
 * inside a character, fixes that.
 */
export function refold(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const folded = lines.map((line) => {
    const parts: string[] = [];
    let current = "";
    let octets = 0;
    for (const char of line) {
      const size = Buffer.byteLength(char, "utf8");
      // Continuation lines start with a space, which counts in their 75.
      if (octets + size > 75) {
        parts.push(current);
        current = " ";
        octets = 1;
      }
      current += char;
      octets += size;
    }
    parts.push(current);
    return parts.join("\r\n");
  });
  return folded.join("\r\n");
}

/** The invitation as an email attachment (the method in the content type, as RFC 6047 asks). */
export function invitationAttachment(input: InvitationInput): EmailAttachment {
  return {
    filename: input.method === "CANCEL" ? "annulation.ics" : "invitation.ics",
    contentType: `text/calendar; charset=utf-8; method=${input.method}`,
    content: buildInvitation(input),
  };
}
