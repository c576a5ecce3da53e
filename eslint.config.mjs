import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers of docs/architecture.md, held by tooling. One `no-restricted-imports` per files glob:
// a later block replaces an earlier one's options, so each block lists every rule its files obey.

const ZOD_THROUGH_LIB_FORMS = { name: "zod", allowTypeImports: true, message: "Import z from @/lib/forms/zod (set up for the browser's CSP)." };

/** A folder of the project, reached through "@/" or by climbing out of the importing one. */
const folder = (name, message) => ({ regex: `^(@/|(\\.\\./)+)${name}(/|$)`, message });

const NOT_APP = folder("app", "Nothing imports from app/: routes sit on top (docs/architecture.md).");
const NOT_SEED = folder("seed", "The seeds are above the domain, like scripts/: only they, scripts and server.ts reach them.");
const NOT_COMPONENTS = folder("components", "lib/ is below the UI: move what both need into lib/.");
const NOT_LIB = folder("lib", "db/ is the ground floor: it reads config/, never lib/.");
const NOT_DB = folder("db", "Routes reach the database through a lib/ domain, never db/ directly.");
const NOT_AUTH = {
  regex: "^(@/lib/|\\.\\./)auth(/|$)",
  message: "A sign-in uses the second factor, never the reverse: lib/twofactor does not import lib/auth.",
};

const restrict = (patterns, paths = []) => ["error", { paths, patterns }];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // A route's test sets up and reads back its rows directly; the route itself may not.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": restrict([NOT_DB, NOT_SEED]) },
  },
  {
    // lib/forms/zod.ts sets zod up for the browser's CSP before any schema is built.
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrict([NOT_APP, NOT_COMPONENTS, NOT_SEED], [ZOD_THROUGH_LIB_FORMS]) },
  },
  {
    files: ["lib/twofactor/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrict([NOT_APP, NOT_COMPONENTS, NOT_SEED, NOT_AUTH], [ZOD_THROUGH_LIB_FORMS]) },
  },
  {
    files: ["lib/forms/zod.ts"],
    rules: { "no-restricted-imports": restrict([NOT_APP, NOT_COMPONENTS, NOT_SEED]) },
  },
  {
    // Components run in the browser: they must never reach the database or server-only modules.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict(
        [
          { group: ["@/lib/db", "@/db/*", "@/lib/auth/guards", "@/lib/auth/sessions"], message: "Components must not import server-only code." },
          NOT_APP,
          NOT_SEED,
        ],
        [ZOD_THROUGH_LIB_FORMS],
      ),
    },
  },
  {
    files: ["db/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrict([NOT_LIB, NOT_APP, NOT_COMPONENTS, NOT_SEED]) },
  },
  {
    files: ["config/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict(
        ["lib", "db", "app", "components", "seed"].map((name) =>
          folder(name, "config/ is below everything: it reads the environment, nothing of the project."),
        ),
      ),
    },
  },
  globalIgnores([".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
]);
