#!/usr/bin/env node
// The two-fronts command. The code is built to dist/ by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('two-fronts: the command is not built yet; run `npm run build` in the project folder.\n');
  process.exit(3);
}
await import(cli.href);
