import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import fs from "node:fs";
import next from "next";
import { databaseDownSince } from "./db/availability";
import { closeDb, probeDb } from "./db/client";
import { prepareDatabase } from "./seed/boot";
import { acquirePgliteLock, PgliteBusyError } from "./db/pglite-lock";
import { devMailboxAudience, publicMailboxWarning } from "./config/email";
import { jobsPollMs, port } from "./config/env";
import { ensureSecrets, MissingSecretError } from "./config/secrets";
import { carriesForwarding, FORWARDED_MARK_HEADER, SOCKET_IP_HEADER } from "./lib/http/client-ip";
import { startJobLoop } from "./lib/jobs/worker";
import { answerUnavailableOnFailure, UNAVAILABLE_HTML, UNAVAILABLE_JSON, unavailableHeaders } from "./lib/http/unavailable-page";
import { logger } from "./lib/log";

// A custom server around Next for two things `next start` cannot give: the client's TCP address
// (Next exposes none, and X-Forwarded-For is client-written) and a fixed start-up order: secrets,
// database lock, migrations and demo seed before the first request (docs/decisions/0005).

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1";

const path = (req: IncomingMessage) => (req.url ?? "").split("?")[0] ?? "";

// While PostgreSQL is unreachable (db/availability.ts), every request gets a French 503 and at
// most one probe runs at a time, no more than once a second: when it answers, requests go
// through again, without a restart.
const wantsJson = (req: IncomingMessage) => path(req).startsWith("/api/") || (req.headers.accept ?? "").includes("application/json");
let probing: Promise<unknown> | null = null;
let lastProbe = 0;
function answerUnavailable(req: IncomingMessage, res: ServerResponse) {
  if (!probing && Date.now() - lastProbe > 1000) {
    lastProbe = Date.now();
    probing = probeDb().finally(() => (probing = null));
  }
  const json = wantsJson(req);
  res.writeHead(503, unavailableHeaders(json));
  res.end(json ? UNAVAILABLE_JSON : UNAVAILABLE_HTML);
}

/**
 * In production, Next takes its configuration as the build resolved it (.next/required-server-files.json)
 * instead of loading next.config.ts, which starts the SWC compiler only to read that file and keeps
 * ~30 MiB of it for the process's life. It is how Next's own standalone server starts; headers and
 * redirects come from the build's manifests either way. Without a build, or if Next stops reading
 * the variable, it loads next.config.ts as before (docs/decisions/0052).
 */
function readBuiltNextConfig() {
  try {
    const { config } = JSON.parse(fs.readFileSync(".next/required-server-files.json", "utf8")) as { config: unknown };
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(config);
  } catch {
    // No build yet: next() reports it.
  }
}

async function main() {
  try {
    ensureSecrets();
    acquirePgliteLock();
  } catch (error) {
    if (error instanceof MissingSecretError || error instanceof PgliteBusyError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const mailboxWarning = publicMailboxWarning();
  if (mailboxWarning) logger.warn({ devMailbox: devMailboxAudience() }, mailboxWarning);

  try {
    const { seeded, migrations } = await prepareDatabase();
    if (migrations.overlapsMarkedOverbooked) {
      logger.warn({ appointments: migrations.overlapsMarkedOverbooked }, "overlapping appointments marked overbooked by migration 0009_agenda");
    }
    if (seeded) logger.info({ accounts: seeded }, "demo accounts seeded");
  } catch (error) {
    // A server on a half-migrated database would answer 500 to everything: stop loudly instead.
    logger.fatal({ err: error }, "database migration failed");
    process.exit(1);
  }

  if (!dev) readBuiltNextConfig();
  const app = next({ dev, port: port(), turbopack: dev });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    // Overwrite whatever the client sent under these names.
    req.headers[SOCKET_IP_HEADER] = req.socket.remoteAddress ?? "";
    req.headers[FORWARDED_MARK_HEADER] = carriesForwarding(req.headers) ? "1" : "0";
    const requestId = randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = performance.now();
    res.on("finish", () => {
      const entry = { requestId, method: req.method, path: path(req), status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (entry.path.startsWith("/_next/")) logger.debug(entry, "request");
      else logger.info(entry, "request");
    });
    if (databaseDownSince() !== null && !path(req).startsWith("/_next/static/")) {
      answerUnavailable(req, res);
      return;
    }
    // A request already inside the app when PostgreSQL went away fails there: before its first
    // byte, the French 503 page replaces Next's 500.
    answerUnavailableOnFailure(res, () => databaseDownSince() !== null, wantsJson(req));
    void handle(req, res);
  });

  server.listen(port(), () => logger.info({ port: port(), dev }, `Doctipro prêt sur http://localhost:${port()}`));

  // Reminders, notices and confirmations (lib/jobs): the due time is each row's run_at, never a
  // timer here, so a restart or a second instance loses and doubles nothing.
  const jobLoop = jobsPollMs() > 0 ? startJobLoop({ intervalMs: jobsPollMs(), batch: 10 }) : null;

  const stop = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close();
    // Lets a running pass commit before the database closes.
    await jobLoop?.stop().catch(() => {});
    await closeDb().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

void main();
