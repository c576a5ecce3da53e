// « ID Marchand Payconiq »: the payment profile id (PPID) Payconiq gives a merchant, 24 hexadecimal
// characters. With it, an invoice can carry a QR code that opens the payer's banking app on a
// payment of the invoice's amount and reference (Payconiq's invoice link, amount in cents). No zod
// here: the profile draws the QR code as the id is typed, with the page's first JavaScript; the
// form's field is in lib/payments/schema.ts.

export const PAYCONIQ_ID_MESSAGE = "L'ID Marchand Payconiq se compose de 24 caractères : chiffres et lettres de a à f (tel que fourni par Payconiq).";

export const MERCHANT_ID = /^[0-9a-f]{24}$/;

/** « 5C8A 7B2E… » → « 5c8a7b2e… »: spaces dropped, lower case. */
export const compactMerchantId = (typed: string) => typed.replace(/\s+/g, "").toLowerCase();

/** The id as the form's field keeps it: null when left empty, undefined when it is refused. */
export function merchantIdAsSaved(typed: string): string | null | undefined {
  const id = compactMerchantId(typed.trim());
  if (!id) return null;
  return MERCHANT_ID.test(id) ? id : undefined;
}

export type PayconiqInvoice = { amountCents: number; reference: string; description: string };

/** The invoice the preview shows: a consultation at the CNS tariff, with a fee-note number. */
export const SAMPLE_INVOICE: PayconiqInvoice = { amountCents: 5_480, reference: "MH-2026-0042", description: "Consultation" };

/** Payconiq limits the description and the reference to 35 characters each. */
const FIELD_MAX = 35;

export function payconiqPaymentLink(merchantId: string, invoice: PayconiqInvoice): string {
  if (!MERCHANT_ID.test(merchantId)) throw new Error("invalid Payconiq merchant id");
  if (!Number.isInteger(invoice.amountCents) || invoice.amountCents <= 0) throw new Error("amount must be positive cents");
  const params = new URLSearchParams({
    D: invoice.description.slice(0, FIELD_MAX),
    A: String(invoice.amountCents),
    R: invoice.reference.slice(0, FIELD_MAX),
  });
  return `https://payconiq.com/t/1/${merchantId}?${params.toString()}`;
}
