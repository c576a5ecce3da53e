import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms/form-state";
import { bankSchema, emailChangeSchema, profileDetailsSchema, type ProfileDetailsInput } from "./schema";

const valid: ProfileDetailsInput = {
  title: "Dr",
  firstName: "Anne-Marie",
  lastName: "d'Huart",
  specialty: "Médecine générale",
  providerCode: "123456-78",
  street: "12, rue de la Gare",
  postcode: "L-1234",
  locality: "Luxembourg",
  phone: "+352 26 12 34 56",
  fax: "",
  website: "www.cabinet-huart.lu",
};

function errorsOf(input: Partial<ProfileDetailsInput>) {
  const parsed = profileDetailsSchema.safeParse({ ...valid, ...input });
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("profile details", () => {
  it("normalises what it keeps", () => {
    const out = profileDetailsSchema.parse({ ...valid, providerCode: "12345678", postcode: "l 1234", fax: "", phone: "+352  26 12 34 56" });
    expect(out).toMatchObject({
      title: "Dr",
      providerCode: "123456-78",
      postcode: "L-1234",
      fax: null,
      phone: "+352 26 12 34 56",
      website: "https://www.cabinet-huart.lu",
    });
    expect(profileDetailsSchema.parse({ ...valid, title: "" }).title).toBeNull();
  });

  it("checks the code prestataire NNNNNN-NN", () => {
    expect(errorsOf({ providerCode: "123456 78" })).toEqual({});
    expect(errorsOf({ providerCode: "12345-678" }).providerCode).toMatch(/NNNNNN-NN/);
    expect(errorsOf({ providerCode: "1234567" }).providerCode).toMatch(/NNNNNN-NN/);
    expect(errorsOf({ providerCode: "12345A-78" }).providerCode).toMatch(/NNNNNN-NN/);
  });

  it("checks the postcode L-NNNN", () => {
    expect(errorsOf({ postcode: "1234" })).toEqual({});
    expect(errorsOf({ postcode: "L-123" }).postcode).toMatch(/L-NNNN/);
    expect(errorsOf({ postcode: "F-57000" }).postcode).toMatch(/L-NNNN/);
  });

  it("wants a whole address or none", () => {
    expect(errorsOf({ street: "", postcode: "", locality: "" })).toEqual({});
    expect(errorsOf({ locality: "" }).locality).toBe("Indiquez la localité.");
    expect(errorsOf({ street: "" }).street).toMatch(/rue/);
  });

  it("requires the names and refuses markup in them", () => {
    expect(errorsOf({ firstName: " " }).firstName).toBe("Saisissez le prénom.");
    expect(errorsOf({ lastName: "<b>Schmit</b>" }).lastName).toMatch(/lettres/);
    expect(errorsOf({ title: "Prof. Dr. Dr." as never }).title).toMatch(/liste/);
  });

  it("checks phone numbers and web addresses", () => {
    expect(errorsOf({ phone: "26 12" }).phone).toMatch(/Téléphone non valide/);
    expect(errorsOf({ fax: "abc" }).fax).toMatch(/Fax non valide/);
    expect(errorsOf({ website: "javascript:alert(1)" }).website).toMatch(/site non valide/);
    expect(errorsOf({ website: "https://user:pw@cabinet.lu" }).website).toMatch(/site non valide/);
    expect(errorsOf({ website: "localhost" }).website).toMatch(/site non valide/);
  });
});

describe("bank details", () => {
  it("keeps the IBAN without spaces, with its holder", () => {
    expect(bankSchema.parse({ iban: "LU28 0019 4006 4475 0000", ibanHolder: "Dr Anne Weber" })).toEqual({
      iban: "LU280019400644750000",
      ibanHolder: "Dr Anne Weber",
    });
    expect(bankSchema.parse({ iban: "", ibanHolder: "" })).toEqual({ iban: null, ibanHolder: null });
  });

  it("puts each problem next to its field", () => {
    const errors = (input: { iban: string; ibanHolder: string }) => {
      const parsed = bankSchema.safeParse(input);
      return parsed.success ? {} : fieldErrorsOf(parsed.error);
    };
    expect(errors({ iban: "LU28 0019 4006 4475 000", ibanHolder: "X" }).iban).toMatch(/20 caractères/);
    expect(errors({ iban: "LU28 0019 4006 4475 0000", ibanHolder: "" }).ibanHolder).toBe("Indiquez le titulaire du compte.");
    expect(errors({ iban: "", ibanHolder: "Dr Weber" }).iban).toMatch(/Saisissez l'IBAN/);
  });
});

describe("email change", () => {
  it("lower-cases the new address and wants the password", () => {
    expect(emailChangeSchema.parse({ newEmail: " Anne.Weber@Cabinet.LU ", password: "x" }).newEmail).toBe("anne.weber@cabinet.lu");
    expect(emailChangeSchema.safeParse({ newEmail: "anne@", password: "x" }).success).toBe(false);
    expect(emailChangeSchema.safeParse({ newEmail: "anne@cabinet.lu", password: "" }).success).toBe(false);
  });
});
