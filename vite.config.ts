/**
 * The game build (index.html → dist/game, workers as ES modules) and the
 * Vitest configuration for the unit, property and statistical tests. Browser
 * tests run separately with Playwright (playwright.config.ts).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist/game',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/game/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'threads',
    reporters: ['default'],
  },
});
