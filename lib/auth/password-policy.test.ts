import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("refuses fewer than 12 characters", () => {
    expect(passwordProblem("Kx9!vT2#qL")).toMatch(/au moins 12 caractères/);
  });

  it("refuses more than 128 characters", () => {
    expect(passwordProblem("a".repeat(129))).toMatch(/128 caractères/);
  });

  it("refuses long but common or guessable passwords", () => {
    expect(passwordProblem("motdepasse123")).toMatch(/trop facile/);
    expect(passwordProblem("azertyuiopqsdf")).toMatch(/trop facile/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/trop facile/);
  });

  it("writes every sentence of its message with a full stop, zxcvbn's hint included", () => {
    for (const weak of ["motdepasse123", "azertyuiopqsdf", "aaaaaaaaaaaaaaaa", "Jean-Pierre1980"]) {
      const message = passwordProblem(weak)!;
      expect(message).toMatch(/\.$/);
      // No hint runs into the next sentence: « … courant Choisissez … ».
      expect(message).not.toMatch(/[^.!?…] Choisissez/);
    }
  });

  it("refuses a password built from the person's own name or email", () => {
    expect(passwordProblem("schmitschmit2026", ["dr.schmit@demo.doctipro.lu", "Schmit"])).toMatch(/trop facile/);
    // zxcvbn alone rates these strong; they are an attacker's first tries against the account.
    const person = ["nouveau.patient@example.lu", "Nouveau", "Patient"];
    expect(passwordProblem("nouveau.patient@example.lu", person)).toMatch(/nom ou votre courriel|trop facile/);
    expect(passwordProblem("LucReding2026!!", ["luc.reding@example.lu", "Luc", "Reding"])).toMatch(/nom ou votre courriel|trop facile/);
    expect(passwordProblem("Nouveau.Patient@Example.lu 2026", person)).toMatch(/nom ou votre courriel|trop facile/);
  });

  it("accepts a strong passphrase that happens to hold the person's name", () => {
    expect(passwordProblem("Luc aime le cheval rouge des lundis pluvieux", ["luc.reding@example.lu", "Luc", "Reding"])).toBeNull();
  });

  it("counts the email's local part and the names, not its domain", () => {
    // The demo password names the product, as the demo accounts' domain does: it is not the person's.
    expect(passwordProblem("Doctipro-Demo-2026", ["dr.schmit@demo.doctipro.lu", "Paul", "Schmit"])).toBeNull();
    expect(passwordProblem("Schmit-Paul-2026", ["dr.schmit@demo.doctipro.lu", "Paul", "Schmit"])).toMatch(/nom ou votre courriel|trop facile/);
    expect(passwordProblem("Claire.Kieffer!2026", ["claire.kieffer@gmail.com", "", ""])).toMatch(/nom ou votre courriel|trop facile/);
  });

  it("accepts a long passphrase without composition rules", () => {
    expect(passwordProblem("cheval agrafe batterie correcte")).toBeNull();
    expect(passwordProblem("Doctipro-Demo-2026")).toBeNull();
  });
});
