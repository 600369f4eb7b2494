import { defineConfig, type LaunchOptions } from '@playwright/test';

// The run script (./run) starts the server on a free port and exports BASE_URL.
const baseURL = process.env.BASE_URL;
if (!baseURL) {
  throw new Error(
    'BASE_URL is not set. Run the suite with ./run, which starts the server and sets BASE_URL.',
  );
}

// Use Debian's chromium; Playwright must never download a browser of its own.
const launchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

const office = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

// Every journey runs with JavaScript enabled and disabled; the committee member's
// also at a phone and at an office PC. The return journey ("Trả lại") is the
// clerk's and the approver's second path: a figure returned with a reason. The admin
// journey visits the definition pages, the file import and the error pages (its own
// term, never 2020–2025's figures). One worker: the journeys of a run share one
// server, whose one-time setup link the first journey needing an administrator
// uses. ./run starts one server for the *-js projects and another, with a fresh
// database, for the *-nojs projects, so each mode meets the first-run setup; with
// --project it starts one server for the projects asked for.
export default defineConfig({
  testDir: 'tests',
  // ./run gives each of its two runs a folder of its own (test-results/js, …/nojs):
  // Playwright empties its output folder when it starts.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  reporter: [['list']],
  retries: 0,
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions,
    screenshot: 'only-on-failure',
    trace: 'off',
    locale: 'vi-VN',
    acceptDownloads: true,
  },
  projects: [
    ...(['js', 'nojs'] as const).flatMap((js) => {
      const javaScriptEnabled = js === 'js';
      return [
        {
          name: `committee-office-${js}`,
          testMatch: /committee\.spec\.ts/,
          use: { viewport: office, javaScriptEnabled },
        },
        {
          name: `committee-phone-${js}`,
          testMatch: /committee\.spec\.ts/,
          use: { viewport: phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled },
        },
        {
          name: `clerk-office-${js}`,
          testMatch: /clerk\.spec\.ts/,
          use: { viewport: office, javaScriptEnabled },
        },
        {
          name: `return-office-${js}`,
          testMatch: /return\.spec\.ts/,
          use: { viewport: office, javaScriptEnabled },
        },
        {
          name: `leader-office-${js}`,
          testMatch: /leader\.spec\.ts/,
          use: { viewport: office, javaScriptEnabled },
        },
        {
          name: `admin-office-${js}`,
          testMatch: /admin\.spec\.ts/,
          use: { viewport: office, javaScriptEnabled },
        },
      ];
    }),
    // The clerk's pages at a phone too (once, with JavaScript).
    {
      name: 'clerk-phone-js',
      testMatch: /clerk\.spec\.ts/,
      use: { viewport: phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled: true },
    },
    // Conflicts, double clicks, ended sessions and Back after signing out. Last: its
    // drafts of 2021 come after the clerk's journey has submitted that year's figures.
    ...(['js', 'nojs'] as const).map((js) => ({
      name: `integrity-office-${js}`,
      testMatch: /integrity\.spec\.ts/,
      use: { viewport: office, javaScriptEnabled: js === 'js' },
    })),
  ],
});
