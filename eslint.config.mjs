import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const ZOD_THROUGH_LIB_FORMS = { name: "zod", allowTypeImports: true, message: "Import z from @/lib/forms/zod (set up for the browser's CSP)." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/forms/zod.ts sets zod up for the browser's CSP before any schema is built.
    files: ["lib/**/*.ts"],
    ignores: ["lib/forms/zod.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ZOD_THROUGH_LIB_FORMS] }],
    },
  },
  {
    // Components run in the browser: they must never reach the database or server-only modules.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ZOD_THROUGH_LIB_FORMS],
          patterns: [{ group: ["@/lib/db", "@/db/*", "@/lib/auth/guards", "@/lib/auth/sessions", "@/app/*"], message: "Components must not import server-only code." }],
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
]);
