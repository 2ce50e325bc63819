/**
 * The built command line (bin/two-fronts.js) as a child process, for tests.
 * Every wait is bounded: a test's timeout cannot interrupt `spawnSync`, so a
 * command that hung would block its whole test file, and a child left
 * running after its test gave up would outlive the test run. Here a command
 * that does not exit in time is killed and its test fails, naming the command.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The project's folder: where a command runs unless a test says otherwise. */
const PROJECT = join(import.meta.dirname, '..');

export const BIN = join(PROJECT, 'bin', 'two-fronts.js');

/** Longer than any command a test runs takes, with room for a slow machine; shorter than a test's own timeout. */
export const CLI_TIMEOUT_MS = 90_000;

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `two-fronts ARGS` in `cwd` and waits for it (at most `timeoutMs`). */
export function cli(args: readonly string[], cwd = PROJECT, timeoutMs = CLI_TIMEOUT_MS): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  if (r.error) {
    const why = (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `did not exit within ${timeoutMs / 1000} s and was killed` : r.error.message;
    throw new Error(`two-fronts ${args.join(' ')} (in ${cwd}) ${why}; it wrote to stderr:\n${r.stderr}`);
  }
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The exit code of a running child, or 'still running' (and the child killed) if it has not exited within `timeoutMs`. */
export function exitOf(child: ChildProcess, timeoutMs = CLI_TIMEOUT_MS): Promise<number | null | 'still running'> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('still running');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve(code);
    });
  });
}
