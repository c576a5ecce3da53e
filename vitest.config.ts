import os from "node:os";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.{ts,tsx}"],
    exclude: ["node_modules/**", "tests/e2e/**", ".next/**"],
    environment: "node",
    setupFiles: ["tests/support/unit-setup.ts"],
    // One migrated database dump shared by every test file (tests/support/pglite-template.ts).
    globalSetup: ["tests/support/pglite-template.ts"],
    server: { deps: { inline: ["next-auth"] } },
    // PGlite boots a WebAssembly PostgreSQL per test file: generous on a busy 2-core machine.
    // Vitest keeps a core for itself by default: one worker on CI's two cores. Its main process
    // mostly waits, and the test files (PGlite booting, argon2) are CPU-bound: one per core.
    maxWorkers: os.availableParallelism(),
    // PGlite is PostgreSQL compiled to WebAssembly, booted in every test file's process: V8 compiles
    // it with Liftoff, then again with TurboFan in the background for the hot functions, a second
    // compilation a short-lived test process never repays. Baseline code only: about half the CPU of
    // a PGlite test file (docs/decisions/0054-unit-tests-run-pglite-on-liftoff.md).
    execArgv: ["--liftoff-only"],
    // A test that makes no assertion fails: it would pass while the code does nothing. A test whose
    // proof is that a call does not throw says so (`await expect(…).resolves…`).
    expect: { requireAssertions: true },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
