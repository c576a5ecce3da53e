import { shouldSeedDemo } from "@/lib/config/env";
import { getDb } from "./client";
import { runMigrations } from "./migrate";
import { seedDemoDocuments } from "./seed/demo-documents";
import { seedDemoPractices } from "./seed/demo-practice";
import { seedDemo } from "./seed/seed-demo";

/** What the server does before taking requests: migrate, then seed the demo when it should. */
export async function prepareDatabase(): Promise<{ seeded: number }> {
  await runMigrations();
  if (!shouldSeedDemo()) return { seeded: 0 };
  const { created } = await seedDemo(getDb());
  await seedDemoPractices(getDb());
  await seedDemoDocuments(getDb());
  return { seeded: created };
}
