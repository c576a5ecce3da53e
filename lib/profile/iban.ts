import { electronicFormatIBAN, friendlyFormatIBAN, getCountrySpecifications, isSEPACountry, validateIBAN, ValidationErrorsIBAN } from "ibantools";

// IBAN rules, shared by the form (browser) and the server action: ibantools checks the country's
// format and length and the check digits; only SEPA countries are accepted (fee notes are paid by
// SEPA transfer).

/** « LU28 0019 4006 4475 0000 » → « LU280019400644750000 »; null for anything but letters, digits and spaces. */
export function normalizeIban(input: string): string | null {
  if (!/^[A-Za-z0-9 ]*$/.test(input)) return null;
  return electronicFormatIBAN(input) ?? null;
}

/** The French message for an IBAN that is not valid, or null when it is. `iban` is normalised. */
export function ibanProblem(iban: string): string | null {
  if (!/^[A-Z]{2}/.test(iban)) return "Un IBAN commence par le code du pays en deux lettres (LU, BE, FR, DE…).";
  const country = iban.slice(0, 2);
  const spec = getCountrySpecifications()[country];
  if (!spec?.chars) return `Code pays inconnu : « ${country} ». Un IBAN commence par le code du pays (LU, BE, FR, DE…).`;
  if (!isSEPACountry(country)) return `Seuls les comptes de l'espace SEPA sont acceptés (${country} n'en fait pas partie).`;
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return null;
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    return `Un IBAN ${country} compte ${spec.chars} caractères ; celui-ci en a ${iban.length}.`;
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) {
    return `Ce n'est pas le format d'un IBAN ${country} : vérifiez les caractères après les quatre premiers.`;
  }
  return "La clé de contrôle ne correspond pas : une erreur de frappe s'est glissée dans l'IBAN.";
}

/** « LU28 0019 4006 4475 0000 »: groups of 4, as printed on fee notes. */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(iban, " ") ?? iban;
}
