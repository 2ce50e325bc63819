/**
 * Browser tests of the game (test/game): Debian's Chromium at /usr/bin/chromium
 * (Playwright never downloads a browser), against the built game served by
 * `two-fronts serve` on a port of its own. Run by `npm test` after the build.
 */
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.TWO_FRONTS_TEST_PORT ?? 4174);

export default defineConfig({
  testDir: 'test/game',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 120_000,
  // The whole browser run takes about 3 minutes; whatever hangs, it ends within 8 and says which tests did not finish.
  globalTimeout: 8 * 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // One temporary folder for the whole run (reports, Chromium's own files), removed at its end.
  globalSetup: './test/global-setup.ts',
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 720 },
    locale: 'en-GB',
    trace: 'off',
    screenshot: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    },
  },
  // Timing checks (time to interactive, long main-thread tasks) run after the rest, alone, so other tests do not compete for the CPU.
  projects: [
    { name: 'game', testIgnore: /timing\.spec\.ts$/ },
    { name: 'timing', testMatch: /timing\.spec\.ts$/, dependencies: ['game'], fullyParallel: false },
  ],
  webServer: {
    command: `node bin/two-fronts.js serve --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
