import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('a world keeps one internal shape', () => {
  it('has lists of the same hidden classes at every design point of a sweep', () => {
    // Different classes made batch threads throw away and recompile a dozen
    // hot functions at their second or third design point.
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', 'test/sim/fixtures/world-shapes.ts'], { encoding: 'utf8', timeout: 50_000, killSignal: 'SIGKILL' });
    expect(JSON.parse(out)).toEqual([]);
  }, 60_000);
});
