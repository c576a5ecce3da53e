// A practice's address on one line, as the public page, the booking summary, the patient space and
// the emails write it. Client-safe.

export type PostalAddress = { street: string | null; postcode: string | null; locality: string | null };

/** « 2 rue de la Gare, L-1611 Luxembourg »; a missing part is left out; "" when none is known. */
export function formatAddress({ street, postcode, locality }: PostalAddress): string {
  return [street, [postcode, locality].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}
