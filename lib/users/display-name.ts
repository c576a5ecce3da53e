import type { DoctorKind, Role } from "@/db/schema";

type Person = { title: string | null; firstName: string; lastName: string };

/** « Dr Paul Schmit », or « Sophie Muller » without a title. */
export function displayName(person: Person): string {
  return [person.title, person.firstName, person.lastName].filter(Boolean).join(" ");
}

/** « PS » for Paul Schmit. */
export function initials(person: Person): string {
  return `${person.firstName.slice(0, 1)}${person.lastName.slice(0, 1)}`.toUpperCase();
}

export function roleLabel(role: Role, doctorKind?: DoctorKind | null): string {
  if (role === "doctor") return doctorKind === "medecin_dentiste" ? "Médecin-dentiste" : "Médecin";
  return { secretary: "Secrétariat", patient: "Patient", support: "Support" }[role];
}
