/**
 * The `two-fronts` command: argument parsing and dispatch, with the exit
 * codes of INTERFACES.md §3 (0 success, 1 invalid input, 2 usage, other for
 * faults). User errors print a clear message and never a stack trace.
 */
import { CommanderError, type Command } from 'commander';
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
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_USAGE, UsageError, UserError } from './errors.js';
import { LocalCommand, langOfArgv, unknownLangs, withoutProgramLang } from './help.js';
import { has } from '../i18n/index.js';
import { parseLang, t, type Lang } from './lang.js';
import { REGIMES } from '../sim/index.js';
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

export function buildProgram(io: Output, setExit: (code: number) => void, lang: Lang = 'en'): Command {
  const h = (key: string, params: Record<string, string> = {}) => t(`cli.help.${key}`, params, lang);
  const program = new LocalCommand(lang);
  program
    .name('two-fronts')
    .description(h('program'))
    .version(toolVersion(), '-V, --version', h('version'))
    .helpCommand('help [command]', h('helpCommand'))
    .addHelpText('after', `\n${h('langHint')}`)
    .showHelpAfterError(t('cli.usage', {}, lang))
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    })
    .exitOverride();

  const command = (name: string) => program.command(name).description(h(name));
  const repeat = (v: string, prev: string[] = []) => [...prev, v];

  command('validate')
    .argument('<files...>', h('validate.files'))
    .action((files: string[], opts: { quiet?: boolean; lang?: string }) => setExit(validateCommand(files, opts, io)));

  command('run')
    .argument('<scenario>', h('run.scenario'))
    .option('--seed <n>', h('run.seed'))
    .option('--quarters <n>', h('run.quarters'))
    .option('--regime <regime>', h('run.regime', { regimes: REGIMES.join(', ') }))
    .option('--out <dir>', h('run.out'))
    .action((path: string, opts) => setExit(runCommand(path, opts, io)));

  command('batch')
    .argument('<experiment>', h('batch.experiment'))
    .requiredOption('--out <dir>', h('batch.out'))
    .option('--workers <n>', h('batch.workers'))
    .option('--resume', h('batch.resume'))
    .option('--shard <k/n>', h('batch.shard'))
    .option('--format <list>', h('batch.format'))
    .action(async (path: string, opts) => setExit(await batchCommand(path, opts, io)));

  command('merge')
    .argument('<dirs...>', h('merge.dirs'))
    .requiredOption('--out <dir>', h('merge.out'))
    .action(async (dirs: string[], opts) => setExit(await mergeCommand(dirs, opts, io)));

  command('summarize')
    .argument('<dir>', h('summarize.dir'))
    .option('--metric <m>', h('summarize.metric'), repeat)
    .option('--target-ci <w>', h('summarize.targetCi'))
    .option('--max-replicates <n>', h('summarize.maxReplicates'))
    .option('--workers <n>', h('summarize.workers'))
    .option('--json', h('summarize.json'))
    .action(async (dir: string, opts) => setExit(await summarizeCommand(dir, opts, io)));

  command('report')
    .argument('<dir>', h('report.dir'))
    .option('--out <file>', h('report.out'))
    .option('--metric <m>', h('report.metric'), repeat)
    .action(async (dir: string, opts) => setExit(await reportCommand(dir, opts, io)));

  command('schema')
    .argument('[kind]', h('schema.kind'), 'scenario')
    .action((kind: string, opts: { lang?: string }) => {
      io.out(schemaText(kind, parseLang(opts.lang)).replace(/\n$/, ''));
      setExit(0);
    });

  command('bench')
    .option('--seconds <s>', h('bench.seconds'), '3')
    .option('--quick', h('bench.quick'))
    .option('--json', h('bench.json'))
    .action(async (opts) => setExit(await benchCommand(opts, io)));

  command('serve')
    .option('--port <n>', h('serve.port'), '4173')
    .option('--host <host>', h('serve.host'), '127.0.0.1')
    .action(async (opts: { port?: string; host?: string; lang?: string }) => setExit(await serveCommand(opts, io)));

  // Every command takes --lang, and those that print more than their result take --quiet; both come last in the help.
  for (const cmd of program.commands) {
    const name = cmd.name();
    if (name === 'help') continue;
    cmd.option('--lang <lang>', h(`${name}.lang`));
    if (has(`cli.help.${name}.quiet`, 'en')) cmd.option('-q, --quiet', h(`${name}.quiet`));
  }
  return program;
}

/** The names of the program's commands, with help. */
export function commandNames(program: Command): string[] {
  return [...program.commands.map((c) => c.name()), 'help'];
}

/** Calls that write; a refusal of any other is a refusal to read. */
const WRITES = new Set(['write', 'mkdir', 'rename', 'unlink', 'rmdir', 'rm', 'copyfile', 'ftruncate', 'symlink', 'utime', 'chmod']);

/** The message for an error the system gave on a named path (EISDIR, ENOENT, EACCES, …), or null for any other error. */
export function systemRefusal(e: unknown, lang: Lang): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const { code, path, syscall } = e as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || typeof path !== 'string') return null;
  const call = syscall ?? '';
  if (code === 'EISDIR') return t('cli.file.folder', { path }, lang);
  if (code === 'ENOENT' && (call === 'scandir' || call === 'opendir')) return t('cli.folder.missing', { dir: path }, lang);
  if (code === 'ENOENT' && !WRITES.has(call)) return t('cli.file.missing', { path }, lang);
  // open serves reading and writing alike: said without guessing which.
  if (call === 'open' || call === '') return t('cli.file.unopenable', { path, code }, lang);
  return t(WRITES.has(call) ? 'cli.file.unwritable' : 'cli.file.unreadable', { path, code }, lang);
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], io: Output = stdio): Promise<number> {
  let code = 0;
  // The language is read before the parser runs, so that its own errors and --help follow --lang too.
  const lang = langOfArgv(argv);
  const program = buildProgram(io, (c) => (code = c), lang);
  try {
    const bad = unknownLangs(argv);
    if (bad.length) parseLang(bad[0]);
    const commands = commandNames(program);
    const line = withoutProgramLang(argv, commands);
    // `help` on a command that does not exist says so (commander only shows the whole help).
    const asked = line[0] === 'help' ? line.slice(1).find((a) => !a.startsWith('-')) : undefined;
    if (asked !== undefined && !commands.includes(asked)) throw new UsageError(t('cli.parse.unknownCommand', { name: asked }, lang), lang);
    await program.parseAsync(line, { from: 'user' });
    return code;
  } catch (e) {
    // Help or the version asked for is a success (exit code 0); anything else the parser stops at, help shown for want of a command included, is a usage error.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
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
    // A file or folder the system refused (one that is a folder where a file belongs, one gone or locked): the user's to fix, named.
    const refused = systemRefusal(e, lang);
    if (refused !== null) {
      io.err(`two-fronts: ${refused}`);
      return EXIT_INVALID;
    }
    io.err(`two-fronts: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT_INTERNAL;
  }
}
