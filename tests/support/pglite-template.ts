import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { openPglite } from "@/db/pglite";

// Vitest global setup. Every unit-test file opens its own in-memory PGlite; migrating each one
// cost as much as booting it. Here the migrations run once into a dump, named by a hash of the
// migrations and of PGlite's version, and db/client.ts starts each file's database from that dump
// (PGLITE_TEMPLATE, inherited by the test workers Vitest starts after this setup).

const migrationsFolder = path.resolve(import.meta.dirname, "../../db/migrations");

function templateKey(): string {
  const hash = createHash("sha256");
  const pglite = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../node_modules/@electric-sql/pglite/package.json"), "utf8")) as {
    version: string;
  };
  hash.update(pglite.version);
  for (const dir of [migrationsFolder, path.join(migrationsFolder, "meta")]) {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

export default async function setup() {
  const file = path.join(os.tmpdir(), `doctipro-pglite-template-${templateKey()}.tar`);
  if (!fs.existsSync(file)) {
    const client = openPglite("memory://");
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir("none");
    await client.close();
    // Written aside then renamed: two runs at once never read half a file.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  }
  process.env.PGLITE_TEMPLATE = file;
}

/**
 * A migrated PGlite of its own, in memory or in an empty folder `dir` (a command-line tool's), for a
 * test that needs several databases side by side (getDb() gives a file one): started from the
 * template when the global setup made one, migrated otherwise.
 */
export async function openMigratedPglite(dir = "memory://") {
  const template = process.env.PGLITE_TEMPLATE;
  if (template && fs.existsSync(template)) return openPglite(dir, { loadDataDir: new Blob([fs.readFileSync(template)]) });
  const client = openPglite(dir);
  await migrate(drizzle(client), { migrationsFolder });
  return client;
}
