// Regenerates test/scenario/golden.json after an intended change to the model (npm run golden).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadScenario } from '../src/scenario/load.js';
import { resultHash, simulate } from '../src/sim/index.js';
const out: Record<string, string> = {};
for (const f of readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort()) {
  const { input } = loadScenario(readFileSync(`scenarios/${f}`, 'utf8'), f);
  out[f.replace('.yaml', '')] = resultHash(simulate(input));
}
writeFileSync('test/scenario/golden.json', JSON.stringify(out, null, 2) + '\n');
console.log(out);
