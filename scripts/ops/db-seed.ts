import { closeDb, getDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { assertPgliteFree } from "@/db/pglite-lock";
import { seedDemoDocuments } from "@/seed/demo-documents";
import { seedDemoPractices } from "@/seed/demo-practice";
import { seedDemoOnlineBooking } from "@/seed/online-booking";
import { seedDemo } from "@/seed/seed-demo";
import { ensureSecrets } from "@/config/secrets";
import { seedLarge } from "@/seed/large-seed";

// npm run db:seed — creates the demo accounts and practices that are missing (README.md lists them).
// npm run db:seed -- --large — then fills the database for the benchmark (docs/benchmarks.md).
try {
  assertPgliteFree();
  ensureSecrets();
  await runMigrations();
  const { created } = await seedDemo(getDb());
  console.log(created ? `${created} compte(s) de démonstration créé(s).` : "Les comptes de démonstration existent déjà.");
  const { seeded } = await seedDemoPractices(getDb());
  console.log(seeded.length ? `Cabinet(s) de démonstration rempli(s) : ${seeded.join(", ")}.` : "Les cabinets de démonstration sont déjà remplis.");
  const online = await seedDemoOnlineBooking(getDb());
  if (online.seeded.length) console.log(`Réservation en ligne ouverte : ${online.seeded.join(", ")}.`);
  const documents = await seedDemoDocuments(getDb());
  if (documents) console.log(`${documents} document(s) de démonstration établi(s).`);
  if (process.argv.includes("--large")) await seedLarge(getDb(), { log: console.log });
  await closeDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
