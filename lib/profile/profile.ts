import "server-only";
import { eq, sql } from "drizzle-orm";
import { doctorProfiles, users, type DoctorProfile, type User } from "@/db/schema";
import { getDb } from "@/lib/db";
import type { ProfileDetails } from "./schema";

// Reads and writes the doctor's profile. Callers pass the doctor their guard returned; nothing
// here takes a doctor id from a request.

export type ProfileView = {
  title: string | null;
  firstName: string;
  lastName: string;
  specialty: string | null;
  email: string;
  profile: Omit<DoctorProfile, "doctorId" | "updatedAt">;
};

const EMPTY: ProfileView["profile"] = {
  providerCode: null,
  street: null,
  postcode: null,
  locality: null,
  phone: null,
  fax: null,
  website: null,
  iban: null,
  ibanHolder: null,
  payconiqMerchantId: null,
  stampOnDocuments: false,
  signatureOnDocuments: false,
};

export async function loadProfile(doctor: User): Promise<ProfileView> {
  const [row] = await getDb().select().from(doctorProfiles).where(eq(doctorProfiles.doctorId, doctor.id)).limit(1);
  const { doctorId: _d, updatedAt: _u, ...profile } = row ?? { doctorId: doctor.id, updatedAt: new Date(), ...EMPTY };
  return { title: doctor.title, firstName: doctor.firstName, lastName: doctor.lastName, specialty: doctor.specialty, email: doctor.email, profile };
}

type ProfileColumns = Partial<Omit<DoctorProfile, "doctorId" | "updatedAt">>;

async function upsertProfile(tx: Pick<ReturnType<typeof getDb>, "insert">, doctorId: string, values: ProfileColumns) {
  await tx
    .insert(doctorProfiles)
    .values({ doctorId, ...values })
    .onConflictDoUpdate({ target: doctorProfiles.doctorId, set: { ...values, updatedAt: sql`now()` } });
}

/** Name and specialty live on the account, the rest on the profile: one transaction for both. */
export async function saveProfileDetails(doctor: User, details: ProfileDetails): Promise<void> {
  const { title, firstName, lastName, specialty, ...practice } = details;
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ title, firstName, lastName, specialty, updatedAt: sql`now()` })
      .where(eq(users.id, doctor.id));
    await upsertProfile(tx, doctor.id, practice);
  });
}

export async function saveBankDetails(doctor: User, bank: { iban: string | null; ibanHolder: string | null }): Promise<void> {
  await upsertProfile(getDb(), doctor.id, bank);
}

export async function savePayconiqMerchantId(doctor: User, payconiqMerchantId: string | null): Promise<void> {
  await upsertProfile(getDb(), doctor.id, { payconiqMerchantId });
}

export async function setShownOnDocuments(doctor: User, what: "stamp" | "signature", show: boolean): Promise<void> {
  await upsertProfile(getDb(), doctor.id, what === "stamp" ? { stampOnDocuments: show } : { signatureOnDocuments: show });
}
