/** The language of a command's words, from `--lang` (default en). */
import { LANGUAGES, type Lang } from '../i18n/index.js';
import { UsageError } from './errors.js';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'en';
  const lang = LANGUAGES.find((l) => l === value.trim().toLowerCase());
  if (!lang) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not "${value}"`);
  return lang;
}
