/** The test run's own temporary folder (test/global-setup.ts), shared with the commands the tests run. */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run', () => {
  it('writes its temporary files into a folder of its own, and so do the commands it runs', () => {
    expect(basename(tmpdir())).toMatch(/^two-fronts-tests-\w{6}$/);
    const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8', timeout: 30_000 });
    expect(child).toBe(tmpdir());
  });
});
