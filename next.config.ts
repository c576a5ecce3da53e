import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships .wasm/.data files and argon2/pino load native or worker code: bundling them breaks
  // them (docs/stack.md), so they stay plain Node.js requires.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "pino-pretty"],
  poweredByHeader: false,
  // The app serves no image through next/image: the optimiser only answered 500 when asked to
  // resize one of the app's own routes. Off, /_next/image answers 404.
  images: { unoptimized: true },
  // `npm test` type-checks the whole project first (`npm run checks`), then builds: the build need
  // not check it a second time (scripts/test/run-all.ts; docs/decisions/0024).
  typescript: { ignoreBuildErrors: process.env.BUILD_SKIP_TYPECHECK === "1" },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders() }];
  },
};

export default nextConfig;
