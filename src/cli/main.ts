/**
 * The `two-fronts` command: argument parsing and dispatch, with the exit
 * codes of INTERFACES.md §3 (0 success, 1 invalid input, 2 usage, other for
 * faults). User errors print a clear message and never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { FileError, issueLine } from '../scenario/document.js';
import { batchCommand } from './commands/batch.js';
import { benchCommand } from './commands/bench.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { summarizeCommand } from './commands/summarize.js';
import { runCommand } from './commands/run.js';
import { schemaText } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand, type Output } from './commands/validate.js';
import { EXIT_INTERNAL, EXIT_USAGE, UsageError, UserError } from './errors.js';
import { t } from './lang.js';
import { toolVersion } from './version.js';

/** Streams whose reader has gone (`two-fronts ... | head`): what would go there is dropped. */
const closed = { out: false, err: false };

export const stdio: Output = {
  out: (line) => void (closed.out || process.stdout.write(line + '\n')),
  err: (line) => void (closed.err || process.stderr.write(line + '\n')),
};

/**
 * A reader that stops early closes the pipe; writing on makes Node raise
 * EPIPE. The command then goes on without that output and still exits with
 * its own code (a valid file is still valid when `head` has seen enough).
 */
export function tolerateClosedPipes(): void {
  const watch = (stream: NodeJS.WriteStream, key: keyof typeof closed) =>
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      closed[key] = true;
    });
  watch(process.stdout, 'out');
  watch(process.stderr, 'err');
}

export function buildProgram(io: Output, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('two-fronts')
    .description('Two Fronts: an agent-based simulation of Key Account Managers competing for internal capacity.')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError(t('cli.usage'))
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      // The parser's own "error: …" reads like every other message of the command.
      outputError: (s, write) => write(s.replace(/^error: /, 'two-fronts: ')),
    })
    .exitOverride();

  program
    .command('validate')
    .description('check scenario and experiment files; one FILE:LINE:COL: path: message line per problem')
    .argument('<files...>', 'scenario or experiment files (YAML or JSON)')
    .option('-q, --quiet', 'print problems only')
    .option('--lang <lang>', 'language of the messages: en or nl (default en)')
    .action((files: string[], opts: { quiet?: boolean; lang?: string }) => setExit(validateCommand(files, opts, io)));

  program
    .command('run')
    .description('one run with every seat played by AI; prints a summary, writes files with --out')
    .argument('<scenario>', 'scenario file')
    .option('--seed <n>', 'seed (default: the scenario\'s)')
    .option('--quarters <n>', 'number of quarters (default: the scenario\'s)')
    .option('--regime <regime>', 'KPI regime: departmental-pnl, account-pnl, matrix, exec-sponsored, utilization')
    .option('--out <dir>', 'write quarters.csv, accounts.csv, summary.json and manifest.json here')
    .option('--lang <lang>', 'language of the summary and the messages: en or nl (default en); the files are the same in both')
    .option('-q, --quiet', 'no summary on the terminal')
    .action((path: string, opts) => setExit(runCommand(path, opts, io)));

  program
    .command('batch')
    .description('run an experiment on a pool of worker threads, streaming results to a folder')
    .argument('<experiment>', 'experiment file (YAML or JSON)')
    .requiredOption('--out <dir>', 'output folder (runs.csv, quarters.csv, manifest.json)')
    .option('--workers <n>', 'worker threads (default: the available cores, once the batch shows it has work for them)')
    .option('--resume', 'finish an interrupted batch in --out')
    .option('--shard <k/n>', 'run only shard K of N (a deterministic 1/N of the runs)')
    .option('--format <list>', 'csv, jsonl, parquet, or several comma-separated (default csv)')
    .option('--lang <lang>', 'language of the progress, the summary line and the messages: en or nl (default en); the files are the same in both')
    .option('-q, --quiet', 'no progress and no summary line')
    .action(async (path: string, opts) => setExit(await batchCommand(path, opts, io)));

  program
    .command('merge')
    .description('join shard folders into one, checking that no run is missing or doubled')
    .argument('<dirs...>', 'shard output folders')
    .requiredOption('--out <dir>', 'new folder for the merged output')
    .option('--lang <lang>', 'language of the summary line and the messages: en or nl (default en); the files are the same in both')
    .option('-q, --quiet', 'no summary line')
    .action(async (dirs: string[], opts) => setExit(await mergeCommand(dirs, opts, io)));

  program
    .command('summarize')
    .description('per design point: n, mean, sd, 95% CI, min, max of each metric; effects between points; sensitivity indices')
    .argument('<dir>', 'output folder of two-fronts batch')
    .option('--metric <m>', 'metric to show (repeatable; a reporter name, a per-entity name such as departmentPnl for all its columns, or a column name)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--target-ci <w>', 'add replicates until the 95% CI half-width of --metric is at most W at every point')
    .option('--max-replicates <n>', 'cap on replicates per point for --target-ci (default 1000)')
    .option('--workers <n>', 'worker threads for --target-ci (default: the available cores, once a round shows it has work for them)')
    .option('--json', 'print the written files as JSON')
    .option('--lang <lang>', 'language of the tables and the messages: en or nl (default en); the files are the same in both')
    .option('-q, --quiet', 'write the files, print nothing')
    .action(async (dir: string, opts) => setExit(await summarizeCommand(dir, opts, io)));

  program
    .command('report')
    .description('a self-contained HTML report with charts (opens offline)')
    .argument('<dir>', 'output folder of two-fronts batch')
    .option('--out <file>', 'where to write the report (default DIR/report.html)')
    .option('--metric <m>', 'metric to include (repeatable; a reporter, per-entity or column name; default every recorded metric)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--lang <lang>', 'language of the report: en (default) or nl')
    .option('-q, --quiet', 'print nothing')
    .action(async (dir: string, opts) => setExit(await reportCommand(dir, opts, io)));

  program
    .command('schema')
    .description('print the JSON Schema of a file format')
    .argument('[kind]', 'scenario or experiment', 'scenario')
    .action((kind: string) => {
      io.out(schemaText(kind).replace(/\n$/, ''));
      setExit(0);
    });

  program
    .command('bench')
    .description("the project's own benchmark (engine speed, scaling)")
    .option('--seconds <s>', 'seconds per throughput measurement', '3')
    .option('--quick', 'fewer repetitions')
    .option('--json', 'machine-readable output')
    .action(async (opts) => setExit(await benchCommand(opts, io)));

  program
    .command('serve')
    .description('serve the built game on this computer (open the printed address in a browser)')
    .option('--port <n>', 'port to listen on', '4173')
    .option('--host <host>', 'address to listen on (127.0.0.1: this computer only)', '127.0.0.1')
    .action(async (opts: { port?: string; host?: string }) => setExit(await serveCommand(opts, io)));

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
      for (const issue of e.issues) io.err(issueLine(issue, e.lang));
      return 1;
    }
    if (e instanceof UsageError) {
      io.err(`two-fronts: ${e.message}`);
      io.err(t('cli.usage', {}, e.lang));
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
