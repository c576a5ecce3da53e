import { spawnSync } from "node:child_process";

// npm test: every test, in the order each needs — the checks that need no build (type check, lint,
// unit tests), one production build, the browser tests on it, the reliability test on it — and
// the time of each phase at the end, so that a run growing slower shows where.
// docs/decisions/0024-a-test-run-that-stays-fast.md

type Phase = { name: string; command: string[]; env?: Record<string, string> };

const PHASES: Phase[] = [
  { name: "checks (type check, lint, unit tests)", command: ["npm", "run", "--silent", "checks"] },
  // The checks have just type-checked the whole project: the build skips its own pass.
  { name: "build", command: ["npm", "run", "--silent", "build"], env: { BUILD_SKIP_TYPECHECK: "1", NEXT_TELEMETRY_DISABLED: "1" } },
  { name: "browser tests", command: ["npm", "run", "--silent", "test:e2e"], env: { E2E_SKIP_BUILD: "1" } },
  // 30 s of virtual users instead of the command's 60: every fault still happens in turn (the kill at
  // 7.5 s, the restart at 12 s, PostgreSQL down from 18 to 24 s) with users before, during and after
  // each, and every check still runs; the longer run is for the figures in docs/reliability.md.
  {
    name: "reliability",
    command: ["npm", "run", "--silent", "test:reliability", "--", "--no-docs"],
    env: { RELIABILITY_SKIP_BUILD: "1", RELIABILITY_DURATION: "30" },
  },
];

const minutes = (s: number) => `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, "0")} s`;
const done: { name: string; seconds: number; ok: boolean }[] = [];
const started = Date.now();

for (const phase of PHASES) {
  const t0 = Date.now();
  console.log(`\n══ ${phase.name}`);
  const run = spawnSync(phase.command[0]!, phase.command.slice(1), { stdio: "inherit", env: { ...process.env, ...phase.env } });
  const ok = run.status === 0;
  done.push({ name: phase.name, seconds: (Date.now() - t0) / 1000, ok });
  if (!ok) break;
}

const total = (Date.now() - started) / 1000;
const width = Math.max(...PHASES.map((p) => p.name.length));
console.log("\n══ npm test, time per phase");
for (const p of done) console.log(`  ${p.name.padEnd(width)}  ${minutes(p.seconds).padStart(11)}${p.ok ? "" : "  FAILED"}`);
for (const p of PHASES.slice(done.length)) console.log(`  ${p.name.padEnd(width)}  ${"not run".padStart(11)}`);
console.log(`  ${"total".padEnd(width)}  ${minutes(total).padStart(11)}`);
process.exit(done.every((p) => p.ok) && done.length === PHASES.length ? 0 : 1);
