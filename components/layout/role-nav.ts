import type { Role } from "@/lib/auth/roles";
import type { NavItem } from "./nav-links";

const SECURITY: NavItem = { href: "/securite", label: "Sécurité du compte" };

/** The left navigation of each area. */
export const NAV = {
  doctor: [
    { href: "/dashboard", label: "Tableau de bord" },
    { href: "/agenda", label: "Agenda" },
    { href: "/patients", label: "Patients" },
    { href: "/avis", label: "Avis" },
    { href: "/profile", label: "Profil du praticien" },
    { href: "/secretaires", label: "Mon secrétariat" },
    SECURITY,
  ],
  secretaryInPractice: [
    { href: "/dashboard", label: "Tableau de bord" },
    { href: "/agenda", label: "Agenda" },
    { href: "/patients", label: "Patients" },
    { href: "/profile", label: "Profil du praticien" },
    { href: "/secretariat", label: "Mes médecins" },
    SECURITY,
  ],
  secretary: [{ href: "/secretariat", label: "Mes médecins" }, SECURITY],
  patient: [
    { href: "/patient", label: "Mon espace" },
    { href: "/securite", label: "Mon compte" },
  ],
  support: [
    { href: "/admin", label: "Utilisateurs" },
    { href: "/admin/chat", label: "Chat" },
    { href: "/admin/avis", label: "Avis" },
    { href: "/admin/envois", label: "Envois en échec" },
    { href: "/admin/journal", label: "Journal d'audit" },
    SECURITY,
  ],
} satisfies Record<Role | "secretaryInPractice", NavItem[]>;
