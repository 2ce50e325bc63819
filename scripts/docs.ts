// Regenerates the tables in docs/MODEL.md and scenarios/README.md from the code (npm run docs).
// With --check, changes nothing and exits 1 when a document is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTS, updateDocument } from './docs-tables.js';

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const doc of DOCUMENTS) {
  const path = join(root, doc.file);
  const text = readFileSync(path, 'utf8');
  const next = updateDocument(text, doc);
  if (next === text) {
    console.log(`${doc.file}: up to date`);
  } else if (check) {
    stale++;
    console.error(`${doc.file}: generated tables are out of date (run npm run docs)`);
  } else {
    writeFileSync(path, next);
    console.log(`${doc.file}: tables regenerated`);
  }
}
if (stale > 0) process.exitCode = 1;
