// What "server-only" resolves to in the custom server's own process (server.ts), which is the
// server: the marker exists to keep modules out of browser bundles, and Next applies it there.
// The server's bundle (`npm run build:server`, esbuild --alias) maps it here, and `npm run dev`
// to an empty module too (server-only-hook.mjs), so server.ts can start the job worker
// (lib/jobs/worker.ts) with its server modules.
export {};
