import * as z from "@/lib/forms/zod";
import { todayIn } from "@/lib/time/luxembourg";
import { normalizeText, printableProblem } from "./printable-text";
import { MAX_CENTS, MAX_QUANTITY, readEuros, totalCents } from "./totals";

// The three document forms' rules, shared by the browser and the server actions (issue 6). Every
// message is the one shown next to the field; field names of lines are « lines.3.amount ».

export const DOCUMENT_KINDS = ["prescription", "certificate", "fee_note"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const KIND_LABEL: Record<DocumentKind, string> = {
  prescription: "Ordonnance",
  certificate: "Attestation",
  fee_note: "Mémoire d'honoraires",
};

export const CERTIFICATE_KINDS = {
  incapacite: "Certificat d'incapacité de travail",
  presence: "Attestation de présence à une consultation",
  sport: "Certificat d'aptitude à la pratique du sport",
  scolaire: "Certificat de dispense scolaire",
  autre: "Attestation médicale",
} as const;
export type CertificateKind = keyof typeof CERTIFICATE_KINDS;
/** Kinds that cover a period: both dates are then required. */
export const CERTIFICATE_WITH_PERIOD: readonly CertificateKind[] = ["incapacite", "scolaire"];

export const MAX_PRESCRIPTION_LINES = 20;
export const MAX_FEE_LINES = 30;

/** A secretary prepares fee notes only; prescriptions and certificates are the doctor's (docs/decisions/0010). */
export function mayIssue(mode: "direct" | "secretary", kind: DocumentKind): boolean {
  return mode === "direct" || kind === "fee_note";
}

const text = (label: string, { min = 0, max, multiline = false }: { min?: number; max: number; multiline?: boolean }) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .transform((s) => normalizeText(s).trim())
    .superRefine((s, ctx) => {
      if (s.length < min) ctx.addIssue({ code: "custom", message: `Saisissez ${label.toLowerCase()}.` });
      else if (s.length > max) ctx.addIssue({ code: "custom", message: `${label} : ${max} caractères au plus.` });
      else {
        const problem = printableProblem(s, { multiline });
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
    });

/** Today's calendar day in Luxembourg (YYYY-MM-DD), the day a document may bear at the latest. */
export const luxembourgToday = todayIn;

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function shiftYears(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

const calendarDate = (label: string) =>
  z
    .string({ error: `${label} : date attendue.` })
    .trim()
    .refine((s) => s !== "", `Indiquez ${label.toLowerCase()}.`)
    .refine((s) => s === "" || isCalendarDate(s), `${label} : date non valide.`);

/** The date a document bears: not in the future, not older than a year. */
const issuedOn = (label: string) =>
  calendarDate(label).superRefine((s, ctx) => {
    if (!isCalendarDate(s)) return;
    const today = luxembourgToday();
    if (s > today) ctx.addIssue({ code: "custom", message: `${label} ne peut pas être dans le futur.` });
    else if (s < shiftYears(today, -1)) ctx.addIssue({ code: "custom", message: `${label} : un an en arrière au plus.` });
  });

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === "" || isCalendarDate(s), `${label} : date non valide.`)
    .transform((s) => s || null);

/** A document this one corrects (and cancels), or null. */
const replaces = z
  .string()
  .trim()
  .refine((s) => s === "" || z.uuid().safeParse(s).success, "Document à corriger introuvable.")
  .transform((s) => s || null);

const lines = <T extends z.ZodType>(line: T, max: number, what: string) =>
  z.array(line).min(1, `Ajoutez au moins ${what}.`).max(max, `${max} lignes au plus.`);

export const prescriptionLineSchema = z.object({
  medication: text("Le médicament", { min: 1, max: 120 }),
  dosage: text("La posologie", { max: 200 }),
});

export const prescriptionSchema = z.object({
  issuedOn: issuedOn("La date"),
  lines: lines(prescriptionLineSchema, MAX_PRESCRIPTION_LINES, "un médicament"),
  notes: text("La remarque", { max: 1000, multiline: true }),
  replaces,
});

export const certificateSchema = z
  .object({
    issuedOn: issuedOn("La date"),
    certificateKind: z.enum(Object.keys(CERTIFICATE_KINDS) as [CertificateKind, ...CertificateKind[]], {
      error: "Choisissez le type d'attestation dans la liste.",
    }),
    periodFrom: optionalDate("Le début"),
    periodTo: optionalDate("La fin"),
    body: text("Le texte", { max: 2000, multiline: true }),
    replaces,
  })
  .superRefine((c, ctx) => {
    if (CERTIFICATE_WITH_PERIOD.includes(c.certificateKind)) {
      if (!c.periodFrom) ctx.addIssue({ code: "custom", path: ["periodFrom"], message: "Indiquez le premier jour." });
      if (!c.periodTo) ctx.addIssue({ code: "custom", path: ["periodTo"], message: "Indiquez le dernier jour." });
    }
    if (c.periodFrom && c.periodTo) {
      if (c.periodTo < c.periodFrom) ctx.addIssue({ code: "custom", path: ["periodTo"], message: "Le dernier jour suit le premier." });
      else if (c.periodTo > shiftYears(c.periodFrom, 1))
        ctx.addIssue({ code: "custom", path: ["periodTo"], message: "Une période d'un an au plus." });
    } else if (c.periodTo && !c.periodFrom) {
      ctx.addIssue({ code: "custom", path: ["periodFrom"], message: "Indiquez aussi le premier jour." });
    }
    if (c.certificateKind === "autre" && !c.body) ctx.addIssue({ code: "custom", path: ["body"], message: "Saisissez le texte de l'attestation." });
  });

const quantity = z
  .string({ error: "Quantité attendue." })
  .trim()
  .superRefine((s, ctx) => {
    if (s.startsWith("-")) ctx.addIssue({ code: "custom", message: "La quantité ne peut pas être négative." });
    else if (!/^\d{1,2}$/.test(s) || Number(s) < 1 || Number(s) > MAX_QUANTITY)
      ctx.addIssue({ code: "custom", message: `La quantité est un nombre entier de 1 à ${MAX_QUANTITY}.` });
  })
  .transform((s) => Number(s));

const amount = z.string({ error: "Montant attendu." }).transform((s, ctx) => {
  const read = readEuros(s);
  if (!read.ok) {
    ctx.addIssue({ code: "custom", message: read.message });
    return z.NEVER;
  }
  return read.cents;
});

export const feeLineSchema = z.object({
  code: z
    .string({ error: "Code attendu." })
    .trim()
    .transform((s) => s.toUpperCase().replace(/\s+/g, ""))
    .refine((s) => s !== "", "Indiquez le code de l'acte (ex. C1).")
    .refine((s) => s === "" || /^[A-Z0-9][A-Z0-9.]{0,9}$/.test(s), "Code de l'acte : lettres et chiffres, ex. C1 ou V12."),
  label: text("Le libellé", { min: 1, max: 120 }),
  quantity,
  unitCents: amount,
});

export const feeNoteSchema = z
  .object({
    issuedOn: issuedOn("La date de prestation"),
    lines: lines(feeLineSchema, MAX_FEE_LINES, "un acte"),
    paid: z.enum(["paid", "unpaid"], { error: "Indiquez si la note est acquittée." }).transform((s) => s === "paid"),
    replaces,
  })
  .superRefine((note, ctx) => {
    // Zod runs this even when a line failed; the total only means something once every line is read.
    if (!Array.isArray(note.lines) || !note.lines.every((l) => Number.isSafeInteger(l?.quantity) && Number.isSafeInteger(l?.unitCents))) return;
    if (totalCents(note.lines) > MAX_CENTS) ctx.addIssue({ code: "custom", path: ["lines"], message: "Le total ne peut pas dépasser 99 999,99 €." });
  });

export type PrescriptionInput = z.input<typeof prescriptionSchema>;
export type Prescription = z.output<typeof prescriptionSchema>;
export type CertificateInput = z.input<typeof certificateSchema>;
export type Certificate = z.output<typeof certificateSchema>;
export type FeeNoteInput = z.input<typeof feeNoteSchema>;
export type FeeNote = z.output<typeof feeNoteSchema>;

export const SCHEMA_OF = { prescription: prescriptionSchema, certificate: certificateSchema, fee_note: feeNoteSchema } as const;

/** What each kind stores in documents.content (fee-note total and paid have their own columns). */
export type PrescriptionContent = { lines: { medication: string; dosage: string }[]; notes: string };
export type CertificateContent = { certificateKind: CertificateKind; periodFrom: string | null; periodTo: string | null; body: string };
export type FeeNoteContent = { lines: { code: string; label: string; quantity: number; unitCents: number }[] };
export type DocumentContent = PrescriptionContent | CertificateContent | FeeNoteContent;

/** Zod issues as « field » or « lines.2.amount » → message, the first message per field. */
export function documentFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * The raw form of a document, from the posted FormData (the server action, or the browser checking
 * before it sends): lines come as parallel lists (« medication », « dosage »…); a file or anything
 * not text reads as "". A list longer than allowed is not turned into lines at all (`{ tooMany }`):
 * a request with 10 000 lines is answered from its length, without validating each.
 */
export function formInput(kind: DocumentKind, formData: FormData): Record<string, unknown> {
  const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");
  const get = (name: string) => text(formData.get(name));
  const getAll = (name: string) => formData.getAll(name).map(text);
  const zip = (names: string[], max: number) => {
    const columns = names.map((n) => getAll(n));
    const count = Math.max(...columns.map((c) => c.length));
    if (count > max) return { tooMany: true as const, count };
    return Array.from({ length: count }, (_, i) => Object.fromEntries(names.map((n, j) => [n, columns[j]![i] ?? ""])));
  };
  switch (kind) {
    case "prescription":
      return {
        issuedOn: get("issuedOn"),
        lines: zip(["medication", "dosage"], MAX_PRESCRIPTION_LINES),
        notes: get("notes"),
        replaces: get("replaces"),
      };
    case "certificate":
      return {
        issuedOn: get("issuedOn"),
        certificateKind: get("certificateKind"),
        periodFrom: get("periodFrom"),
        periodTo: get("periodTo"),
        body: get("body"),
        replaces: get("replaces"),
      };
    case "fee_note": {
      const feeLines = zip(["code", "label", "quantity", "amount"], MAX_FEE_LINES);
      return {
        issuedOn: get("issuedOn"),
        lines: Array.isArray(feeLines) ? feeLines.map(({ amount: unit, ...rest }) => ({ ...rest, unitCents: unit })) : feeLines,
        paid: get("paid"),
        replaces: get("replaces"),
      };
    }
  }
}

export type ParsedDocument =
  | { ok: true; kind: "prescription"; data: Prescription }
  | { ok: true; kind: "certificate"; data: Certificate }
  | { ok: true; kind: "fee_note"; data: FeeNote }
  | { ok: false; fieldErrors: Record<string, string> };

/** Validates a raw form; a list longer than allowed is refused before anything else is read. */
export function parseDocument(kind: DocumentKind, raw: Record<string, unknown>): ParsedDocument {
  const rawLines = raw.lines as { tooMany?: true } | unknown[] | undefined;
  if (rawLines && !Array.isArray(rawLines) && rawLines.tooMany) {
    const max = kind === "fee_note" ? MAX_FEE_LINES : MAX_PRESCRIPTION_LINES;
    return { ok: false, fieldErrors: { lines: `${max} lignes au plus.` } };
  }
  const parsed = SCHEMA_OF[kind].safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: documentFieldErrors(parsed.error) };
  return { ok: true, kind, data: parsed.data } as ParsedDocument;
}
