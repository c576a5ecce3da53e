import { closeDb, getDb } from "@/db/client";
import { grantAppRole, roleOfUrl } from "@/db/app-role";
import { runMigrations } from "@/db/migrate";
import { assertPgliteFree } from "@/db/pglite-lock";
import { databaseUrl, pgliteDir } from "@/config/env";

// npm run db:migrate — applies db/migrations to PostgreSQL or the embedded folder.
//
// PostgreSQL with two roles (docs/security.md, « Two database roles »): MIGRATION_DATABASE_URL
// connects as the owner role, which applies the migrations, then grants the app role — the user of
// DATABASE_URL — what it needs: the tables, but only SELECT and INSERT on audit_log.
// Without MIGRATION_DATABASE_URL: DATABASE_URL does both (one role, as before).
try {
  assertPgliteFree();
  const appUrl = databaseUrl();
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || undefined;
  if (ownerUrl) process.env.DATABASE_URL = ownerUrl;
  const { overlapsMarkedOverbooked } = await runMigrations();
  console.log(`Migrations appliquées sur ${databaseUrl() ? "PostgreSQL" : pgliteDir()}.`);
  if (overlapsMarkedOverbooked) {
    console.log(`${overlapsMarkedOverbooked} rendez-vous qui en chevauchaient un autre sont désormais « en surnombre » (migration 0009_agenda).`);
  }
  const appRole = ownerUrl && appUrl ? roleOfUrl(appUrl) : null;
  if (appRole && appRole !== roleOfUrl(ownerUrl!)) {
    await grantAppRole(getDb(), appRole);
    console.log(`Droits accordés au rôle de l'application « ${appRole} » (journal d'audit : lecture et ajout seulement).`);
  }
  await closeDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
