import ICAL from "ical.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInvitation, invitationAttachment, type InvitationInput } from "./invitation";

// The golden files under __golden__/ were written by hand from RFC 5545 (the iCalendar object) and
// RFC 5546 (REQUEST and CANCEL), not copied from the library's output: the comparison checks what
// the `ics` package writes against what the RFCs ask. Both sides are parsed with ical.js and compared
// property by property (order, line folding and parameter quoting are free in the RFC); DTSTAMP is
// the time of writing, so it is normalised; X- properties are the library's own and ignored.

const golden = (name: string) => readFileSync(path.join(import.meta.dirname, "__golden__", name), "utf8");

const base: InvitationInput = {
  method: "REQUEST",
  calendarUid: "0b7e2c1a-5d3f-4e8a-9c61-2f4b8d9e7a10",
  uidDomain: "doctipro.lu",
  sequence: 0,
  // Monday 29 March 2027, 09:00 in Luxembourg: the day after the switch to summer time (UTC+2).
  startsAt: new Date("2027-03-29T07:00:00Z"),
  endsAt: new Date("2027-03-29T07:15:00Z"),
  summary: "Consultation — Dr Jos Kieffer",
  description: "Rendez-vous avec Dr Jos Kieffer. Motif : Consultation.",
  location: "12, rue de l'Église, L-1234 Luxembourg",
  organizer: { name: "Dr Jos Kieffer", email: "no-reply@doctipro.lu" },
  attendee: { name: "Nora Wagner", email: "nora.wagner@example.lu" },
};
const moved: InvitationInput = { ...base, sequence: 1, startsAt: new Date("2027-03-30T08:30:00Z"), endsAt: new Date("2027-03-30T08:45:00Z") };
const cancelled: InvitationInput = { ...moved, method: "CANCEL", sequence: 2 };

type Prop = [string, Record<string, unknown>, string, ...unknown[]];
type Comp = [string, Prop[], Comp[]];

/** A component as comparable data: properties sorted, DTSTAMP normalised, X- properties dropped. */
function normalised(ics: string): unknown {
  const walk = ([name, props, comps]: Comp): unknown => [
    name,
    props
      .filter(([n]) => !n.startsWith("x-"))
      .map(([n, params, type, ...values]) => [
        n,
        Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v).toUpperCase()])),
        type,
        // DTSTAMP is the time of writing; a URI's scheme is case-insensitive (RFC 3986 §3.1).
        ...(n === "dtstamp" ? ["*"] : type === "cal-address" ? values.map((v) => String(v).replace(/^mailto:/i, "mailto:")) : values),
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    comps.map(walk),
  ];
  return walk(ICAL.parse(ics) as unknown as Comp);
}

const TZ = process.env.TZ;
afterEach(() => {
  if (TZ === undefined) delete process.env.TZ;
  else process.env.TZ = TZ;
});

describe("buildInvitation against the golden files (RFC 5545/5546)", () => {
  it("a new appointment: METHOD:REQUEST, SEQUENCE:0", () => {
    expect(normalised(buildInvitation(base))).toEqual(normalised(golden("request.ics")));
  });

  it("the same appointment moved: same UID, new times, SEQUENCE:1", () => {
    expect(normalised(buildInvitation(moved))).toEqual(normalised(golden("moved.ics")));
  });

  it("the appointment cancelled: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE raised again", () => {
    expect(normalised(buildInvitation(cancelled))).toEqual(normalised(golden("cancel.ics")));
  });

  it("fails the comparison when a property differs (the check can fail)", () => {
    expect(normalised(buildInvitation({ ...moved, sequence: 0 }))).not.toEqual(normalised(golden("moved.ics")));
  });
});

describe("buildInvitation as calendar clients read it", () => {
  it("writes UTC instants and a UTC DTSTAMP whatever the server's time zone", () => {
    const written = ["UTC", "Europe/Luxembourg", "America/New_York", "Asia/Tokyo"].map((zone) => {
      process.env.TZ = zone;
      return buildInvitation(base);
    });
    for (const ics of written) {
      expect(ics).toMatch(/\r\nDTSTART:20270329T070000Z\r\n/);
      expect(ics).toMatch(/\r\nDTEND:20270329T071500Z\r\n/);
      expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
      const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
      const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
      expect(start.toJSDate().toISOString()).toBe("2027-03-29T07:00:00.000Z");
    }
  });

  it("lines end in CRLF and are folded at 75 octets (RFC 5545 §3.1)", () => {
    const ics = buildInvitation({ ...base, description: "Motif : " + "très long ".repeat(30) });
    expect(ics.endsWith("\r\n")).toBe(true);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("the attachment names the method in its content type (RFC 6047)", () => {
    expect(invitationAttachment(base)).toMatchObject({ filename: "invitation.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST" });
    expect(invitationAttachment(cancelled)).toMatchObject({ filename: "annulation.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL" });
  });
});
