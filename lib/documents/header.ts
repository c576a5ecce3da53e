import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { doctorProfiles, type User } from "@/db/schema";
import { displayName } from "@/lib/users/display-name";
import type { DocumentHeader } from "./pdf-render";
import type { DocumentKind } from "./schema";

// What a document prints about the doctor and the patient, taken from the profile at the moment of
// issue and kept in the row. Not the account's email: it is the sign-in identifier and documents
// travel; the practice's phone and website are printed instead. Takes the database as input (no
// getDb): the demo seed uses it too.

/** The header to store, and whether the profile's boxes ask for the stamp and the signature. */
export async function documentHeader(
  db: Pick<Database, "select">,
  doctor: User,
  patient: { firstName: string; lastName: string; matricule: string | null; otherIdentifier?: string | null; birthDate: string },
  kind: DocumentKind,
) {
  const [profile] = await db.select().from(doctorProfiles).where(eq(doctorProfiles.doctorId, doctor.id)).limit(1);
  const header: DocumentHeader = {
    doctor: {
      name: displayName(doctor),
      specialty: doctor.specialty,
      providerCode: profile?.providerCode ?? null,
      street: profile?.street ?? null,
      postcode: profile?.postcode ?? null,
      locality: profile?.locality ?? null,
      phone: profile?.phone ?? null,
      website: profile?.website ?? null,
    },
    patient: {
      name: `${patient.firstName} ${patient.lastName}`,
      matricule: patient.matricule,
      ...(patient.matricule ? {} : { otherIdentifier: patient.otherIdentifier ?? null }),
      birthDate: patient.birthDate,
    },
    payment:
      kind === "fee_note"
        ? { iban: profile?.iban ?? null, ibanHolder: profile?.ibanHolder ?? null, payconiqMerchantId: profile?.payconiqMerchantId ?? null }
        : null,
  };
  return { header, stamp: profile?.stampOnDocuments ?? false, signature: profile?.signatureOnDocuments ?? false };
}
