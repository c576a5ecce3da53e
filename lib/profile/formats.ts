// The profile's formats that the page applies as the user types (the stamp preview), kept apart
// from zod: lib/profile/schema.ts builds its fields from these, while the page's first JavaScript
// uses them without loading the schema, which comes with zod when a form is first used.

export const TITLES = ["Dr", "Pr"] as const;

/** « 123456-78 »; « 12345678 » and « 123456 78 » are accepted too. */
export const PROVIDER_CODE = /^\d{6}[\s-]?\d{2}$/;

/** An accepted provider code, trimmed, written with the dash: « 12345678 » → « 123456-78 ». */
export const withProviderCodeDash = (code: string) => `${code.slice(0, 6)}-${code.replace(/\D/g, "").slice(6)}`;

/** « L-1234 », « l 1234 », « 1234 » → « 1234 »: what is left to check of a postcode. */
export const postcodeDigits = (postcode: string) => postcode.toUpperCase().replace(/\s+/g, "").replace(/^L-?/, "");

export const POSTCODE_DIGITS = /^\d{4}$/;

/** The provider code as the schema keeps it: null when left empty, undefined when it is refused. */
export function providerCodeAsSaved(typed: string): string | null | undefined {
  const code = typed.trim();
  if (!code) return null;
  return PROVIDER_CODE.test(code) ? withProviderCodeDash(code) : undefined;
}

/** The postcode as the schema keeps it (« L-1234 »): null when left empty, undefined when it is refused. */
export function postcodeAsSaved(typed: string): string | null | undefined {
  const digits = postcodeDigits(typed.trim());
  if (!digits) return null;
  return POSTCODE_DIGITS.test(digits) ? `L-${digits}` : undefined;
}
