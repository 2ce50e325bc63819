/** Tool version and, when the code runs from a git checkout, its commit. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'two-fronts') return dir;
    } catch {
      // keep looking upwards
    }
    dir = dirname(dir);
  }
  return process.cwd();
}

export const ROOT = packageRoot();

export function toolVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

let commit: string | null | undefined;

export function gitCommit(): string | null {
  if (commit !== undefined) return commit;
  try {
    // A git that does not answer within 5 s (a locked or network file system) leaves the commit out rather than holding up the command.
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000, killSignal: 'SIGKILL' }).toString().trim() || null;
  } catch {
    commit = null;
  }
  return commit;
}
