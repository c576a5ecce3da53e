import path from "node:path";

// What `npm start` runs (package.json), for the benchmarks and the reliability test to measure the
// same process; production-server.test.ts keeps the two in step.

/** server.ts bundled by `npm run build` (build:server). */
export const PRODUCTION_SERVER = path.resolve(".next/doctipro-server.mjs");

/**
 * A bounded V8 heap: left to itself V8 grows it with the load (777 MiB of RSS under the reliability
 * test's 100 users); at 256 MiB the instance stays under 340 MiB with every check passing
 * (docs/decisions/0005).
 */
export const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=256"];
