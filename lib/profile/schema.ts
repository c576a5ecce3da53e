import { emailFieldAsking } from "@/lib/auth/schema";
import * as z from "@/lib/forms/zod";
import { payconiqMerchantIdField } from "@/lib/payments/schema";
import { POSTCODE_DIGITS, postcodeDigits, PROVIDER_CODE, TITLES, withProviderCodeDash } from "./formats";
import { ibanProblem, normalizeIban } from "./iban";

// The profile forms' rules, shared by the browser (loaded when a form is first used) and the server
// actions. Every message is the one shown next to the field. Optional fields come out as null when
// left empty.

const NAME = /^\p{L}[\p{L}\p{M}' .-]*$/u;
const LOCALITY = /^\p{L}[\p{L}\p{M}' .()-]*$/u;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .transform((s) => s || null);

const personName = (label: string) =>
  z
    .string({ error: `Saisissez le ${label}.` })
    .trim()
    .min(1, `Saisissez le ${label}.`)
    .max(60, `Le ${label} ne peut pas dépasser 60 caractères.`)
    .regex(NAME, `Le ${label} ne peut contenir que des lettres, espaces, traits d'union et apostrophes.`);

/** « 123456-78 »; « 12345678 » and « 123456 78 » are accepted and written with the dash. */
export const providerCodeField = z
  .string()
  .trim()
  .refine((s) => s === "" || PROVIDER_CODE.test(s), "Le code prestataire s'écrit NNNNNN-NN : 6 chiffres, un tiret, 2 chiffres.")
  .transform((s) => (s ? withProviderCodeDash(s) : null));

/** « L-1234 »; « 1234 » and « l 1234 » are accepted. */
export const postcodeField = z
  .string()
  .trim()
  .transform(postcodeDigits)
  .pipe(z.union([z.literal(""), z.string().regex(POSTCODE_DIGITS, "Le code postal s'écrit L-NNNN (ex. L-1234).")]))
  .transform((s) => (s ? `L-${s}` : null));

/** Digits with the usual separators, an optional leading +: 6 to 15 digits (ITU E.164). */
export const phoneField = (label: string) =>
  z
    .string()
    .trim()
    .max(30, `${label} : 30 caractères au plus.`)
    .refine((s) => s === "" || (/^\+?[\d\s./()-]+$/.test(s) && /^\d{6,15}$/.test(s.replace(/\D/g, ""))), {
      message: `${label} non valide (ex. +352 26 12 34 56).`,
    })
    .transform((s) => s.replace(/\s+/g, " ") || null);

/** A web address; « www.cabinet.lu » gets https:// in front. Only http and https. */
export const websiteField = z
  .string()
  .trim()
  .max(200, "L'adresse du site : 200 caractères au plus.")
  .transform((s, ctx) => {
    if (!s) return null;
    const candidate = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
    let url: URL | null = null;
    try {
      url = new URL(candidate);
    } catch {
      url = null;
    }
    if (!url || !["http:", "https:"].includes(url.protocol) || !/^[^.]+(\.[^.]+)+$/.test(url.hostname) || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Adresse de site non valide (ex. www.cabinet-schmit.lu)." });
      return z.NEVER;
    }
    return url.toString().replace(/\/$/, "");
  });

export const profileDetailsSchema = z
  .object({
    title: z.enum(["", ...TITLES], { error: "Choisissez un titre dans la liste." }).transform((t) => t || null),
    firstName: personName("prénom"),
    lastName: personName("nom"),
    specialty: optionalText(80, "La spécialité"),
    providerCode: providerCodeField,
    street: optionalText(120, "La rue"),
    postcode: postcodeField,
    locality: optionalText(60, "La localité").refine((s) => s === null || LOCALITY.test(s), {
      message: "La localité ne peut contenir que des lettres, espaces et traits d'union.",
    }),
    phone: phoneField("Téléphone"),
    fax: phoneField("Fax"),
    website: websiteField,
  })
  .superRefine((v, ctx) => {
    // An address is printed on the stamp and on documents: all of it or none of it.
    if (!v.street && !v.postcode && !v.locality) return;
    if (!v.street) ctx.addIssue({ code: "custom", path: ["street"], message: "Indiquez la rue et le numéro du cabinet." });
    if (!v.postcode) ctx.addIssue({ code: "custom", path: ["postcode"], message: "Indiquez le code postal (L-NNNN)." });
    if (!v.locality) ctx.addIssue({ code: "custom", path: ["locality"], message: "Indiquez la localité." });
  });

export type ProfileDetailsInput = z.input<typeof profileDetailsSchema>;
export type ProfileDetails = z.output<typeof profileDetailsSchema>;
export const PROFILE_DETAIL_FIELDS = Object.keys(profileDetailsSchema.shape) as (keyof ProfileDetailsInput)[];

export const bankSchema = z
  .object({
    iban: z
      .string()
      .trim()
      .transform((s, ctx) => {
        if (!s) return null;
        const iban = normalizeIban(s);
        const problem = iban ? ibanProblem(iban) : "Un IBAN ne contient que des lettres, des chiffres et des espaces.";
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem });
          return z.NEVER;
        }
        return iban;
      }),
    ibanHolder: optionalText(70, "Le titulaire du compte"),
  })
  .superRefine((v, ctx) => {
    if (v.iban && !v.ibanHolder) ctx.addIssue({ code: "custom", path: ["ibanHolder"], message: "Indiquez le titulaire du compte." });
    if (!v.iban && v.ibanHolder) ctx.addIssue({ code: "custom", path: ["iban"], message: "Saisissez l'IBAN de ce compte." });
  });

export type BankInput = z.input<typeof bankSchema>;

export const payconiqSchema = z.object({ payconiqMerchantId: payconiqMerchantIdField });
export type PayconiqInput = z.input<typeof payconiqSchema>;

export const emailChangeSchema = z.object({
  newEmail: emailFieldAsking("Saisissez votre nouveau courriel."),
  password: z.string({ error: "Saisissez votre mot de passe." }).min(1, "Saisissez votre mot de passe.").max(128),
});
export type EmailChangeInput = z.input<typeof emailChangeSchema>;

/** « Afficher sur les documents » (stamp or signature). */
/** Hidden fields of the cards' switches: only a forged or stale page gets them wrong. */
export const displayToggleSchema = z.object({
  what: z.enum(["stamp", "signature"], { error: "Choix non valide." }),
  show: z.enum(["on", "off"], { error: "Choix non valide." }).transform((v) => v === "on"),
});

/** The hidden token of the email-change confirmation page: only a forged or cut link gets it wrong. */
export const emailChangeTokenSchema = z.string().max(200);
