import { describe, expect, it } from "vitest";
import { emailChangeSchema } from "@/lib/profile/schema";
import { attachSchema, inviteSchema } from "./schema";

const messageFor = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  result.error?.issues.find((i) => i.path[0] === field)?.message;

describe("whose email is asked for", () => {
  it("asks support for the person's or the doctor's address, not « votre courriel »", () => {
    const invite = inviteSchema.safeParse({ role: "patient", email: "  ", firstName: "Nora", lastName: "Wagner", reason: "Demande par téléphone" });
    expect(messageFor(invite, "email")).toBe("Saisissez le courriel de la personne.");
    const attach = attachSchema.safeParse({ secretaryId: "0b6a8c52-6a53-4f2e-9a55-1a7b8c7b2f10", doctorEmail: "", reason: "Demande du médecin" });
    expect(messageFor(attach, "doctorEmail")).toBe("Saisissez le courriel du médecin.");
  });

  it("asks the user for the new address when changing it, and still checks its form", () => {
    expect(messageFor(emailChangeSchema.safeParse({ newEmail: "", password: "x" }), "newEmail")).toBe("Saisissez votre nouveau courriel.");
    expect(messageFor(emailChangeSchema.safeParse({ newEmail: "pas-un-courriel", password: "x" }), "newEmail")).toBe("Ce courriel n'est pas valide.");
    expect(emailChangeSchema.parse({ newEmail: " Dr.Weber@Example.LU ", password: "x" }).newEmail).toBe("dr.weber@example.lu");
  });
});
