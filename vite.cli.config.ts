/**
 * Builds the command line and the Node worker to plain JavaScript in dist/
 * (no TypeScript at run time). Dependencies stay as imports from node_modules.
 */
import { rmSync } from 'node:fs';
import { defineConfig } from 'vite';

/** The Node build shares dist/ with the game and the report, so it clears only its own folders (old chunks would pile up). */
const OWN = ['dist/cli', 'dist/chunks', 'dist/workers'];

export default defineConfig({
  plugins: [
    {
      name: 'clear-node-build',
      buildStart() {
        for (const dir of OWN) rmSync(dir, { recursive: true, force: true });
      },
    },
  ],
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: {
        'cli/bin': 'src/cli/bin.ts',
        'workers/sim.worker': 'workers/sim.worker.ts',
        'workers/batch.worker': 'src/cli/batch.worker.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
