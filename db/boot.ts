import { shouldSeedDemo } from "@/lib/config/env";
import { getDb, withStartupLock } from "./client";
import { runMigrations } from "./migrate";
import { seedDemoDocuments } from "./seed/demo-documents";
import { seedDemoPractices } from "./seed/demo-practice";
import { seedDemo } from "./seed/seed-demo";

/** What the server does before taking requests: migrate, then seed the demo when it should. */
export function prepareDatabase(): Promise<{ seeded: number }> {
  return withStartupLock(async () => {
    await runMigrations();
    if (!shouldSeedDemo()) return { seeded: 0 };
    const { created } = await seedDemo(getDb());
    await seedDemoPractices(getDb());
    await seedDemoDocuments(getDb());
    return { seeded: created };
  });
}
