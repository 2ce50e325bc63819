/**
 * The global set-up of Vitest and of Playwright: a test run writes its
 * temporary files (batch folders, reports, scenario files, the browser's
 * own) into one folder of its own, which is removed when the run ends,
 * passed or failed. TMPDIR is set before the test threads or processes
 * start, so `os.tmpdir()` in the tests and in every command and browser they
 * start points there; nothing is left behind in the system's /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'two-fronts-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
