import { parsePhoneNumberFromString } from "libphonenumber-js";

// Patients' phone numbers, through libphonenumber-js (its "min" metadata: number lengths and
// prefixes per country, small enough for the browser) rather than a hand-written pattern. Stored in
// E.164 (« +352621123456 »): one spelling for a search, an SMS provider later (issue 18), a
// comparison. A number typed without country code is read as a Luxembourg one.

export type PhoneParse = { kind: "ok"; e164: string } | { kind: "empty" } | { kind: "invalid" };

export function normalizePhone(text: string | null | undefined): PhoneParse {
  const typed = (text ?? "").trim();
  if (typed === "") return { kind: "empty" };
  if (typed.length > 40) return { kind: "invalid" };
  const parsed = parsePhoneNumberFromString(typed, "LU");
  return parsed?.isValid() ? { kind: "ok", e164: parsed.number } : { kind: "invalid" };
}

/**
 * How a stored number is read: « 621 123 456 » for a Luxembourg number, « +33 6 12 34 56 78 » for
 * a foreign one. Numbers stored before normalisation that do not parse are shown as stored.
 */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return "";
  const parsed = parsePhoneNumberFromString(stored, "LU");
  if (!parsed?.isValid()) return stored;
  return parsed.country === "LU" ? parsed.formatNational() : parsed.formatInternational();
}

/** For a `tel:` link. */
export function phoneHref(stored: string | null | undefined): string | null {
  const parsed = stored ? parsePhoneNumberFromString(stored, "LU") : undefined;
  return parsed?.isValid() ? parsed.getURI() : null;
}
