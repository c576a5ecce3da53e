import { describe, expect, it } from "vitest";
import { IDLE } from "@/lib/forms/form-state";
import { verifyCodeAction } from "./connexion/2fa/actions";
import { acceptInvitationAction } from "./invitation/actions";
import { resetPasswordAction } from "./reinitialiser/actions";

// A forged or cut hidden field is refused before anything is looked up, with a French message the
// page shows (the form's), not zod's English one under a field the page never renders.

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const PASSWORD = "cheval agrafe batterie correcte";

describe("hidden fields of the sign-in pages", () => {
  it("a forged 2FA method", async () => {
    expect(await verifyCodeAction(IDLE, form({ method: "admin", code: "123456" }))).toEqual({
      status: "error",
      formError: "Requête invalide. Rechargez la page.",
      fieldErrors: {},
    });
  });

  it.each([
    ["reset", resetPasswordAction],
    ["invitation", acceptInvitationAction],
  ] as const)("an empty %s token", async (_, action) => {
    expect(await action(IDLE, form({ token: "", password: PASSWORD, confirmation: PASSWORD }))).toEqual({
      status: "error",
      formError: "Ce lien n'est plus valable. Demandez-en un nouveau.",
      fieldErrors: {},
    });
  });
});
