import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The proxy is a first gate only (docs/decisions/0003): every page, route handler and server action
// must itself call one of the `require…` guards of lib/auth/guards.ts, directly or through a helper
// of its own file. This test reads every entry point under app/ and fails on one that does not, so
// a new route cannot ship unguarded by accident. The few public entry points are listed with why.

const ROOT = path.resolve(import.meta.dirname, "..");
const APP = path.join(ROOT, "app");

const PUBLIC: Record<string, string> = {
  "app/page.tsx": "the home page only redirects to the doctors' sign-in page",
  "app/api/health/route.ts": "the load balancer's health check: says up or down, nothing else",
  "app/dev/mailbox/page.tsx": "the demo mailbox: 404 unless devMailboxOpenTo() (this machine only, no real sender; anyone with DEV_MAILBOX=1)",
  "app/(auth)/actions.ts": "signing in is what makes a session",
  "app/_shell/sign-out-action.ts": "signing out ends the session it finds; without one it only clears the cookie",
  "app/(auth)/admin/login/page.tsx": "a sign-in page (redirectIfSignedIn sends a signed-in user home)",
  "app/(auth)/doctor_home/page.tsx": "a sign-in page",
  "app/(auth)/secretary_home/page.tsx": "a sign-in page",
  "app/(auth)/patient_home/page.tsx": "a sign-in page",
  "app/(auth)/connexion/2fa/page.tsx": "the second step: authorised by the pending-step cookie (lib/twofactor/pending-step)",
  "app/(auth)/connexion/2fa/actions.ts": "the second step: authorised by the pending-step cookie",
  "app/(auth)/connexion/activer-2fa/page.tsx": "enrolment at sign-in: authorised by the pending-step cookie",
  "app/(auth)/connexion/activer-2fa/actions.ts": "enrolment at sign-in: authorised by the pending-step cookie",
  "app/(auth)/connexion/bloque/page.tsx": "tells a blocked user whom to contact; shows nothing of the account",
  "app/(auth)/mot-de-passe-oublie/page.tsx": "asking for a reset link is open to anyone (same answer for every address)",
  "app/(auth)/mot-de-passe-oublie/actions.ts": "asking for a reset link is open to anyone",
  "app/(auth)/reinitialiser/page.tsx": "authorised by the single-use link's token",
  "app/(auth)/reinitialiser/actions.ts": "authorised by the single-use link's token",
  "app/(auth)/invitation/page.tsx": "authorised by the single-use invitation token",
  "app/(auth)/invitation/actions.ts": "authorised by the single-use invitation token",
  "app/(auth)/confirmer-courriel/page.tsx": "authorised by the single-use confirmation token",
  "app/(auth)/confirmer-courriel/actions.ts": "authorised by the single-use confirmation token",
  "app/rdv/annuler/[token]/page.tsx": "authorised by the single-use cancellation link's token (stored as a hash)",
  "app/rdv/annuler/[token]/actions.ts": "authorised by the single-use cancellation link's token (stored as a hash)",
  "app/rdv/page.tsx": "finding a doctor who takes online bookings: public facts of doctors who turned it on",
  "app/rdv/[slug]/page.tsx": "a doctor's public booking page: profile facts, motifs and free times only, never an appointment or a patient",
  "app/rdv/[slug]/reserver/page.tsx":
    "the booking flow starts anonymous: it shows the chosen time and the account step; a signed-in patient gets the booking form, whose action is guarded",
  "app/rdv/[slug]/reserver/actions.ts":
    "signing in and creating the patient account inside the flow (emailed code, password, second factor) are public like the sign-in pages; confirmBookingAction calls requirePatient",
};

const ROUTE_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The guards: every `require…` function lib/auth/guards.ts exports. */
function guardNames(): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, "lib/auth/guards.ts"), "utf8");
  return new Set([...text.matchAll(/export (?:async function|const) (require[A-Z]\w*)/g)].map((m) => m[1]!));
}

/** Every page, route handler and server-action module under app/, as paths relative to the repo. */
function entryFiles(dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entryFiles(full);
    if (/^(page\.tsx|route\.ts)$/.test(entry.name)) return [path.relative(ROOT, full)];
    // Server actions, whatever the file is called: every module that starts with "use server".
    if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") && /^\s*["']use server["']/.test(fs.readFileSync(full, "utf8"))) {
      return [path.relative(ROOT, full)];
    }
    return [];
  });
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefault(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** Names of the plain functions a node calls (`requireDoctor()`, `supportActor()`). */
function calledNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) names.add(n.expression.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

type Entry = { name: string; calls: Set<string> };

/**
 * The exported functions of a file that are entry points (a page's default export, a route's HTTP
 * methods, every action), each with the guards it reaches; `unguarded` lists those that reach none.
 */
function unguardedEntries(fileName: string, source: string, guards: Set<string>): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const locals = new Map<string, Set<string>>();
  const exported: Entry[] = [];
  let defaultName: string | null = null;

  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text ?? "default";
      const calls = calledNames(statement);
      if (statement.name) locals.set(name, calls);
      if (isExported(statement)) exported.push({ name: isDefault(statement) ? "default" : name, calls });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const init = declaration.initializer;
        if (!(ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isCallExpression(init))) continue;
        const calls = calledNames(init);
        locals.set(declaration.name.text, calls);
        if (isExported(statement)) exported.push({ name: declaration.name.text, calls });
      }
    } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      defaultName = statement.expression.text;
    }
  }
  if (defaultName && locals.has(defaultName)) exported.push({ name: "default", calls: locals.get(defaultName)! });

  const reaches = (calls: Set<string>, seen = new Set<string>()): boolean =>
    [...calls].some((name) => {
      if (guards.has(name)) return true;
      if (seen.has(name) || !locals.has(name)) return false;
      seen.add(name);
      return reaches(locals.get(name)!, seen);
    });

  const kind = path.basename(fileName);
  const entries = exported.filter((e) => (kind === "page.tsx" ? e.name === "default" : kind === "route.ts" ? ROUTE_METHODS.has(e.name) : true));
  if (entries.length === 0) return [`${fileName}: no entry point found (a page without a default export?)`];
  return entries.filter((e) => !reaches(e.calls)).map((e) => `${fileName}: ${e.name}`);
}

describe("every page, route handler and server action calls a guard", () => {
  const guards = guardNames();

  it("knows the guards", () => {
    expect([...guards]).toEqual(expect.arrayContaining(["requireRole", "requireSupport", "requirePracticeAccess", "requireDoctor"]));
  });

  it("finds no unguarded entry point outside the public list", () => {
    const files = entryFiles().filter((f) => !(f in PUBLIC));
    expect(files.length).toBeGreaterThan(10);
    const unguarded = files.flatMap((f) => unguardedEntries(f, fs.readFileSync(path.join(ROOT, f), "utf8"), guards));
    expect(unguarded).toEqual([]);
  });

  it("lists as public only files that exist", () => {
    const files = new Set(entryFiles());
    expect(Object.keys(PUBLIC).filter((f) => !files.has(f))).toEqual([]);
  });

  it("catches an action or a route that forgets its guard, even behind a helper", () => {
    const action = `"use server";
      const actor = async () => (await requireSupport()).user;
      const helper = async () => 1;
      export async function good(_: unknown, form: FormData) { await actor(); return form; }
      export async function bad(_: unknown, form: FormData) { await helper(); return form; }
      export const alsoBad = async () => { await requireNothing(); };`;
    expect(unguardedEntries("app/x/actions.ts", action, guards)).toEqual(["app/x/actions.ts: bad", "app/x/actions.ts: alsoBad"]);
    const route = `export async function GET() { await requireDoctor(); }
      export async function POST() { return new Response("ok"); }`;
    expect(unguardedEntries("app/x/route.ts", route, guards)).toEqual(["app/x/route.ts: POST"]);
    const page = `async function Page() { return null; }\nexport default Page;`;
    expect(unguardedEntries("app/x/page.tsx", page, guards)).toEqual(["app/x/page.tsx: default"]);
  });
});
