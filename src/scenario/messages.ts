/**
 * Problems in user files carry a message code and its parameters, so every
 * face of the product can word them in the reader's language: the command
 * line prints English, the game shows the language the player chose. Zod
 * checks can only return a string, so a check's message is the code and its
 * parameters packed into one string, unpacked when issues are collected.
 */
import { has, locale, t, type Lang, type Params } from '../i18n/index.js';

const MARK = '\u0000issue:';

export interface Coded {
  code: string;
  params: Params;
}

/** A check message that carries a code and parameters. */
export function coded(code: string, params: Params = {}): string {
  return MARK + JSON.stringify({ code, params });
}

export function uncode(message: string): Coded | null {
  if (!message.startsWith(MARK)) return null;
  try {
    return JSON.parse(message.slice(MARK.length)) as Coded;
  } catch {
    return null;
  }
}

/**
 * Messages whose `min` and `max` are limits of a value in the file: written
 * as the file takes them (a decimal point, no separators) in every language,
 * so "at most 0.999" can be copied in as it stands. Other numbers (counts,
 * sizes, the percentage a trainer wrote) are written in the reader's own way.
 */
const LIMITS: ReadonlySet<string> = new Set(['number.min', 'number.max', 'number.max-percent']);

/**
 * Parameters may name other messages (a unit, a kind of thing) as `@key`, or
 * several as `@a|@b`; they are worded in the same language. A parameter made
 * with `coded` is a whole problem of its own (what a changed scenario would
 * break), worded in the same language too. Any other value (a key or a
 * character from the file, even one starting with @) is shown as is.
 */
export function word(code: string, params: Params, lang: Lang): string {
  const resolved: Record<string, string | number> = {};
  const asInFile = LIMITS.has(code);
  for (const [k, v] of Object.entries(params)) {
    const inner = typeof v === 'string' ? uncode(v) : null;
    if (inner) resolved[k] = word(inner.code, inner.params, lang);
    else if (typeof v === 'number' && asInFile && (k === 'min' || k === 'max')) resolved[k] = v === 0 ? '0' : String(v);
    else if (typeof v === 'number') resolved[k] = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 6 }).format(v);
    else if (v.split('|').every((x) => x.startsWith('@') && has(x.slice(1)))) resolved[k] = v.split('|').map((x) => t(x.slice(1), {}, lang)).join(' / ');
    else resolved[k] = v;
  }
  if (typeof resolved.what === 'string' && resolved.what !== '') resolved.what = ` (${resolved.what})`;
  return t(`issue.${code}`, resolved, lang);
}

/**
 * The option whose shown name (a persona's or regime's, as the game and
 * `run --lang nl` show it, in any language) is `written`: "zwaargewicht"
 * is heavyweight. Undefined when none is.
 */
export function optionNamed(written: string, options: readonly string[]): string | undefined {
  const w = written.trim().toLowerCase();
  for (const o of options)
    for (const family of ['persona', 'regime'])
      for (const lang of ['en', 'nl'] as const) if (has(`${family}.${o}`, lang) && t(`${family}.${o}`, {}, lang).toLowerCase() === w) return o;
  return undefined;
}
