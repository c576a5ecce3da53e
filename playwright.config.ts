import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import type { TestServer } from "./tests/e2e/support/start-servers";

// The browser tests run against the production build, served by server.ts, once on the embedded
// PGlite database and once more on PostgreSQL when TEST_DATABASE_URL is set (.ci/run sets it).
// scripts/test/run-e2e.ts builds the app (`npm run build`: Next.js, then server.ts bundled into
// .next/doctipro-server.mjs, what `npm start` runs) and finds Chromium before starting Playwright.

const pgUrl = process.env.TEST_DATABASE_URL;
// E2E_PORT moves the test servers (two checkouts running their tests side by side).
const basePort = Number(process.env.E2E_PORT || 3100);
// The local OpenID provider standing in for eSanté (tests/e2e/support/esante-provider.ts).
const esantePort = basePort + 9;
// Where tests/e2e/support/start-servers.ts says that every app server answers.
const readyPort = basePort + 8;
const esante = {
  ESANTE_OIDC_ISSUER: `http://localhost:${esantePort}`,
  ESANTE_OIDC_CLIENT_ID: "doctipro-e2e",
  ESANTE_OIDC_CLIENT_SECRET: "e2e-only-esante-client-secret",
};
const common = {
  NODE_ENV: "production",
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
  // Lets a test pose as another client address (X-Forwarded-For) to test the per-IP throttle.
  TRUSTED_PROXY: "loopback",
  SUPPORT_EMAIL: "info@doctipro.lu",
  // The tests read every email back from the outbox through /dev/mailbox.
  DEV_MAILBOX: "1",
  // The job worker sends confirmations and notices within a second (5 s by default).
  JOBS_POLL_MS: "500",
  ...esante,
};

// With both databases (CI), PostgreSQL — production's — runs the whole suite, and the embedded
// PGlite runs the tests tagged @embedded (and the Firefox smoke test): those whose path differs on
// it, through its one connection that serialises the counting of attempts and the numbering of
// documents, the chat's polling instead of LISTEN/NOTIFY, and sessions. The data layer runs on PGlite
// in every unit test, and without TEST_DATABASE_URL the whole suite runs on PGlite.
// docs/decisions/0013-browser-tests-two-databases.md
const EMBEDDED_TESTS = /@embedded|@firefox/;

// The machines are shared two-core VMs whose speed varies from one to the next: the same page
// costs the browser 0.3 s on one and over 1 s on another, with both cores busy. On CI each test gets
// three times the budget, so a slow machine makes a slow run rather than a red one.
const SLOWER = process.env.CI ? 3 : 1;

type Target = { name: string; port: number; env: Record<string, string> };
const targets: Target[] = [
  { name: "pglite", port: basePort, env: { ...common, DATA_DIR: ".data/e2e-pglite" } },
  ...(pgUrl
    ? [
        {
          name: "postgres",
          port: basePort + 1,
          env: {
            ...common,
            DATA_DIR: ".data/e2e-postgres",
            DATABASE_URL: pgUrl,
            DEMO_SEED: "1",
            AUTH_SECRET: "e2e-only-auth-secret-not-for-production-000000",
            AUTH_ENCRYPTION_KEY: "e2e-only-encryption-key-not-for-production-00",
            AUDIT_HMAC_KEYS: "e2e:ZTJlLW9ubHktYXVkaXQta2V5LW5vdC1mb3ItcHJvZHVjdGlvbi0wMDA=",
          },
        },
      ]
    : []),
];

// A second app instance on the same PostgreSQL database (a load balancer's other backend): the chat
// test sends through one instance and receives through the other. It must not seed: the first
// instance's fixtures are already there, and seed-fixtures.ts would delete and re-create them.
const secondInstance = pgUrl
  ? { port: basePort + 2, env: { ...targets.find((t) => t.name === "postgres")!.env, DATA_DIR: ".data/e2e-postgres-2", DEMO_SEED: "0" } }
  : null;

const config: PlaywrightTestConfig = {
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000 * SLOWER,
  expect: { timeout: 10_000 * SLOWER },
  // The slowest tests and each project's test time at the end (tests/e2e/support/slowest-reporter.ts).
  reporter: [["list"], ["./tests/e2e/support/slowest-reporter.ts"]],
  use: {
    locale: "fr-LU",
    timezoneId: "Europe/Luxembourg",
    // A trace records every step of every test (snapshots, network): a sixth or so of the run's CPU
    // on CI's two cores, for the few tests that fail. CI keeps a screenshot of a failure; E2E_TRACE=1
    // records traces again (docs/decisions/0024-a-test-run-that-stays-fast.md).
    trace: process.env.E2E_TRACE === "1" || !process.env.CI ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: targets.flatMap((t) => {
    // Signs one account per role in and stores its cookies (tests/e2e/auth.setup.ts), for the
    // tests that take a signed-in page (tests/e2e/fixtures/signed-in.ts) rather than sign in. Not
    // for PGlite beside PostgreSQL: its few @embedded tests sign in themselves, and a fixture page
    // asked for there signs its role in once per worker.
    const setup = !(t.name === "pglite" && pgUrl);
    return [
      ...(setup ? [{ name: `setup-${t.name}`, testMatch: /auth\.setup\.ts$/, use: { baseURL: `http://localhost:${t.port}` } }] : []),
      {
        name: t.name,
        dependencies: setup ? [`setup-${t.name}`] : [],
        use: { baseURL: `http://localhost:${t.port}` },
        // Read by tests/e2e/chat.spec.ts; only the PostgreSQL project has a second instance.
        metadata: t.name === "postgres" && secondInstance ? { secondInstanceURL: `http://localhost:${secondInstance.port}` } : {},
        // Tests that belong to one project: the two-instance chat test needs PostgreSQL's second
        // instance; the Firefox smoke test runs once (the app is the same on both databases).
        grepInvert: t.name === "postgres" ? /@firefox/ : /@two-instances/,
        ...(t.name === "pglite" && pgUrl ? { grep: EMBEDDED_TESTS } : {}),
      },
    ];
  }),
  webServer: [
    {
      command: "node --import tsx tests/e2e/support/esante-provider.ts",
      url: `${esante.ESANTE_OIDC_ISSUER}/.well-known/openid-configuration`,
      env: {
        ...esante,
        PORT: String(esantePort),
        ESANTE_E2E_REDIRECT_URIS: targets.map((t) => `http://localhost:${t.port}/profile/esante/retour`).join(","),
      },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe" as const,
      stderr: "pipe" as const,
    },
    // The app servers, side by side: each database's fixtures seeded and its server started at once
    // (tests/e2e/support/start-servers.ts). The second instance waits for PostgreSQL's, whose
    // migrations and fixtures it shares; it must not seed, or it would re-create them.
    {
      command: "node --import tsx tests/e2e/support/start-servers.ts",
      url: `http://localhost:${readyPort}/`,
      env: {
        E2E_READY_PORT: String(readyPort),
        E2E_SERVERS: JSON.stringify([
          ...targets.map((t) => ({ name: t.name, port: t.port, env: t.env, seed: true })),
          ...(secondInstance ? [{ name: "postgres-2", port: secondInstance.port, env: secondInstance.env, seed: false, after: "postgres" }] : []),
        ] satisfies TestServer[]),
      },
      reuseExistingServer: false,
      // E2E_SERVER_TIMEOUT: a machine shared with other builds may need longer to migrate and seed.
      timeout: Number(process.env.E2E_SERVER_TIMEOUT || 120_000 * SLOWER),
      stdout: "pipe" as const,
      stderr: "pipe" as const,
    },
  ],
};

export default defineConfig(config);
