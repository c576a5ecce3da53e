import type { ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { browserCookies, databaseKind, reportHeader, summary, writeReport } from "./common";
import { buildUnlessSkipped, startServer, waitForHealth } from "@/tests/support/production-server";

// npm run bench:pdf — how long a document's PDF takes over HTTP, as the doctor's browser asks for
// it (`/documents/<id>/pdf`): the guard, the row, the stamp and signature, pdf-lib, the answer.
// The demo doctor's documents, one request at a time, each kind in turn. Target: p95 ≤ 150 ms.

const PORT = Number(process.env.BENCH_PORT || 3240);
const BASE = `http://127.0.0.1:${PORT}`;
const ROUNDS = Number(process.env.BENCH_PDF_ROUNDS || 60);

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= path.resolve(".data/bench-pdf");
// The demo doctor's documents are measured: the server seeds the demo accounts, on PostgreSQL too.
process.env.DEMO_SEED ??= "1";
const { DEMO_PASSWORD } = await import("@/seed/demo-accounts");

async function html(pathname: string, cookie: string): Promise<string> {
  const response = await fetch(BASE + pathname, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET ${pathname}: HTTP ${response.status}`);
  return response.text();
}

/** The PDF links of the first patients of the practice that have documents. */
async function documentLinks(cookie: string): Promise<string[]> {
  const patients = [...(await html("/patients", cookie)).matchAll(/href="(\/patients\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
  const links = new Set<string>();
  for (const patient of patients.slice(0, 25)) {
    for (const m of (await html(patient, cookie)).matchAll(/href="(\/documents\/[0-9a-f-]{36}\/pdf)"/g)) links.add(m[1]!);
    if (links.size >= 4) break;
  }
  if (links.size === 0) throw new Error("no document found for the demo doctor");
  return [...links];
}

let server: ChildProcess | undefined;
try {
  buildUnlessSkipped(process.env.BENCH_SKIP_BUILD === "1");
  server = startServer(PORT);
  await waitForHealth(server, BASE);
  const cookie = await browserCookies(BASE, "dr.schmit@demo.doctipro.lu", DEMO_PASSWORD);
  const links = await documentLinks(cookie);
  const loadBefore = os.loadavg()[0]!;
  const times: number[] = [];
  let bytes = 0;
  // The first PDF after a start also renders the doctor's stamp and prepares the stamp and the
  // signature for the PDF, which the following ones find ready (lib/documents/pdf-raster.ts).
  let first = 0;
  for (let round = -5; round < ROUNDS; round++) {
    const link = links[(round + 5) % links.length]!;
    const started = performance.now();
    const response = await fetch(BASE + link, { headers: { cookie } });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (round === -5) first = ms;
    if (response.status !== 200 || !body.subarray(0, 5).toString().startsWith("%PDF")) throw new Error(`${link}: HTTP ${response.status}, not a PDF`);
    if (round >= 0) {
      times.push(ms);
      bytes += body.length;
    }
  }
  const t = summary(times);
  const section = [
    ...reportHeader(
      "bench:pdf",
      `${ROUNDS} requests one at a time over ${links.length} demo documents`,
      loadBefore,
      `${databaseKind() === "postgres" ? "PostgreSQL" : "PGlite"}, demo accounts`,
    ),
    "",
    "| request | p50 ms | p95 ms | average size |",
    "| --- | ---: | ---: | ---: |",
    `| A document's PDF (\`/documents/<id>/pdf\`) | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${(bytes / times.length / 1024).toFixed(0)} KiB |`,
    "",
    `- PDF p95: **${t.p95.toFixed(1)} ms** (target ≤ 150 ms)`,
    `- The first PDF after the server's start (fonts read, images prepared), not counted above: ${first.toFixed(1)} ms`,
  ].join("\n");
  writeReport("pdf", section);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
}
