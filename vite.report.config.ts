/**
 * Builds the script of the research report (src/charts/report-app.ts with d3)
 * into one self-contained file, dist/report/report-app.js, which
 * `two-fronts report` inlines into the HTML so the report opens offline.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/report',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/charts/report-app.ts',
      formats: ['iife'],
      name: 'TwoFrontsReport',
      fileName: () => 'report-app.js',
    },
  },
});
