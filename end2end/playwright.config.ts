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

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  reporter: 'list',
  retries: 0,
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions,
    screenshot: 'on',
    trace: 'off',
    locale: 'vi-VN',
  },
  projects: [
    {
      name: 'desktop-nojs',
      use: {
        viewport: { width: 1366, height: 768 },
        javaScriptEnabled: false,
      },
    },
    {
      name: 'phone-nojs',
      use: {
        viewport: { width: 390, height: 844 },
        javaScriptEnabled: false,
      },
    },
  ],
});
