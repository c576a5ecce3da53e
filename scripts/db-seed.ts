import { closeDb, getDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { assertPgliteFree } from "@/db/pglite-lock";
import { seedDemo } from "@/db/seed/seed-demo";
import { ensureSecrets } from "@/lib/config/secrets";

// npm run db:seed — creates the demo accounts that are missing (README.md lists them).
try {
  assertPgliteFree();
  ensureSecrets();
  await runMigrations();
  const { created } = await seedDemo(getDb());
  console.log(created ? `${created} compte(s) de démonstration créé(s).` : "Les comptes de démonstration existent déjà.");
  await closeDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
