/**
 * The command line's own words in the chosen language: `--help` (headings,
 * the help and version options, defaults) and the option parser's errors
 * (unknown option or command, missing argument, …). The language comes from
 * `--lang` anywhere on the line, read before the parser runs, so even a
 * mistyped flag is reported in Dutch when `--lang nl` is given.
 */
import { Command, type Argument, type Help, type Option } from 'commander';
import { LANGUAGES } from '../i18n/index.js';
import { t, tn, type Lang } from './lang.js';

/**
 * The language `--lang X` or `--lang=X` asks for anywhere on the line; `en`
 * when there is none or it is not a language (the command then reports that).
 * Arguments after `--` are operands, not options.
 */
export function langOfArgv(argv: readonly string[]): Lang {
  let lang: Lang = 'en';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    const known = LANGUAGES.find((l) => l === value?.trim().toLowerCase());
    if (known) lang = known;
  }
  return lang;
}

/**
 * Every `--lang` value on the line that is not a language (before `--`): a
 * usage error wherever it stands, with --help too.
 */
export function unknownLangs(argv: readonly string[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined && !LANGUAGES.some((l) => l === value.trim().toLowerCase())) bad.push(value);
  }
  return bad;
}

/**
 * The line as the commands take it: a `--lang` given before the command's name
 * (`two-fronts --lang nl run …`) moves to just after it, so the command works in
 * that language (a --lang of its own, later on the line, still wins); one given
 * to `help` (`two-fronts help run --lang nl`) or with no command at all is left
 * out, `langOfArgv` having read it.
 */
export function withoutProgramLang(argv: readonly string[], commands: readonly string[]): string[] {
  const out: string[] = [];
  const early: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const isLang = a === '--lang' || a.startsWith('--lang=');
    if (isLang && (command === undefined || command === 'help')) {
      if (command === undefined) early.push(...(a === '--lang' ? [a, argv[i + 1] ?? ''] : [a]));
      if (a === '--lang') i++;
      continue;
    }
    out.push(a);
    if (command === undefined && !a.startsWith('-') && commands.includes(a)) {
      command = a;
      if (a !== 'help') out.push(...early);
    }
  }
  return out;
}

/** commander's headings, by the English text it asks `styleTitle` to style. */
const TITLES: Record<string, string> = {
  'Usage:': 'cli.help.title.usage',
  'Options:': 'cli.help.title.options',
  'Commands:': 'cli.help.title.commands',
  'Arguments:': 'cli.help.title.arguments',
  'Global Options:': 'cli.help.title.globalOptions',
};

function withDefault(description: string, value: unknown, lang: Lang): string {
  if (value === undefined) return description;
  const shown = t('cli.help.default', { value: String(value) }, lang);
  return description ? `${description} ${shown}` : shown;
}

/** Help in `lang`: translated headings, and defaults written as the catalogue words them. */
export function helpIn(lang: Lang): Partial<Help> {
  return {
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title], {}, lang) : title),
    optionDescription: (option: Option) => withDefault(option.description, option.required || option.optional ? option.defaultValue : undefined, lang),
    argumentDescription: (argument: Argument) => withDefault(argument.description, argument.defaultValue, lang),
  };
}

/** commander's "(Did you mean …?)" after an unknown option or command, worded in `lang`. */
function suggestion(rest: string, lang: Lang): string {
  const m = /^\s*\(Did you mean (one of )?(.+)\?\)\s*$/s.exec(rest);
  if (!m) return rest;
  return `\n${t(m[1] ? 'cli.parse.didYouMeanOneOf' : 'cli.parse.didYouMean', { what: m[2]! }, lang)}`;
}

/**
 * One of commander's error messages (`error: …`) in `lang`, as `two-fronts: …`.
 * A message this table does not know (a newer commander's) keeps its English.
 */
export function parseErrorIn(message: string, code: string | undefined, lang: Lang): string {
  const text = message.replace(/^error: /, '');
  let m: RegExpExecArray | null;
  let worded: string | null = null;
  switch (code) {
    case 'commander.unknownOption':
      if ((m = /^unknown option '([^']*)'([\s\S]*)$/.exec(text))) worded = t('cli.parse.unknownOption', { flag: m[1]! }, lang) + suggestion(m[2]!, lang);
      break;
    case 'commander.unknownCommand':
      if ((m = /^unknown command '([^']*)'([\s\S]*)$/.exec(text))) worded = t('cli.parse.unknownCommand', { name: m[1]! }, lang) + suggestion(m[2]!, lang);
      break;
    case 'commander.missingArgument':
      if ((m = /^missing required argument '([^']*)'$/.exec(text))) worded = t('cli.parse.missingArgument', { name: m[1]! }, lang);
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^option '([^']*)' argument missing$/.exec(text))) worded = t('cli.parse.optionMissingArgument', { flags: m[1]! }, lang);
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^required option '([^']*)' not specified$/.exec(text))) worded = t('cli.parse.missingMandatory', { flags: m[1]! }, lang);
      break;
    case 'commander.excessArguments':
      if ((m = /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(text))) {
        const where = m[1] === undefined ? '' : t('cli.parse.excessFor', { name: m[1] }, lang);
        worded = tn('cli.parse.excess', Number(m[2]), { for: where, got: m[3]! }, lang);
      }
      break;
  }
  return `two-fronts: ${worded ?? text}`;
}

/**
 * A commander Command that words its parser errors and its help in `lang`;
 * its subcommands do too.
 */
export class LocalCommand extends Command {
  constructor(
    readonly lang: Lang,
    name?: string,
  ) {
    super(name);
    this.configureHelp(helpIn(lang));
    this.helpOption('-h, --help', t('cli.help.help', {}, lang));
  }

  override createCommand(name?: string): Command {
    return new LocalCommand(this.lang, name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    return super.error(parseErrorIn(message, errorOptions?.code, this.lang), errorOptions);
  }
}
