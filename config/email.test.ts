import { afterEach, describe, expect, it, vi } from "vitest";
import { devMailboxAudience, publicMailboxWarning } from "./email";

afterEach(() => vi.unstubAllEnvs());

function settings(env: { DEV_MAILBOX?: string; DATABASE_URL?: string; RESEND_API_KEY?: string; NODE_ENV?: string }) {
  vi.stubEnv("NODE_ENV", env.NODE_ENV ?? "production");
  vi.stubEnv("DEV_MAILBOX", env.DEV_MAILBOX ?? "");
  vi.stubEnv("DATABASE_URL", env.DATABASE_URL ?? "");
  vi.stubEnv("RESEND_API_KEY", env.RESEND_API_KEY ?? "");
}

describe("who may read /dev/mailbox", () => {
  it("only this machine, on the embedded default without an email sender", () => {
    settings({});
    expect(devMailboxAudience()).toBe("loopback");
  });

  it("nobody once a real sender is configured, or on PostgreSQL", () => {
    settings({ RESEND_API_KEY: "re_live_key" });
    expect(devMailboxAudience()).toBe("nobody");
    settings({ DATABASE_URL: "postgres://db.example/doctipro" });
    expect(devMailboxAudience()).toBe("nobody");
  });

  it("anyone with DEV_MAILBOX=1 (test runs, remote demos); nobody with any other value", () => {
    settings({ DEV_MAILBOX: "1", DATABASE_URL: "postgres://db.example/doctipro" });
    expect(devMailboxAudience()).toBe("anyone");
    settings({ DEV_MAILBOX: "0" });
    expect(devMailboxAudience()).toBe("nobody");
  });
});

describe("the mailbox notice (logged by server.ts at start-up)", () => {
  it("warns when DEV_MAILBOX=1 opens the mailbox to anyone on a production build", () => {
    settings({ DEV_MAILBOX: "1", DATABASE_URL: "postgres://db.example/doctipro" });
    expect(publicMailboxWarning()).toMatch(/^\/dev\/mailbox IS PUBLIC on this production build \(DEV_MAILBOX=1\)/);
  });

  it("says the embedded default opens it to this machine only, and what a reverse proxy must send", () => {
    settings({});
    expect(publicMailboxWarning()).toMatch(/this machine only.*X-Forwarded-For/);
  });

  it("stays quiet when the mailbox is closed, or outside a production build", () => {
    settings({ DATABASE_URL: "postgres://db.example/doctipro" });
    expect(publicMailboxWarning()).toBeNull();
    settings({ DEV_MAILBOX: "0" });
    expect(publicMailboxWarning()).toBeNull();
    settings({ NODE_ENV: "development", DEV_MAILBOX: "1" });
    expect(publicMailboxWarning()).toBeNull();
  });
});
