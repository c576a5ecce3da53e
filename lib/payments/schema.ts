import * as z from "@/lib/forms/zod";
import { compactMerchantId, MERCHANT_ID, PAYCONIQ_ID_MESSAGE } from "./payconiq";

/** « ID Marchand Payconiq »: 24 hexadecimal characters, case and stray spaces forgiven; empty → null. */
export const payconiqMerchantIdField = z
  .string()
  .trim()
  .transform(compactMerchantId)
  .pipe(z.union([z.literal(""), z.string().regex(MERCHANT_ID, PAYCONIQ_ID_MESSAGE)]))
  .transform((s) => s || null);
