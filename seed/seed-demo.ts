import { inArray } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password-hash";
import { encryptSecret } from "@/lib/twofactor/encryption";
import type { Database } from "@/db/client";
import { doctorProfiles, secretaryDoctors, twoFactor, users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SECRETARY_LINKS } from "./demo-accounts";
import { HISTORY_DAYS } from "./demo-practice";
import { DEMO_PROFILES } from "./demo-profiles";

/**
 * Creates the demo accounts that do not exist yet. Idempotent: an existing account (even one whose
 * password was changed) is left as it is.
 */
export async function seedDemo(db: Database): Promise<{ created: number }> {
  // One hash per account, each with its own salt: with one shared hash, cracking it (or seeing two
  // rows alike in a dump) gave every demo account at once. Hashed one after the other: argon2 takes
  // 64 MiB a hash.
  const hashes: string[] = [];
  for (let i = 0; i < DEMO_ACCOUNTS.length; i++) hashes.push(await hashPassword(DEMO_PASSWORD));
  const inserted = await db
    .insert(users)
    .values(
      DEMO_ACCOUNTS.map((a, i) => ({
        email: a.email,
        role: a.role,
        doctorKind: a.doctorKind ?? null,
        title: a.title ?? null,
        firstName: a.firstName,
        lastName: a.lastName,
        specialty: a.specialty ?? null,
        passwordHash: hashes[i]!,
      })),
    )
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });

  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((a) => a.email),
      ),
    );
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  const attachedSince = new Date(Date.now() - (HISTORY_DAYS + 1) * 86_400_000);
  const links = DEMO_SECRETARY_LINKS.flatMap(([s, d]) => {
    const secretaryId = idOf.get(s);
    const doctorId = idOf.get(d);
    // Attached before the first day of the demo's history, which shows her signing in for the doctor.
    return secretaryId && doctorId ? [{ secretaryId, doctorId, createdAt: attachedSince }] : [];
  });
  if (links.length) await db.insert(secretaryDoctors).values(links).onConflictDoNothing();

  // Known TOTP secrets, so a person trying the demo can add them to an authenticator app.
  const withTotp = DEMO_ACCOUNTS.flatMap((a) => {
    const userId = idOf.get(a.email);
    return a.totpSecret && userId ? [{ userId, secretEncrypted: encryptSecret(a.totpSecret), confirmedAt: new Date() }] : [];
  });
  if (withTotp.length) await db.insert(twoFactor).values(withTotp).onConflictDoNothing();

  // A profile the doctor already edited is left as it is.
  const profiles = Object.entries(DEMO_PROFILES).flatMap(([email, profile]) => {
    const doctorId = idOf.get(email);
    return doctorId ? [{ doctorId, ...profile }] : [];
  });
  if (profiles.length) await db.insert(doctorProfiles).values(profiles).onConflictDoNothing();
  return { created: inserted.length };
}
