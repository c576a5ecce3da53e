import pino from "pino";
import pretty from "pino-pretty";

// Structured logs: JSON in production, readable in development. Redaction is a safety net; the
// rule is to never pass a password, code, token or secret to the logger at all.
const options: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
  redact: {
    paths: ["password", "*.password", "code", "*.code", "token", "*.token", "secret", "*.secret", "cookie", "*.cookie"],
    censor: "[masqué]",
  },
};

const KEY = Symbol.for("doctipro.logger");
const g = globalThis as unknown as { [KEY]?: pino.Logger };

function create(): pino.Logger {
  if (process.env.NODE_ENV === "production") return pino(options);
  // A synchronous stream, not a worker transport: bundled server code cannot spawn pino workers.
  return pino(options, pretty({ colorize: true, sync: true, ignore: "pid,hostname" }));
}

export const logger: pino.Logger = (g[KEY] ??= create());
