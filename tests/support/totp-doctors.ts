import { like } from "drizzle-orm";
import type { Database } from "@/db/client";
import { twoFactor, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/seed/demo-accounts";
import { hashPassword } from "@/lib/auth/password-hash";
import { encryptSecret } from "@/lib/twofactor/encryption";
import { newTotpSecret } from "@/lib/twofactor/totp";

export type TotpAccount = { email: string; secret: string };

/**
 * `count` doctors of `domain` with an authenticator app and the demo password, fresh: the previous
 * run's accounts of that domain (and, by cascade, their sessions and history) are removed first.
 * Needs AUTH_ENCRYPTION_KEY in the environment, the same the servers get.
 */
export async function createTotpDoctors(db: Database, domain: string, count: number): Promise<{ accounts: TotpAccount[]; passwordHash: string }> {
  await db.delete(users).where(like(users.email, `%@${domain}`));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = Array.from({ length: count }, (_, i) => ({ email: `medecin-${i}@${domain}`, secret: newTotpSecret() }));
  for (let start = 0; start < accounts.length; start += 500) {
    const batch = accounts.slice(start, start + 500);
    const rows = await db
      .insert(users)
      .values(
        batch.map((a, i) => ({
          email: a.email,
          role: "doctor" as const,
          doctorKind: "medecin" as const,
          title: "Dr",
          firstName: "Banc",
          lastName: `Essai ${start + i}`,
          passwordHash,
        })),
      )
      .returning({ id: users.id, email: users.email });
    const secretOf = new Map(batch.map((a) => [a.email, a.secret]));
    await db
      .insert(twoFactor)
      .values(rows.map((r) => ({ userId: r.id, secretEncrypted: encryptSecret(secretOf.get(r.email)!), confirmedAt: new Date() })));
  }
  return { accounts, passwordHash };
}
