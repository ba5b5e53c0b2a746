import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const FAKE_RESEND_PORT = Number(process.env.FAKE_RESEND_PORT ?? 4010);
const FAKE_ENTREPRISES_PORT = Number(process.env.FAKE_ENTREPRISES_PORT ?? FAKE_RESEND_PORT + 10);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end tests against the production build (`next start`), a real PostgreSQL (DATABASE_URL,
 * prepared by scripts/test.ts) and Debian's Chromium. E-mails go to a local fake Resend server.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? 'test-results/e2e',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: BASE_URL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // the public search lists every open offer: it runs first, on the demo data alone, before the
    // other specs publish offers of their own
    { name: 'demo-seule', testMatch: /offres-publiques\.spec\.ts/, use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'chromium', testIgnore: /offres-publiques\.spec\.ts/, dependencies: ['demo-seule'], use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: [
    {
      command: `npx tsx tests/fakes/resend-server.ts --port ${FAKE_RESEND_PORT}`,
      url: `http://127.0.0.1:${FAKE_RESEND_PORT}/__fake/emails`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx tsx tests/fakes/recherche-entreprises-server.ts --port ${FAKE_ENTREPRISES_PORT}`,
      url: `http://127.0.0.1:${FAKE_ENTREPRISES_PORT}/__fake/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx next start -p ${PORT} -H 127.0.0.1`,
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: process.env.DATABASE_URL ?? '',
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-test',
        AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-e2e-secret-e2e-secret-e2e',
        APP_URL: BASE_URL,
        RESEND_API_KEY: 're_test_e2e',
        RESEND_BASE_URL: `http://127.0.0.1:${FAKE_RESEND_PORT}`,
        EMAIL_FROM: 'CMonAlternance <ne-pas-repondre@cmonalternance-na.fr>',
        EMAIL_WORKER_INTERVAL_MS: '300',
        // the auto-archive job runs on the real clock: the tests drive it with a controlled one
        OFFRES_ARCHIVE_INTERVAL_MS: '0',
        // the RGPD retention job too (tests/integration/retention.test.ts drives it)
        RGPD_RETENTION_INTERVAL_MS: '0',
        // every test browser is 127.0.0.1: the per-IP limits are proven by tests/integration/auth-data.test.ts
        RATE_LIMIT_SIGNIN_PER_IP: '1000',
        RATE_LIMIT_SIGNUP_PER_IP: '1000',
        RECHERCHE_ENTREPRISES_URL: `http://127.0.0.1:${FAKE_ENTREPRISES_PORT}`,
      },
    },
  ],
});

