import { describe, expect, it } from "vitest";
import { invalid } from "@/lib/forms/form-state";
import { LINK_NO_LONGER_VALID, newPasswordSchema } from "./password-reset-schema";

const PASSWORD = "cheval agrafe batterie correcte";

describe("newPasswordSchema's hidden token (reset and invitation pages)", () => {
  it.each([
    ["missing", null],
    ["empty", ""],
    ["oversized", "x".repeat(201)],
    ["not text", 42],
  ])("a %s token is the form's error, in French, never a field the page does not show", (_, token) => {
    const parsed = newPasswordSchema.safeParse({ token, password: PASSWORD, confirmation: PASSWORD });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(invalid(parsed.error, ["token"])).toEqual({ status: "error", formError: LINK_NO_LONGER_VALID, fieldErrors: {} });
    expect(LINK_NO_LONGER_VALID).toBe("Ce lien n'est plus valable. Demandez-en un nouveau.");
  });

  it("keeps the visible fields' errors under their fields beside it", () => {
    const parsed = newPasswordSchema.safeParse({ token: "", password: "", confirmation: "" });
    if (parsed.success) throw new Error("parsed");
    const state = invalid(parsed.error, ["token"]);
    expect(state.formError).toBe(LINK_NO_LONGER_VALID);
    expect(Object.keys(state.fieldErrors ?? {})).toEqual(["password"]);
  });
});
