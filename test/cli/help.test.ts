/**
 * The command line's own words in Dutch: `--help` of the program and of
 * every command, the option parser's errors, and what schema, bench and
 * serve say. English stays as it was.
 */
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { printBench, result } from '../../src/cli/commands/bench.js';
import { startServer } from '../../src/cli/commands/serve.js';
import { langOfArgv, parseErrorIn, unknownLangs, withoutProgramLang } from '../../src/cli/help.js';
import { buildProgram, commandNames } from '../../src/cli/main.js';
import { cli } from '../cli-process.js';

const COMMANDS = commandNames(buildProgram({ out: () => {}, err: () => {} }, () => {}));


/** English words a Dutch help screen must not show (syntax such as [options] and <dir> is not prose). */
const ENGLISH = ['Usage', 'Options', 'Commands', 'Arguments', 'display', 'default', 'output', 'the', 'and', 'language', 'messages', 'print', 'number', 'write', 'every', 'folder', 'file'];

function englishIn(text: string): string[] {
  // Syntax and data: <dir>, <file>, [options], flags, file names.
  const prose = text.replace(/<[^>]*>|\[[^\]]*\]|--[\w-]+|\S+\.(csv|json|html|yaml)\b/g, ' ');
  return ENGLISH.filter((w) => new RegExp(`(^|[^\\w-])${w}([^\\w-]|$)`).test(prose));
}

/** Every description the program shows: its own, each command's, each argument's and option's. */
function descriptions(program: Command): string[] {
  const out = [program.description()];
  for (const cmd of program.commands) {
    out.push(cmd.description());
    for (const a of cmd.registeredArguments) out.push(a.description);
    for (const o of cmd.options) out.push(o.description);
  }
  return out;
}

describe('--help in Dutch', () => {
  it('the program and every command: Dutch headings, descriptions and defaults, no English prose, exit 0', () => {
    const screens = [['--lang', 'nl', '--help'], ['--lang=nl', 'help'], ['help', 'run', '--lang', 'nl'], ...COMMANDS.filter((c) => c !== 'help').map((c) => [c, '--help', '--lang', 'nl'])];
    for (const args of screens) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out, args.join(' ')).toMatch(/^Gebruik: two-fronts/);
      expect(r.out, args.join(' ')).toContain('Opties:');
      expect(englishIn(r.out), args.join(' ')).toEqual([]);
    }
    expect(cli(['serve', '--help', '--lang', 'nl']).out).toContain('poort om op te luisteren (standaard: 4173)');
    expect(cli(['--help', '--lang', 'nl']).out).toContain('Commando’s:');
    expect(cli(['schema', '--help', '--lang', 'nl']).out).toContain('Argumenten:');
  });

  it('every description has its own Dutch wording (none left in English)', () => {
    const en = descriptions(buildProgram({ out: () => {}, err: () => {} }, () => {}, 'en'));
    const nl = descriptions(buildProgram({ out: () => {}, err: () => {} }, () => {}, 'nl'));
    expect(nl.length).toBe(en.length);
    expect(en.length).toBeGreaterThan(50);
    const same = en.filter((d, i) => d === nl[i]);
    expect(same).toEqual([]);
  });

  it('English help is unchanged: the parser words, the descriptions, a hint on --lang', () => {
    const r = cli(['run', '--help']);
    expect(r.out).toMatch(/^Usage: two-fronts run \[options\] <scenario>\n/);
    expect(r.out).toContain("  --seed <n>         seed (default: the scenario's)\n");
    expect(r.out).toContain('  -h, --help         display help for command');
    expect(cli(['--help']).out).toContain('Language: --lang en (the default) or --lang nl (Dutch), with any command and --help.');
    expect(cli(['bench', '--help']).out).toContain('seconds per throughput measurement (default: 3)');
  });
});

describe('the option parser in Dutch', () => {
  const cases: [string[], string][] = [
    [['runn', '--lang', 'nl'], "two-fronts: onbekend commando 'runn'\n(bedoel je run?)\n"],
    [['run', 'x.yaml', '--sed', '1', '--lang', 'nl'], "two-fronts: onbekende optie '--sed'\n(bedoel je --seed?)\n"],
    [['run', '--lang', 'nl'], "two-fronts: het verplichte argument 'scenario' ontbreekt\n"],
    [['batch', 'x.yaml', '--lang', 'nl'], "two-fronts: de verplichte optie '--out <dir>' ontbreekt\n"],
    [['run', 'a', 'b', '--lang', 'nl'], "two-fronts: te veel argumenten voor 'run': 1 verwacht, 2 gekregen.\n"],
    [['--lang', 'nl', 'run', 'x.yaml', '--out'], "two-fronts: de optie '--out <dir>' mist een waarde\n"],
    [['schema', 'foo', '--lang', 'nl'], 'two-fronts: onbekend schema "foo": kies scenario of experiment\n'],
    [['serve', '--port', '99999', '--lang', 'nl'], 'two-fronts: --port moet een geheel getal van 0 tot en met 65535 zijn, niet "99999"\n'],
    [['bench', '--seconds', 'abc', '--lang', 'nl'], 'two-fronts: --seconds moet een positief getal zijn, niet "abc"\n'],
    [['bench', '--seconds', '-5', '--lang', 'nl'], 'two-fronts: --seconds moet een positief getal zijn, niet "-5"\n'],
  ];
  it.each(cases)('%j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${message}(two-fronts --help toont het gebruik)\n`);
  });

  it('words them in English as before, without --lang', () => {
    expect(cli(['run', 'x.yaml', '--sed', '1']).err).toBe("two-fronts: unknown option '--sed'\n(Did you mean --seed?)\n(run two-fronts --help for usage)\n");
    expect(cli(['run', 'a', 'b']).err).toBe("two-fronts: too many arguments for 'run'. Expected 1 argument but got 2.\n(run two-fronts --help for usage)\n");
    expect(cli(['batch', 'x.yaml']).err).toBe("two-fronts: required option '--out <dir>' not specified\n(run two-fronts --help for usage)\n");
  });

  it('keeps the English of a message it does not know, and of a suggestion list', () => {
    expect(parseErrorIn('error: something new', 'commander.somethingNew', 'nl')).toBe('two-fronts: something new');
    expect(parseErrorIn("error: unknown option '--x'\n(Did you mean one of --xa, --xb?)", 'commander.unknownOption', 'nl')).toBe("two-fronts: onbekende optie '--x'\n(bedoel je een van --xa, --xb?)");
    expect(parseErrorIn("error: too many arguments for 'schema'. Expected 0 arguments but got 1.", 'commander.excessArguments', 'en')).toBe("two-fronts: too many arguments for 'schema'. Expected 0 arguments but got 1.");
  });

  it('reads --lang before parsing, anywhere but after --, and leaves the commands their own --lang', () => {
    expect(langOfArgv(['run', 'x', '--lang', 'nl'])).toBe('nl');
    expect(langOfArgv(['--lang=NL', 'run'])).toBe('nl');
    expect(langOfArgv(['run', '--lang', 'fr'])).toBe('en');
    expect(langOfArgv(['run', '--', '--lang', 'nl'])).toBe('en');
    // Before the command, it moves to just after it (the command's own, later on the line, still wins).
    expect(withoutProgramLang(['--lang', 'nl', 'run', 'x', '--lang', 'en'], COMMANDS)).toEqual(['run', '--lang', 'nl', 'x', '--lang', 'en']);
    expect(withoutProgramLang(['--lang=nl', 'validate', 'a.yaml'], COMMANDS)).toEqual(['validate', '--lang=nl', 'a.yaml']);
    expect(withoutProgramLang(['help', 'run', '--lang=nl'], COMMANDS)).toEqual(['help', 'run']);
    expect(withoutProgramLang(['--lang', 'nl', '--help'], COMMANDS)).toEqual(['--help']);
    expect(withoutProgramLang(['run', '--', '--lang', 'nl'], COMMANDS)).toEqual(['run', '--', '--lang', 'nl']);
    expect(unknownLangs(['--lang', 'de', 'run', '--lang=nl', '--', '--lang', 'xx'])).toEqual(['de']);
  });

  it('a --lang before the command works the command in that language, and any --lang that is no language is a usage error, with --help too', () => {
    const nl = cli(['--lang', 'nl', 'validate', 'scenarios/tutorial.yaml']);
    expect([nl.code, nl.out.trim()]).toEqual([0, 'scenarios/tutorial.yaml: geldig scenario']);
    expect(cli(['--lang=nl', 'run', 'scenarios/tutorial.yaml', '--quarters', '1']).out).toMatch(/^Eerste kwartaal op twee fronten \(tutorial\) · seed \d+ · departmental-pnl · 1 kwartaal/);
    for (const args of [['--lang', 'xx', 'validate', 'scenarios/tutorial.yaml'], ['--lang', 'de', '--help'], ['run', '--help', '--lang', 'de'], ['--lang=de', 'run', 'scenarios/tutorial.yaml']]) {
      const r = cli(args);
      expect([r.code, r.out], args.join(' ')).toEqual([2, '']);
      expect(r.err).toMatch(/^two-fronts: --lang must be one of en, nl, not "(xx|de)"\n/);
    }
  });

  it('no command is a usage error (exit 2) that shows the help; help on a command that does not exist says so', () => {
    const bare = cli([]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('Usage: two-fronts [options] [command]');
    expect(cli(['help', 'nope'])).toEqual({ code: 2, out: '', err: "two-fronts: unknown command 'nope'\n(run two-fronts --help for usage)\n" });
    expect(cli(['help', 'nope', '--lang', 'nl']).err).toBe("two-fronts: onbekend commando 'nope'\n(two-fronts --help toont het gebruik)\n");
    expect(cli(['help']).code).toBe(0);
    expect(cli(['help', 'run']).code).toBe(0);
  });
});

describe('schema, bench and serve in Dutch', () => {
  it('schema writes the same JSON Schema in both languages', () => {
    const en = cli(['schema', 'experiment']);
    const nl = cli(['schema', 'experiment', '--lang', 'nl']);
    expect(en.code).toBe(0);
    expect(nl.out).toBe(en.out);
  });

  it('bench: the table in Dutch (headings, names, verdicts, numbers); --json the same in both languages', () => {
    const results = [result('tutorial', {}, 1318.4, 'runs/s', { target: '≥ 5000', pass: false }), result('batch.many', { workers: '2' }, 12.345, 'runs/s'), result('large', {}, 0.62, 's', { target: '< 2', pass: true })];
    const lines = (lang: 'en' | 'nl', json = false) => {
      const out: string[] = [];
      printBench(results, { out: (l) => out.push(l), err: () => {} }, json, lang);
      return out.join('\n');
    };
    const nl = lines('nl');
    expect(nl).toMatch(/^meting +waarde +eenheid +doel/);
    expect(nl).toMatch(/tutorial, runs\/s \(1 thread\) +1\.318 +runs\/s +≥ 5000 +GEMIST/);
    expect(nl).toMatch(/batch, runs\/s, 2 workers +12,35/);
    expect(nl).toMatch(/groot bedrijf: 500 KAM’s × 1\.000 accounts × 40 afdelingen × 40 kwartalen +0,62 +s +< 2 +gehaald/);
    expect(lines('en')).toMatch(/tutorial runs\/s \(1 thread\) +1,318 +runs\/s +≥ 5000 +MISSED/);
    expect(lines('nl', true)).toBe(lines('en', true));
    expect(JSON.parse(lines('en', true))[1]).toEqual({ name: 'batch runs/s, 2 workers', value: 12.345, unit: 'runs/s' });
  });

  it('serve says in Dutch that the game is not built or the port is taken', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tf-serve-nl-'));
    expect(() => startServer({ root: join(root, 'missing'), port: '0', lang: 'nl' })).toThrow(/^het spel is nog niet gebouwd \(geen .*index\.html\); voer eerst `npm run build` uit$/);
    mkdirSync(join(root, 'game'));
    writeFileSync(join(root, 'game/index.html'), '<!doctype html>');
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = String((taken.address() as { port: number }).port);
    try {
      await expect(startServer({ root: join(root, 'game'), port, host: '127.0.0.1', lang: 'nl' })).rejects.toThrow(`poort ${port} op 127.0.0.1 is al in gebruik; kies een andere met --port`);
    } finally {
      taken.close();
    }
  });
});
