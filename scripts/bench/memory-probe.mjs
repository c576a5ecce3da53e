// Loaded into the measured server with `--import` when BENCH_MEMORY_FILE is set
// (tests/support/production-server.ts): every 100 ms it reads what the process holds — its RSS, the
// V8 heap, memory outside it (Buffers, native addons), and PGlite's WebAssembly memory — and keeps
// in BENCH_MEMORY_FILE the latest reading and the one taken at the highest RSS, for the benchmark to
// say what holds the memory at each phase (docs/benchmarks.md, « Memory of the embedded default »).
import fs from "node:fs";

const file = process.env.BENCH_MEMORY_FILE;
// The database holder of db/client.ts: PGlite's Emscripten module exposes its memory as HEAPU8.
const DB_KEY = Symbol.for("doctipro.db");
const mib = (bytes) => Math.round(bytes / 2 ** 20);

let atPeak = null;
function read() {
  const m = process.memoryUsage();
  const heap = globalThis[DB_KEY]?.db?.$client?.mod?.HEAPU8;
  return {
    rss: mib(m.rss),
    heapTotal: mib(m.heapTotal),
    heapUsed: mib(m.heapUsed),
    external: mib(m.external),
    arrayBuffers: mib(m.arrayBuffers),
    wasm: heap ? mib(heap.length) : null,
  };
}

if (file) {
  setInterval(() => {
    const now = read();
    if (!atPeak || now.rss > atPeak.rss) atPeak = now;
    fs.writeFileSync(file, JSON.stringify({ now, atPeak }));
  }, 100).unref();
}
