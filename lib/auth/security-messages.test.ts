import { describe, expect, it } from "vitest";
import { activationAnswer, changePasswordAnswer, passwordCheckRefused, revokeOthersAnswer, revokeSessionAnswer } from "./security-messages";

// What the security page says for each result: under which field, in which words.

describe("the security page's answers", () => {
  it("a refused password is said under the field that asked for it", () => {
    expect(passwordCheckRefused({ kind: "wrong-password" })).toEqual({ status: "error", fieldErrors: { password: "Mot de passe incorrect." } });
    expect(changePasswordAnswer({ kind: "throttled" })).toEqual({
      status: "error",
      fieldErrors: { current: "Trop de tentatives. Réessayez dans quelques minutes." },
    });
    expect(changePasswordAnswer({ kind: "same-password" }).fieldErrors).toEqual({
      password: "Le nouveau mot de passe doit être différent de l'actuel.",
    });
    expect(changePasswordAnswer({ kind: "weak-password", message: "Trop court." }).fieldErrors).toEqual({ password: "Trop court." });
  });

  it("counts the other sessions a change ended, and says nothing of none", () => {
    expect(changePasswordAnswer({ kind: "done", endedSessions: 0 }).message).toBe("Mot de passe modifié. Un courriel vous le confirme.");
    expect(changePasswordAnswer({ kind: "done", endedSessions: 2 }).message).toBe(
      "Mot de passe modifié. Un courriel vous le confirme. 2 autres sessions fermées.",
    );
    expect(activationAnswer({ kind: "done", recoveryCodes: ["a"], endedSessions: 1 })).toEqual({
      status: "success",
      message: "La double authentification est activée. 1 autre session fermée.",
      data: { recoveryCodes: ["a"] },
    });
    expect(revokeOthersAnswer(0).message).toBe("Aucune autre session n'était ouverte.");
    expect(revokeOthersAnswer(3).message).toBe("3 autres sessions fermées.");
    expect(revokeSessionAnswer({ kind: "not-found" })).toEqual({ status: "error", formError: "Cette session n'existe pas ou est déjà fermée." });
  });
});
