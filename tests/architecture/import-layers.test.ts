import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The import rules of docs/architecture.md are held by eslint.config.mjs. Each case lints one line
// as if it were written in a file of that folder, with the project's own configuration: a breach
// must be reported, and the allowed direction must not be.

const ROOT = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function restricted(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const used = x;\n`, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the layers hold by lint", () => {
  it.each([
    ["lib → app", "lib/patients/example.ts", 'import { x } from "@/app/_shell/chat-actions";'],
    ["lib → app, climbing", "lib/patients/example.ts", 'import { x } from "../../app/_shell/chat-actions";'],
    ["lib → components", "lib/patients/example.ts", 'import { x } from "@/components/ui/button";'],
    ["lib → seed", "lib/patients/example.ts", 'import { x } from "@/seed/demo-accounts";'],
    ["app → db", "app/(practice)/example/page.tsx", 'import { x } from "@/db/schema";'],
    ["app → db, climbing", "app/(practice)/example/page.tsx", 'import { x } from "../../../db/client";'],
    ["db → lib", "db/example.ts", 'import { x } from "@/lib/format/datetime";'],
    ["db → lib, climbing", "db/example.ts", 'import { x } from "../lib/format/datetime";'],
    ["db → seed", "db/example.ts", 'import { x } from "@/seed/seed-demo";'],
    ["config → lib", "config/example.ts", 'import { x } from "@/lib/log";'],
    ["config → db", "config/example.ts", 'import { x } from "../db/client";'],
    ["components → db", "components/ui/example.tsx", 'import { x } from "@/db/schema";'],
    ["components → app", "components/ui/example.tsx", 'import { x } from "@/app/_shell/chat-actions";'],
    ["lib/twofactor → lib/auth", "lib/twofactor/example.ts", 'import { x } from "@/lib/auth/sessions";'],
    ["lib/twofactor → lib/auth, relative", "lib/twofactor/example.ts", 'import { x } from "../auth/sessions";'],
  ])("refuses %s", async (_, file, line) => {
    expect(await restricted(file, line)).toHaveLength(1);
  });

  it.each([
    ["app → lib", "app/(practice)/example/page.tsx", 'import { x } from "@/lib/patients/patients";'],
    ["app → components", "app/(practice)/example/page.tsx", 'import { x } from "@/components/ui/button";'],
    ["lib → db", "lib/patients/example.ts", 'import { x } from "@/db/schema";'],
    ["lib → config", "lib/patients/example.ts", 'import { x } from "@/config/env";'],
    ["db → config", "db/example.ts", 'import { x } from "@/config/env";'],
    ["seed → lib and db", "seed/example.ts", 'import { x } from "@/lib/auth/password-hash";\nimport { y } from "@/db/schema";'],
    ["lib/auth → lib/twofactor", "lib/auth/example.ts", 'import { x } from "@/lib/twofactor/totp";'],
    ["components → client-safe lib", "components/ui/example.tsx", 'import { x } from "@/lib/patients/schema";'],
  ])("allows %s", async (_, file, line) => {
    expect(await restricted(file, line)).toEqual([]);
  });
});
