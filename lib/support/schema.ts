import * as z from "@/lib/forms/zod";
import { emailFieldAsking } from "@/lib/auth/schema";

// Every support action carries the reason support typed: it goes to the audit log.
export const reasonField = z
  .string({ error: "Indiquez la raison de cette action." })
  .trim()
  .min(3, "Indiquez la raison de cette action (au moins 3 caractères).")
  .max(500, "La raison ne peut pas dépasser 500 caractères.");

const nameField = (label: string) =>
  z
    .string({ error: `Indiquez le ${label}.` })
    .trim()
    .min(1, `Indiquez le ${label}.`)
    .max(100, `Le ${label} ne peut pas dépasser 100 caractères.`)
    .refine((s) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), `Le ${label} contient des caractères non autorisés.`);

export const inviteSchema = z
  .object({
    role: z.enum(["doctor", "secretary", "patient"], { error: "Choisissez le type de compte." }),
    doctorKind: z.enum(["medecin", "medecin_dentiste"]).optional(),
    email: emailFieldAsking("Saisissez le courriel de la personne."),
    firstName: nameField("prénom"),
    lastName: nameField("nom"),
    reason: reasonField,
  })
  .refine((v) => v.role !== "doctor" || v.doctorKind, { path: ["doctorKind"], message: "Précisez médecin ou médecin-dentiste." });

export const userActionSchema = z.object({ userId: z.uuid({ error: "Utilisateur inconnu." }), reason: reasonField });

export const attachSchema = z.object({
  secretaryId: z.uuid({ error: "Utilisateur inconnu." }),
  doctorEmail: emailFieldAsking("Saisissez le courriel du médecin."),
  reason: reasonField,
});

export const detachSchema = z.object({
  secretaryId: z.uuid({ error: "Utilisateur inconnu." }),
  doctorId: z.uuid({ error: "Médecin inconnu." }),
  reason: reasonField,
});
