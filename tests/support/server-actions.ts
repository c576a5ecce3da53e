import fs from "node:fs";
import path from "node:path";

// Calling a server action over plain HTTP the way the app's own JavaScript calls it: a POST to the
// page with the `Next-Action` header naming the action, the arguments encoded as React encodes a
// reply (multipart: part "0" holds the argument list, a FormData argument becomes "$K<n>" and its
// fields "_<n>_<name>"), and the answer an RSC stream carrying the action's returned state. Used by
// the agenda's benchmark and its two-instance race test, which need many posts at once without a
// browser each. The action is found by its exported name in the production build's manifest, so a
// rebuild (which changes the ids) needs no edit here.

type ManifestEntry = { workers?: Record<string, unknown>; filename?: string; exportedName?: string };

/**
 * The id of `exportedName` exported by `file` (e.g. "app/(practice)/agenda/actions.ts"), read from
 * `.next/server/server-reference-manifest.json`.
 */
export function serverActionId(file: string, exportedName: string, buildDir = path.resolve(".next")): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node?: Record<string, ManifestEntry>;
  };
  const wanted = file.replace(/\\/g, "/");
  const found = Object.entries(manifest.node ?? {}).filter(
    ([, entry]) => entry.exportedName === exportedName && (entry.filename ?? "").replace(/\\/g, "/").endsWith(wanted),
  );
  if (found.length !== 1) throw new Error(`server action ${exportedName} of ${file}: ${found.length} entries in the build's manifest`);
  return found[0]![0];
}

/** A string as React's reply encoding writes it: a leading "$" is escaped. */
function replyValue(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (value === undefined) return "$undefined";
  if (Array.isArray(value)) return value.map(replyValue);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replyValue(v)]));
  return value;
}

/** The body React's `encodeReply(args)` sends for arguments that are plain values and FormData. */
export function encodeActionArguments(args: unknown[]): FormData {
  const body = new FormData();
  let nextPart = 1;
  const root = args.map((arg) => {
    if (!(arg instanceof FormData)) return replyValue(arg);
    const part = nextPart++;
    for (const [name, value] of arg) body.append(`_${part}_${name}`, value);
    return `$K${part.toString(16)}`;
  });
  body.set("0", JSON.stringify(root));
  return body;
}

export type ActionAnswer = { status: number; text: string; ms: number };

/**
 * Posts `args` to the server action `actionId` from the page at `pathname` (what a click on that
 * page does). The answer's text holds the action's returned state (its French message).
 */
export async function callServerAction(base: string, pathname: string, actionId: string, args: unknown[], cookie: string): Promise<ActionAnswer> {
  const started = performance.now();
  const response = await fetch(base + pathname, {
    method: "POST",
    body: encodeActionArguments(args),
    headers: { cookie, origin: base, accept: "text/x-component", "next-action": actionId },
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** A FormData from plain fields. */
export function formDataOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** The appointment id an agenda action's state carries (`data.appointmentId`), if any. */
export function appointmentIdIn(answer: string): string | null {
  return /"appointmentId":"([0-9a-f-]{36})"/.exec(answer)?.[1] ?? null;
}
