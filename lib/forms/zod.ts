import { config } from "zod";

// The zod every schema is built with (eslint.config.mjs sees to it): `import * as z from
// "@/lib/forms/zod"`, which keeps zod's tree shaking. When a z.object() is built, zod probes
// whether it may compile a faster parser with `new Function`; the pages' CSP forbids eval, and
// Chrome reports the probe as a CSP violation (DevTools' Issues, Lighthouse's inspector-issues)
// even though zod catches it and falls back. The browser checks one small form at a time: it needs
// no compiled parser, so it never probes. The server, where eval is allowed, keeps them.
if (typeof window !== "undefined") config({ jitless: true });

export * from "zod";
