import * as z from "@/lib/forms/zod";

// The secretary area's forms: a doctor detaching one of their secretaries, a secretary choosing
// which doctor she works for. Only ids, from buttons: a forged one is refused like an unknown one.

export const secretaryChoiceSchema = z.object({ secretaryId: z.uuid() });
export const doctorChoiceSchema = z.object({ doctorId: z.uuid() });
