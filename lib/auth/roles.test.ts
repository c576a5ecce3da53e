import { describe, expect, it } from "vitest";
import { areaOf, canEnter, HOME_PATH, ROLES, SIGN_IN_PATH, signInPathForArea, type PrivateArea, type Role } from "./roles";

describe("areaOf", () => {
  it.each([
    ["/doctor_home", "public"],
    ["/patient_home", "public"],
    ["/admin/login", "public"],
    ["/admin", "support"],
    ["/admin/users/1", "support"],
    ["/administration", "public"],
    ["/dashboard", "practice"],
    ["/profile/security", "practice"],
    ["/secretariat", "secretary"],
    ["/patient", "patient"],
    ["/agenda", "practice"],
    ["/agenda/parametres", "practice"],
    ["/avis", "practice"],
    ["/admin/avis", "support"],
    ["/admin/envois", "support"],
    ["/patient/documents/5d0c1a4e-0000-4000-8000-000000000000/pdf", "patient"],
    ["/patients", "practice"],
    ["/patients/5d0c1a4e-0000-4000-8000-000000000000", "practice"],
    ["/documents/5d0c1a4e-0000-4000-8000-000000000000/pdf", "practice"],
    ["/patientsx", "public"],
    ["/api/health", "api"],
    ["/securite", "account"],
  ])("%s is %s", (path, area) => expect(areaOf(path)).toBe(area));
});

describe("canEnter", () => {
  const table: Record<PrivateArea, Role[]> = {
    practice: ["doctor", "secretary"],
    secretary: ["secretary"],
    patient: ["patient"],
    support: ["support"],
    account: [...ROLES],
  };
  for (const [area, allowed] of Object.entries(table) as [PrivateArea, Role[]][]) {
    for (const role of ROLES) {
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} enter ${area}`, () => {
        expect(canEnter(role, area)).toBe(allowed.includes(role));
      });
    }
  }

  it("sends every role home to an area it may enter", () => {
    for (const role of ROLES) {
      const home = areaOf(HOME_PATH[role]);
      expect(home).not.toBe("public");
      expect(canEnter(role, home as PrivateArea)).toBe(true);
    }
  });

  it("sends anonymous visitors of an area to a sign-in page that is public", () => {
    for (const area of Object.keys(table) as PrivateArea[]) expect(areaOf(signInPathForArea(area))).toBe("public");
    for (const role of ROLES) expect(areaOf(SIGN_IN_PATH[role])).toBe("public");
  });
});
