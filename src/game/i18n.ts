/**
 * The game's side of the message catalogues: registers the game's messages,
 * keeps the current language, and formats numbers, money, shares and days for
 * it with Intl. `<html lang>` and the document title follow the language.
 */
import { formatMoney, formatNumber, formatPercent, locale, register, t, tn, type Lang, type Params } from '../i18n/index';
import { en } from '../i18n/game.en';
import { nl } from '../i18n/game.nl';

register(en, nl);

let current: Lang = 'en';

export function language(): Lang {
  return current;
}

export function setLanguage(lang: Lang): void {
  current = lang;
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    document.title = t('game.documentTitle', {}, lang);
  }
}

export function tr(key: string, params: Params = {}): string {
  return t(key, params, current);
}

/** The plural form of `key` for `count` (messages `key.one`, `key.other`), with {count} filled. */
export function trn(key: string, count: number, params: Params = {}): string {
  return tn(key, count, params, current);
}

/**
 * A word joiner (U+2060, invisible): a line may break between a sign and a
 * currency symbol ("+" and "€ 475k"), never at this character.
 */
const JOIN = '\u2060';

/**
 * A signed amount: the sign (+, or the minus sign U+2212), a word joiner and
 * the amount. One way for every loss on screen in both languages ("−€12k",
 * "−€ 12k"), where Intl would write "-€12k" in English and "€ -12k" in Dutch.
 */
function signed(sign: string, amount: string): string {
  return sign + JOIN + amount;
}

/** Money in k€; a loss is written as moneyDelta writes it, its sign on the line of the amount. */
export function money(kEuro: number): string {
  const k = Math.abs(kEuro) < 0.5 ? 0 : kEuro;
  const amount = formatMoney(Math.abs(k), current);
  return k < 0 ? signed('−', amount) : amount;
}

/** A change of money with its sign always shown, the sign kept on the line of the amount. */
export function moneyDelta(kEuro: number): string {
  const s = money(Math.abs(kEuro));
  if (Math.abs(kEuro) < 0.5) return s;
  return signed(kEuro > 0 ? '+' : '−', s);
}

export function num(x: number, digits?: number): string {
  return formatNumber(x, current, digits);
}

export function pct(share: number, digits = 0): string {
  return formatPercent(share, current, digits);
}

/** Whole points (of a percentage or an index read from 0 to 100), "1 pt" or "3 pts", `value` written as given. */
export function points(count: number, value: string = formatNumber(count, current, 0)): string {
  return tr(Math.abs(count) === 1 ? 'unit.point' : 'unit.points', { value });
}

/** A change of a share in percentage points, signed. */
export function pointsDelta(share: number): string {
  const p = Math.round(share * 100);
  return points(p, `${p > 0 ? '+' : p < 0 ? '−' : '±'}${formatNumber(Math.abs(p), current, 0)}`);
}

/** A place in a ranking: "2nd" ("2e" in Dutch). */
export function ordinal(n: number): string {
  return tr(`unit.ordinal.${new Intl.PluralRules(locale(current), { type: 'ordinal' }).select(n)}`, { n });
}

/** Expert-days or KAM days: one decimal below ten, whole days above. */
export function days(x: number): string {
  const r = Math.abs(x) < 10 ? Math.round(x * 10) / 10 : Math.round(x);
  return tr('unit.days', { value: formatNumber(r, current, Math.abs(x) < 10 && !Number.isInteger(r) ? 1 : 0) });
}

/** Days rounded to `decimals` places, written with no more decimals than they have. */
function daysTo(x: number, decimals: number): { value: number; text: string } {
  const value = Math.round(x * 10 ** decimals) / 10 ** decimals;
  let shown = 0;
  while (shown < decimals && Math.abs(value * 10 ** shown - Math.round(value * 10 ** shown)) > 1e-9) shown++;
  return { value, text: tr('unit.days', { value: formatNumber(value, current, shown) }) };
}

/**
 * Days received of days asked and the share between them, written so that
 * they agree as written: "10 d of 12 d (84%)" reads as 83 %, so the days take
 * a decimal more (10.4 d of 12.4 d) until the share of the days as written is
 * the share shown. At two decimals, as the plan's day fields write days, the
 * share shown is that of the days as written.
 */
export function daysShare(part: number, whole: number): { part: string; whole: string; share: string } {
  const share = pct(whole > 0 ? part / whole : 0);
  // As days() writes days (a decimal below ten), then one decimal, then two.
  const decimals = [(x: number) => (Math.abs(x) < 10 ? 1 : 0), () => 1, () => 2];
  let written = { part: '', whole: '', share: '' };
  for (const places of decimals) {
    const p = daysTo(part, places(part));
    const w = daysTo(whole, places(whole));
    written = { part: p.text, whole: w.text, share: pct(w.value > 0 ? p.value / w.value : 0) };
    if (written.share === share) break;
  }
  return written;
}

/**
 * Days as a plan's day field shows them, to two decimals: a need or an ask
 * written beside its field, so the words never say "needs 4 d" of a field
 * holding 4.03 (days() rounds to tenths, or whole days from ten on).
 */
export function fieldDays(x: number): string {
  return tr('unit.days', { value: formatNumber(Math.round(x * 100) / 100, current) });
}

/** "a, b and c" in the language. */
export function list(items: readonly string[]): string {
  return new Intl.ListFormat(locale(current), { type: 'conjunction' }).format(items);
}

export function dateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale(current), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Money in whole euros (for small amounts such as a day's price, k€ × 1000). */
export function euros(kEuro: number): string {
  const whole = Math.round(kEuro * 1000);
  const amount = new Intl.NumberFormat(locale(current), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Math.abs(whole));
  return whole < 0 ? signed('−', amount) : amount;
}
