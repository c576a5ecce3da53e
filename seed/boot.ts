import { shouldSeedDemo } from "@/config/env";
import { getDb, withStartupLock } from "@/db/client";
import { runMigrations, type MigrationReport } from "@/db/migrate";
import { seedDemoDocuments } from "./demo-documents";
import { seedDemoPractices } from "./demo-practice";
import { seedDemoOnlineBooking } from "./online-booking";
import { seedDemo } from "./seed-demo";

/** What the server does before taking requests: migrate, then seed the demo when it should. */
export function prepareDatabase(): Promise<{ seeded: number; migrations: MigrationReport }> {
  return withStartupLock(async () => {
    const migrations = await runMigrations();
    if (!shouldSeedDemo()) return { seeded: 0, migrations };
    const { created } = await seedDemo(getDb());
    await seedDemoPractices(getDb());
    await seedDemoOnlineBooking(getDb());
    await seedDemoDocuments(getDb());
    return { seeded: created, migrations };
  });
}
