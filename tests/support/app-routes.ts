import fs from "node:fs";
import path from "node:path";

// The app's own route list, read from app/: every page and route handler as its URL pattern
// ("/admin/utilisateurs/[id]"). Tests built on it fail when a route is added without being
// placed in their tables, so a new route cannot be forgotten.

const APP = path.resolve(import.meta.dirname, "../../app");

function walk(dir: string, segments: string[], out: { pages: string[]; handlers: string[] }) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      // (group) folders do not appear in the URL; _private folders are not routes.
      if (entry.name.startsWith("_")) continue;
      const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
      walk(path.join(dir, entry.name), next, out);
    } else if (entry.name === "page.tsx") {
      out.pages.push(`/${segments.join("/")}`);
    } else if (entry.name === "route.ts") {
      out.handlers.push(`/${segments.join("/")}`);
    }
  }
}

export function appRoutes(): { pages: string[]; handlers: string[] } {
  const out = { pages: [] as string[], handlers: [] as string[] };
  walk(APP, [], out);
  out.pages.sort();
  out.handlers.sort();
  return out;
}
