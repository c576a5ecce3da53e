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

  it("refuses a password built from the person's own name or email", () => {
    expect(passwordProblem("schmitschmit2026", ["dr.schmit@demo.doctipro.lu", "Schmit"])).toMatch(/trop facile/);
  });

  it("accepts a long passphrase without composition rules", () => {
    expect(passwordProblem("cheval agrafe batterie correcte")).toBeNull();
    expect(passwordProblem("Doctipro-Demo-2026")).toBeNull();
  });
});
