/**
 * The `two-fronts` command: argument parsing and dispatch, with the exit
 * codes of INTERFACES.md §3 (0 success, 1 invalid input, 2 usage, other for
 * faults). User errors print a clear message and never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { FileError, formatIssue } from '../scenario/document.js';
import { benchCommand } from './commands/bench.js';
import { runCommand } from './commands/run.js';
import { schemaText } from './commands/schema.js';
import { validateCommand, type Output } from './commands/validate.js';
import { EXIT_INTERNAL, EXIT_USAGE, UsageError, UserError } from './errors.js';
import { toolVersion } from './version.js';

export const stdio: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export function buildProgram(io: Output, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('two-fronts')
    .description('Two Fronts: an agent-based simulation of Key Account Managers competing for internal capacity.')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run two-fronts --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  program
    .command('validate')
    .description('check scenario and experiment files; one FILE:LINE:COL: path: message line per problem')
    .argument('<files...>', 'scenario or experiment files (YAML or JSON)')
    .option('-q, --quiet', 'print problems only')
    .action((files: string[], opts: { quiet?: boolean }) => setExit(validateCommand(files, opts, io)));

  program
    .command('run')
    .description('one run with every seat played by AI; prints a summary, writes files with --out')
    .argument('<scenario>', 'scenario file')
    .option('--seed <n>', 'seed (default: the scenario\'s)')
    .option('--quarters <n>', 'number of quarters (default: the scenario\'s)')
    .option('--regime <regime>', 'KPI regime: departmental-pnl, account-pnl, matrix, exec-sponsored, utilization')
    .option('--out <dir>', 'write quarters.csv, accounts.csv, summary.json and manifest.json here')
    .option('-q, --quiet', 'no summary on the terminal')
    .action((path: string, opts) => setExit(runCommand(path, opts, io)));

  program
    .command('schema')
    .description('print the JSON Schema of a file format')
    .argument('[kind]', 'scenario or experiment', 'scenario')
    .action((kind: string) => {
      process.stdout.write(schemaText(kind));
      setExit(0);
    });

  program
    .command('bench')
    .description("the project's own benchmark (engine speed, scaling)")
    .option('--seconds <s>', 'seconds per throughput measurement', '3')
    .option('--quick', 'fewer repetitions')
    .option('--json', 'machine-readable output')
    .action(async (opts) => setExit(await benchCommand(opts, io)));

  return program;
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], io: Output = stdio): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (e instanceof FileError) {
      for (const issue of e.issues) io.err(formatIssue(issue));
      return 1;
    }
    if (e instanceof UsageError) {
      io.err(`two-fronts: ${e.message}`);
      io.err('(run two-fronts --help for usage)');
      return EXIT_USAGE;
    }
    if (e instanceof UserError) {
      io.err(`two-fronts: ${e.message}`);
      return e.exitCode;
    }
    io.err(`two-fronts: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT_INTERNAL;
  }
}
