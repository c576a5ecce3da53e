import { describe, expect, it } from "vitest";
import { formatIban, ibanProblem, normalizeIban } from "./iban";

describe("IBAN", () => {
  it("accepts a Luxembourg IBAN typed with spaces and in lower case, and prints it by groups of 4", () => {
    const iban = normalizeIban("lu28 0019 4006 4475 0000");
    expect(iban).toBe("LU280019400644750000");
    expect(ibanProblem(iban!)).toBeNull();
    expect(formatIban(iban!)).toBe("LU28 0019 4006 4475 0000");
  });

  it("accepts other SEPA countries", () => {
    for (const iban of ["BE68539007547034", "FR1420041010050500013M02606", "DE89370400440532013000"]) expect(ibanProblem(iban)).toBeNull();
  });

  it("says what is wrong", () => {
    expect(ibanProblem("LU28001940064475000")).toBe("Un IBAN LU compte 20 caractères ; celui-ci en a 19.");
    expect(ibanProblem("LU290019400644750000")).toMatch(/clé de contrôle/);
    expect(ibanProblem("XX280019400644750000")).toMatch(/Code pays inconnu : « XX »/);
    expect(ibanProblem("1234")).toMatch(/commence par le code du pays/);
    expect(ibanProblem("BR1800360305000010009795493C1")).toMatch(/espace SEPA/);
  });

  it("refuses characters that cannot be in an IBAN", () => {
    expect(normalizeIban("LU28-0019")).toBeNull();
    expect(normalizeIban("LU28<0019")).toBeNull();
  });
});
