import { spawn } from "node:child_process";

// The checks that need no build — type check, lint, unit tests — side by side. tsc and ESLint
// each use one core, so on CI's two cores running them together saves their sum minus the
// longest (the browser tests, which need the build, start after: `npm test`). Each output is
// printed whole when its check ends, so the logs stay readable.

const CHECKS = ["typecheck", "lint", "test:unit"] as const;

type Result = { name: string; code: number; seconds: number; output: string };

function run(name: string): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", name], { env: { ...process.env, FORCE_COLOR: "0" } });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.on("close", (code) => {
      const result = { name, code: code ?? 1, seconds: (Date.now() - started) / 1000, output: Buffer.concat(chunks).toString() };
      process.stdout.write(`\n── npm run ${name}: ${result.code === 0 ? "ok" : `FAILED (${result.code})`} in ${result.seconds.toFixed(0)} s\n${result.output}`);
      resolve(result);
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
const failed = results.filter((r) => r.code !== 0);
if (failed.length) {
  console.error(`\nFailed: ${failed.map((r) => r.name).join(", ")}`);
  process.exit(1);
}
console.log(`\nType check, lint and unit tests passed (${results.map((r) => `${r.name} ${r.seconds.toFixed(0)} s`).join(", ")}).`);
