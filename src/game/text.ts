/**
 * Scenario text in the player's language. Scenario files give text as a plain
 * string or one string per language; the game shows it only as text nodes.
 * Same rule as the loader's `textIn`: the wanted language, else English, else
 * whatever is there.
 */
import type { Lang } from '../i18n/index';

/** A text in the language, falling back to the other where it is missing or blank (the loader's rule). */
export { textIn as textOf } from '../scenario/resolve';

export function listOf(list: readonly string[] | Readonly<Record<string, readonly string[] | undefined>> | undefined, lang: Lang): string[] {
  if (!list) return [];
  if (Array.isArray(list)) return [...(list as readonly string[])];
  const byLang = list as Readonly<Record<string, readonly string[] | undefined>>;
  return [...(byLang[lang] ?? byLang.en ?? byLang.nl ?? Object.values(byLang)[0] ?? [])];
}

/** Paragraphs of a briefing: blocks separated by blank lines, inner line breaks joined. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}
