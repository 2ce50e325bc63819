/**
 * The game build (index.html → dist/game, workers as ES modules) and the
 * Vitest configuration for the unit, property and statistical tests. Browser
 * tests run separately with Playwright (playwright.config.ts).
 *
 * The game draws its company floor with Phaser's Canvas renderer only: `phaser`
 * resolves to Phaser's core entry (scenes, graphics, text, tweens, loader) with
 * the WebGL renderer, sound and physics compiled out, which keeps all of the
 * game's JavaScript within its size budget.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const phaserCore = fileURLToPath(new URL('./node_modules/phaser/src/phaser-core.js', import.meta.url));

/** Phaser's build flags: the Canvas renderer only, no WebGL, sound, debugger or plugins. */
const phaserFlags = {
  'typeof CANVAS_RENDERER': 'true',
  'typeof WEBGL_RENDERER': 'false',
  'typeof WEBGL_DEBUG': 'false',
  'typeof EXPERIMENTAL': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
};

export default defineConfig({
  base: './',
  resolve: {
    alias: [{ find: /^phaser$/, replacement: phaserCore }],
  },
  define: phaserFlags,
  // `npm run dev` pre-bundles Phaser with the same flags.
  optimizeDeps: { include: ['phaser'], rolldownOptions: { transform: { define: phaserFlags } } },
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
    // One temporary folder for the whole run, removed at its end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    pool: 'threads',
    // On CI (CI=true, as .ci/run sets): dots, failures and the printed effect sizes, so a log stays short enough to read.
    reporters: process.env.CI ? ['dot'] : ['default'],
  },
});
