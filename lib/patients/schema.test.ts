import { describe, expect, it } from "vitest";
import { matriculeFor } from "./matricule";
import { patientFormSchema, patientFormValues, patientSchema } from "./schema";

const matricule = matriculeFor("1985-03-12", 123);
const form = {
  lastName: " Müller ",
  firstName: "Zoé",
  birthDate: "12/03/1985",
  matricule: `${matricule.slice(0, 4)} ${matricule.slice(4, 8)} ${matricule.slice(8, 11)} ${matricule.slice(11)}`,
  noMatriculeReason: "",
  otherIdentifier: "",
  email: " Zoe.Muller@Example.LU ",
  phone: "621 123 456",
  address: "12, rue de la Gare\r\nL-1234 Luxembourg",
};

const errors = (input: Record<string, unknown>) =>
  Object.fromEntries((patientSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("patient file form", () => {
  it("normalises what was typed: matricule digits, ISO birth date, lower-case email, E.164 phone", () => {
    expect(patientSchema.parse(form)).toEqual({
      lastName: "Müller",
      firstName: "Zoé",
      birthDate: "1985-03-12",
      matricule,
      noMatriculeReason: null,
      otherIdentifier: null,
      email: "zoe.muller@example.lu",
      phone: "+352621123456",
      address: "12, rue de la Gare\nL-1234 Luxembourg",
    });
  });

  it("checks the matricule's check digits and that it encodes the birth date typed", () => {
    const wrong = matricule.slice(0, 12) + String((Number(matricule[12]) + 1) % 10);
    expect(errors({ ...form, matricule: wrong })).toEqual({
      matricule: "Ce matricule n'est pas valide : 13 chiffres dont les deux derniers sont des chiffres de contrôle.",
    });
    expect(errors({ ...form, birthDate: "1985-03-13" })).toEqual({
      matricule: "Ce matricule correspond à une naissance le 12 mars 1985 : vérifiez-le, ou la date de naissance.",
    });
  });

  it("without a matricule, asks why, and keeps another identifier", () => {
    expect(errors({ ...form, matricule: "" })).toEqual({ noMatriculeReason: "Sans matricule, indiquez pourquoi." });
    expect(patientSchema.parse({ ...form, matricule: "", noMatriculeReason: "insured_abroad", otherIdentifier: " 80276 0000 1234 " })).toMatchObject({
      matricule: null,
      noMatriculeReason: "insured_abroad",
      otherIdentifier: "80276 0000 1234",
    });
    // A matricule given makes a leftover reason moot.
    expect(patientSchema.parse({ ...form, noMatriculeReason: "visitor" }).noMatriculeReason).toBeNull();
  });

  it("refuses a bad phone, a bad email, a future or impossible birth date, a name of digits", () => {
    expect(Object.keys(errors({ ...form, phone: "123" }))).toEqual(["phone"]);
    expect(Object.keys(errors({ ...form, email: "pas-un-courriel" }))).toEqual(["email"]);
    expect(Object.keys(errors({ ...form, matricule: "", noMatriculeReason: "newborn", birthDate: "30/02/2020" }))).toEqual(["birthDate"]);
    expect(Object.keys(errors({ ...form, matricule: "", noMatriculeReason: "newborn", birthDate: "01/01/2200" }))).toEqual(["birthDate"]);
    expect(Object.keys(errors({ ...form, lastName: "1234" }))).toEqual(["lastName"]);
    expect(patientSchema.parse({ ...form, phone: "", email: "", address: "" })).toMatchObject({ phone: null, email: null, address: null });
  });
});

describe("the posted patient form (« Pas de matricule » box)", () => {
  it("ticked: a matricule left in the hidden field is dropped, the reason is kept", () => {
    const parsed = patientFormSchema.parse({ ...form, noMatricule: "1", noMatriculeReason: "insured_abroad", otherIdentifier: "80756 0001" });
    expect(parsed).toMatchObject({ matricule: null, noMatriculeReason: "insured_abroad", otherIdentifier: "80756 0001" });
  });

  it("ticked without a reason: the reason is asked for", () => {
    const issues = patientFormSchema.safeParse({ ...form, noMatricule: "1" }).error?.issues ?? [];
    expect(issues.map((i) => i.path.join("."))).toEqual(["noMatriculeReason"]);
  });

  it("not ticked: a reason and another identifier left in hidden fields are dropped", () => {
    expect(patientFormSchema.parse({ ...form, noMatricule: "", noMatriculeReason: "visitor", otherIdentifier: "X" })).toMatchObject({
      matricule,
      noMatriculeReason: null,
      otherIdentifier: null,
    });
  });

  it("a stored file comes back as the form shows it and parses to itself", () => {
    const stored = patientSchema.parse(form);
    const values = patientFormValues(stored);
    expect(values).toMatchObject({ birthDate: "12/03/1985", phone: "621 123 456", noMatricule: "" });
    expect(patientFormSchema.parse(values)).toEqual(stored);
  });
});
