// Who may go where. Pure data and functions: proxy.ts and the guards (lib/auth/guards.ts) both
// decide from this one table.

export const ROLES = ["doctor", "secretary", "patient", "support"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Each role signs in on its own page, and only there. */
export const SIGN_IN_PATH: Record<Role, string> = {
  doctor: "/doctor_home",
  secretary: "/secretary_home",
  patient: "/patient_home",
  support: "/admin/login",
};

export const SIGN_IN_TITLE: Record<Role, string> = {
  doctor: "Connexion médecin",
  secretary: "Connexion secrétariat",
  patient: "Connexion patient",
  support: "Connexion support",
};

/** Where a role lands after signing in. */
export const HOME_PATH: Record<Role, string> = {
  doctor: "/dashboard",
  secretary: "/secretariat",
  patient: "/patient",
  support: "/admin",
};

export type Area = "public" | "practice" | "secretary" | "patient" | "support" | "account" | "api";

const PRIVATE_AREAS = {
  practice: ["doctor", "secretary"],
  secretary: ["secretary"],
  patient: ["patient"],
  support: ["support"],
  /** The signed-in person's own account settings (/securite), whatever the role. */
  account: ROLES,
} as const satisfies Record<Exclude<Area, "public" | "api">, readonly Role[]>;

export type PrivateArea = keyof typeof PRIVATE_AREAS;

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function areaOf(pathname: string): Area {
  if (under(pathname, "/admin/login")) return "public";
  if (under(pathname, "/admin")) return "support";
  if (["/dashboard", "/agenda", "/profile", "/secretaires", "/patients", "/documents", "/avis"].some((prefix) => under(pathname, prefix)))
    return "practice";
  if (under(pathname, "/secretariat")) return "secretary";
  if (under(pathname, "/patient")) return "patient";
  if (under(pathname, "/securite")) return "account";
  if (under(pathname, "/api")) return "api";
  return "public";
}

export function canEnter(role: Role, area: PrivateArea): boolean {
  return (PRIVATE_AREAS[area] as readonly Role[]).includes(role);
}

/** The sign-in page an anonymous visitor of an area is sent to. */
export function signInPathForArea(area: PrivateArea): string {
  switch (area) {
    case "practice":
    case "account":
      return SIGN_IN_PATH.doctor;
    case "secretary":
      return SIGN_IN_PATH.secretary;
    case "patient":
      return SIGN_IN_PATH.patient;
    case "support":
      return SIGN_IN_PATH.support;
  }
}
