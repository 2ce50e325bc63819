/**
 * Message lookup for every user-facing string, in English and Dutch.
 * Catalogues are flat maps from a key to a template with {name} placeholders;
 * each area of the product keeps its own catalogue file pair (en/nl), merged
 * here. A key missing in Dutch falls back to English; a key missing in both
 * is a bug that tests catch (see test/i18n). Numbers and money are formatted
 * with Intl for the language. Imports nothing outside src/i18n.
 */
import { en as coreEn } from './core.en.js';
import { nl as coreNl } from './core.nl.js';
import { en as issuesEn } from './issues.en.js';
import { nl as issuesNl } from './issues.nl.js';

export const LANGUAGES = ['en', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Catalogue = Readonly<Record<string, string>>;
export type Params = Readonly<Record<string, string | number>>;

const catalogues: Record<Lang, Record<string, string>> = { en: { ...coreEn, ...issuesEn }, nl: { ...coreNl, ...issuesNl } };

/** Adds an area's messages (called once per area at module load). */
export function register(en: Catalogue, nl: Catalogue): void {
  Object.assign(catalogues.en, en);
  Object.assign(catalogues.nl, nl);
}

export function has(key: string, lang: Lang = 'en'): boolean {
  return key in catalogues[lang];
}

export function keys(lang: Lang): string[] {
  return Object.keys(catalogues[lang]).sort();
}

/** The message for `key` in `lang` with {placeholders} filled; the key itself if it is unknown. */
export function t(key: string, params: Params = {}, lang: Lang = 'en'): string {
  const template = catalogues[lang][key] ?? catalogues.en[key];
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

/**
 * The plural form of `key` for `count`: the message `key.one`, `key.other`
 * (any category Intl.PluralRules gives for the language; `key.other` when the
 * catalogue has no message for it), with {count} filled in.
 */
export function tn(key: string, count: number, params: Params = {}, lang: Lang = 'en'): string {
  const form = `${key}.${new Intl.PluralRules(LOCALES[lang]).select(count)}`;
  return t(has(form, lang) || has(form, 'en') ? form : `${key}.other`, { count, ...params }, lang);
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

export function locale(lang: Lang): string {
  return LOCALES[lang];
}

export function formatNumber(x: number, lang: Lang, digits?: number): string {
  const maximumFractionDigits = digits ?? (Math.abs(x) >= 100 || Number.isInteger(x) ? 0 : 2);
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits, minimumFractionDigits: digits ?? 0 }).format(x);
}

/** Money in k€ as the scenarios count it. */
export function formatMoney(kEuro: number, lang: Lang): string {
  return `${new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(kEuro)}k`;
}

export function formatPercent(share: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: digits }).format(share);
}
