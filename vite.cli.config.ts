/**
 * Builds the command line and the Node worker to plain JavaScript in dist/
 * (no TypeScript at run time). Dependencies stay as imports from node_modules.
 */
import { defineConfig } from 'vite';

export default defineConfig({
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
