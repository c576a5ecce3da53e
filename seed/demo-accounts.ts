import type { DoctorKind, Role } from "@/db/schema";

/** Every demo account signs in with this password (README.md lists the accounts). */
export const DEMO_PASSWORD = "Doctipro-Demo-2026";

export type DemoAccount = {
  email: string;
  role: Role;
  doctorKind?: DoctorKind;
  title?: string;
  firstName: string;
  lastName: string;
  specialty?: string;
  /** Base32 TOTP secret: two-factor authentication is on for this account. */
  totpSecret?: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "dr.schmit@demo.doctipro.lu",
    role: "doctor",
    doctorKind: "medecin",
    title: "Dr",
    firstName: "Paul",
    lastName: "Schmit",
    specialty: "Médecine générale",
  },
  {
    email: "dr.weber@demo.doctipro.lu",
    role: "doctor",
    doctorKind: "medecin",
    title: "Dr",
    firstName: "Anne",
    lastName: "Weber",
    specialty: "Pédiatrie",
    totpSecret: "JBSWY3DPEHPK3PXP",
  },
  {
    email: "dr.hoffmann@demo.doctipro.lu",
    role: "doctor",
    doctorKind: "medecin_dentiste",
    title: "Dr",
    firstName: "Marc",
    lastName: "Hoffmann",
    specialty: "Médecine dentaire",
  },
  { email: "secretariat@demo.doctipro.lu", role: "secretary", firstName: "Sophie", lastName: "Muller" },
  { email: "patient@demo.doctipro.lu", role: "patient", firstName: "Luc", lastName: "Reding" },
  {
    email: "support@demo.doctipro.lu",
    role: "support",
    firstName: "Claire",
    lastName: "Thill",
    totpSecret: "KRSXG5CTMVRXEZLU",
  },
];

/** The secretary works for Schmit and Weber, not Hoffmann. */
export const DEMO_SECRETARY_LINKS: [secretary: string, doctor: string][] = [
  ["secretariat@demo.doctipro.lu", "dr.schmit@demo.doctipro.lu"],
  ["secretariat@demo.doctipro.lu", "dr.weber@demo.doctipro.lu"],
];
