import { closeDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { assertPgliteFree } from "@/db/pglite-lock";
import { databaseUrl, pgliteDir } from "@/config/env";

// npm run db:migrate — applies db/migrations to PostgreSQL (DATABASE_URL) or the embedded folder.
try {
  assertPgliteFree();
  const { overlapsMarkedOverbooked } = await runMigrations();
  console.log(`Migrations appliquées sur ${databaseUrl() ? "PostgreSQL" : pgliteDir()}.`);
  if (overlapsMarkedOverbooked) {
    console.log(`${overlapsMarkedOverbooked} rendez-vous qui en chevauchaient un autre sont désormais « en surnombre » (migration 0009_agenda).`);
  }
  await closeDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
