/**
 * The language of a command's words, from `--lang` (default en), and the
 * command line's messages (`cli.*` in src/i18n/cli.*.ts), registered when
 * this module loads: the command line takes t and tn from here.
 */
import { LANGUAGES, register, type Lang } from '../i18n/index.js';
import { en } from '../i18n/cli.en.js';
import { nl } from '../i18n/cli.nl.js';
import { FileError } from '../scenario/document.js';
import { UsageError } from './errors.js';

register(en, nl);

export { t, tn, type Lang } from '../i18n/index.js';
import { t } from '../i18n/index.js';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'en';
  const lang = LANGUAGES.find((l) => l === value.trim().toLowerCase());
  if (!lang) throw new UsageError(t('cli.lang.invalid', { choices: LANGUAGES.join(', '), value }));
  return lang;
}

/** What `read` gives; the problems it finds in a file are to be worded in `lang`. */
export function readIn<T>(lang: Lang, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof FileError) throw new FileError(e.issues, lang);
    throw e;
  }
}
