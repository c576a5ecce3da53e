import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The checks that need no build — type check, lint, unit tests — side by side. tsc and ESLint
// each use one core, so on CI's two cores running them together saves their sum minus the
// longest (the browser tests, which need the build, start after: `npm test`). Each output is
// printed whole when its check ends, so the logs stay readable.

const CHECKS = ["typecheck", "lint", "test:unit"] as const;

type Result = { name: string; code: number; seconds: number; output: string };

// The unit tests also write Vitest's JSON report, read below for skipped tests.
const unitReport = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "doctipro-checks-")), "vitest.json");
const ARGS: Partial<Record<(typeof CHECKS)[number], string[]>> = {
  "test:unit": ["--", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`],
};

function run(name: (typeof CHECKS)[number]): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", name, ...(ARGS[name] ?? [])], { env: { ...process.env, FORCE_COLOR: "0" } });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.on("close", (code) => {
      const result = { name, code: code ?? 1, seconds: (Date.now() - started) / 1000, output: Buffer.concat(chunks).toString() };
      process.stdout.write(
        `\n── npm run ${name}: ${result.code === 0 ? "ok" : `FAILED (${result.code})`} in ${result.seconds.toFixed(0)} s\n${result.output}`,
      );
      resolve(result);
    });
  });
}

/**
 * With a PostgreSQL server (TEST_DATABASE_URL), no unit test may be skipped: the PostgreSQL-only
 * blocks are `describe.runIf(ON_POSTGRES)`, and one skipped here means a test that proves nothing
 * while the run is green (a wrong condition, a stray `.skip`). Without it they are skipped and
 * Vitest says so. docs/decisions/0027-a-skipped-test-fails-a-run-that-could-run-it.md
 */
function skippedUnitTests(): string[] {
  type Report = { testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[] };
  if (!fs.existsSync(unitReport)) return ["(no Vitest JSON report was written)"];
  const report = JSON.parse(fs.readFileSync(unitReport, "utf8")) as Report;
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status !== "passed" && t.status !== "failed")
      .map((t) => `${path.relative(process.cwd(), file.name)} › ${t.fullName} (${t.status})`),
  );
}

const results = await Promise.all(CHECKS.map(run));
const failed = results.filter((r) => r.code !== 0);
if (process.env.TEST_DATABASE_URL && !failed.some((r) => r.name === "test:unit")) {
  const skipped = skippedUnitTests();
  if (skipped.length) {
    console.error(`\nTEST_DATABASE_URL is set, yet ${skipped.length} unit test(s) were skipped:\n  ${skipped.join("\n  ")}`);
    failed.push({ name: "test:unit (skipped tests)", code: 1, seconds: 0, output: "" });
  }
}
if (failed.length) {
  console.error(`\nFailed: ${failed.map((r) => r.name).join(", ")}`);
  process.exit(1);
}
console.log(`\nType check, lint and unit tests passed (${results.map((r) => `${r.name} ${r.seconds.toFixed(0)} s`).join(", ")}).`);
