import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER } from "@/tests/support/production-server";

// The browser tests' app servers, started side by side (playwright.config.ts runs this as one
// webServer). Playwright starts its webServer entries one after the other, each once the previous
// one answers: seeding and booting PGlite's, then PostgreSQL's, then the second instance added
// their times. Here each gets a fresh data folder, its fixtures (seed-fixtures.ts) and its server
// at once; a server marked `after` another (the second instance, which shares PostgreSQL and must
// not seed) waits for that one. When all answer /api/health, this answers on E2E_READY_PORT.

export type TestServer = { name: string; port: number; env: Record<string, string>; seed: boolean; after?: string };

const servers = JSON.parse(process.env.E2E_SERVERS ?? "[]") as TestServer[];
const readyPort = Number(process.env.E2E_READY_PORT);
const children: ChildProcess[] = [];

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(0);
  });
}

function envOf(server: TestServer): NodeJS.ProcessEnv {
  return { ...process.env, ...server.env, PORT: String(server.port) };
}

function seed(server: TestServer): Promise<void> {
  return new Promise((resolve, reject) => {
    // Baseline WebAssembly code for PGlite's seeding too: a short process (decision 0054).
    const args = ["--liftoff-only", "--import", "tsx", "tests/e2e/fixtures/seed-fixtures.ts"];
    const child = spawn(process.execPath, args, { env: envOf(server), stdio: "inherit" });
    children.push(child);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${server.name}: seed-fixtures.ts exited with ${code}`))));
  });
}

async function serve(server: TestServer): Promise<void> {
  // With the flags `npm start` gives it: the heap the production server has, PGlite on Liftoff.
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, PRODUCTION_SERVER], { env: envOf(server), stdio: "inherit" });
  children.push(child);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${server.name}: the server stopped (exit ${child.exitCode})`);
    const ok = await fetch(`http://localhost:${server.port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

// The signed-in states of the last run (tests/e2e/fixtures/signed-in.ts) name sessions of databases
// about to be wiped: gone, so that no test opens a stale one.
fs.rmSync(".data/e2e-auth", { recursive: true, force: true });

const up = new Map<string, Promise<void>>();
for (const server of servers) {
  up.set(
    server.name,
    (async () => {
      if (server.after) await up.get(server.after);
      // A fresh data folder every run: no counters or sessions left over from the last one.
      fs.rmSync(server.env.DATA_DIR!, { recursive: true, force: true });
      if (server.seed) await seed(server);
      await serve(server);
      console.log(`${server.name} ready on http://localhost:${server.port}`);
    })(),
  );
}

try {
  await Promise.all(up.values());
} catch (error) {
  console.error((error as Error).message);
  stopAll();
  process.exit(1);
}
http.createServer((_request, response) => response.end("ready")).listen(readyPort);
