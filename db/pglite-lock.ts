import fs from "node:fs";
import path from "node:path";
import { isEmbedded, pgliteDir } from "@/config/env";

// PGlite does not lock its folder, and two processes writing one folder silently lose rows
// (docs/stack.md). The server writes its pid next to the folder; tools refuse while that pid lives.

function lockFile(): string {
  return `${pgliteDir()}.lock`;
}

function holder(): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(), "utf8").trim());
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export class PgliteBusyError extends Error {}

/** Throws when a live process already holds the embedded database folder. */
export function assertPgliteFree(): void {
  if (!isEmbedded()) return;
  const pid = holder();
  if (pid !== null) {
    throw new PgliteBusyError(`La base embarquée ${pgliteDir()} est ouverte par le serveur (pid ${pid}) : arrêtez-le d'abord.`);
  }
}

/** For the server: take the folder for this process, released when it exits. */
export function acquirePgliteLock(): void {
  if (!isEmbedded()) return;
  assertPgliteFree();
  fs.mkdirSync(path.dirname(lockFile()), { recursive: true });
  fs.writeFileSync(lockFile(), String(process.pid));
  process.once("exit", () => {
    try {
      if (fs.readFileSync(lockFile(), "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile());
    } catch {
      // already gone
    }
  });
}
