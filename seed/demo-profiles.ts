import type { DoctorProfile } from "@/db/schema";

// Believable profiles for the demo doctors (README.md), so the stamp and the fee-note details show
// something on first start. Addresses are real Luxembourg streets; codes and IBANs are made up but
// well-formed (the IBANs pass their check digits).

type DemoProfile = Omit<DoctorProfile, "doctorId" | "updatedAt" | "signatureOnDocuments">;

export const DEMO_PROFILES: Record<string, DemoProfile> = {
  "dr.schmit@demo.doctipro.lu": {
    providerCode: "601234-12",
    street: "12, rue de la Gare",
    postcode: "L-1611",
    locality: "Luxembourg",
    phone: "+352 26 12 34 56",
    fax: "+352 26 12 34 57",
    website: "https://www.cabinet-schmit.lu",
    iban: "LU980019400644750001",
    ibanHolder: "Dr Paul Schmit",
    payconiqMerchantId: "5f3a9c1e7b2d4e0012a8c4f1",
    stampOnDocuments: true,
  },
  "dr.weber@demo.doctipro.lu": {
    providerCode: "604567-34",
    street: "5, place de l'Hôtel de Ville",
    postcode: "L-4138",
    locality: "Esch-sur-Alzette",
    phone: "+352 54 11 22 33",
    fax: null,
    website: null,
    iban: "LU240141123456780000",
    ibanHolder: "Dr Anne Weber",
    payconiqMerchantId: null,
    stampOnDocuments: true,
  },
  "dr.hoffmann@demo.doctipro.lu": {
    providerCode: "907890-56",
    street: "27, Grand-Rue",
    postcode: "L-9050",
    locality: "Ettelbruck",
    phone: "+352 81 22 33 44",
    fax: null,
    website: null,
    iban: "LU090030987654321000",
    ibanHolder: "Dr Marc Hoffmann",
    payconiqMerchantId: null,
    stampOnDocuments: false,
  },
};
