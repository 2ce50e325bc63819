/**
 * Warnings, not errors: what a scenario file may say but probably does not
 * mean. Reported for valid files only, without making them invalid.
 * - A text in one language in an otherwise bilingual file: `{ en: … }`
 *   without `nl` shows English to Dutch players (and the other way round).
 *   Plain strings are the same in both languages by design (names, mostly),
 *   and a file that never uses `nl` (or never `en`) is monolingual on purpose.
 * - More than one `control: player` seat: the game seats one person, at the
 *   first, and plays the others by their personas.
 * - The seat the person plays (the first player seat, else the first KAM)
 *   with no accounts: there would be nothing to plan for.
 * - An account with wallet 0 and no maxWallet: it can never spend anything.
 * - Company settings no regime of the file uses, neither its own nor one its
 *   debrief replays: matrixWeight outside the matrix, sponsorship where the
 *   board sponsors no one.
 * - What reading noticed (SourceDocument.notes): a plain text cut short by a
 *   # meant as part of it.
 * Imports only src/scenario and src/i18n.
 */
import { formatPath, issueAt, type FileIssue, type PathSegment, type SourceDocument } from './document.js';

const LANGS = ['en', 'nl'] as const;

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** A `{ en, nl }` text (or list of texts): an object whose keys are languages only. */
function isLocalized(x: unknown): x is Partial<Record<(typeof LANGS)[number], unknown>> {
  if (!isRecord(x)) return false;
  const keys = Object.keys(x);
  return keys.length > 0 && keys.every((k) => (LANGS as readonly string[]).includes(k));
}

export function languageGaps(doc: SourceDocument): FileIssue[] {
  const texts: { path: PathSegment[]; has: Set<string> }[] = [];
  const walk = (v: unknown, path: PathSegment[], depth: number) => {
    if (depth > 12) return;
    if (isLocalized(v)) {
      // A blank text counts as missing: the other language is shown in its place.
      const given = (x: unknown) => x !== undefined && x !== null && !(typeof x === 'string' && x.trim() === '') && !(Array.isArray(x) && x.length === 0);
      texts.push({ path, has: new Set(Object.keys(v).filter((k) => given(v[k as 'en' | 'nl']))) });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], depth + 1));
    else if (isRecord(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
  };
  walk(doc.value, [], 0);
  const used = new Set(texts.flatMap((t) => [...t.has]));
  const out: FileIssue[] = [];
  for (const t of texts) {
    for (const lang of LANGS) {
      if (!used.has(lang) || t.has.has(lang)) continue;
      const other = LANGS.find((l) => l !== lang)!;
      if (!t.has.has(other)) continue;
      const { line, col } = doc.positionOf(t.path);
      out.push(issueAt(doc.file, line, col, `language.missing-${lang}`, {}, formatPath(t.path)));
    }
  }
  return out;
}

/** Player seats after the first: the game plays them by their personas. */
export function extraPlayerSeats(doc: SourceDocument): FileIssue[] {
  const kams = (doc.value as { kams?: unknown } | null)?.kams;
  if (!Array.isArray(kams)) return [];
  const out: FileIssue[] = [];
  let first: string | undefined;
  kams.forEach((k: unknown, i) => {
    if (!isRecord(k) || k.control !== 'player') return;
    const id = typeof k.id === 'string' ? k.id : `kams[${i}]`;
    if (first === undefined) {
      first = id;
      return;
    }
    const { line, col } = doc.positionOf(['kams', i, 'control']);
    out.push(issueAt(doc.file, line, col, 'kam.second-player', { kam: first }, formatPath(['kams', i, 'control'])));
  });
  return out;
}

/** The person's seat (the first player seat, or the first KAM where none is) with an empty account list. */
export function emptyPlayerSeat(doc: SourceDocument): FileIssue[] {
  const kams = (doc.value as { kams?: unknown } | null)?.kams;
  if (!Array.isArray(kams) || kams.length === 0) return [];
  const first = kams.findIndex((k: unknown) => isRecord(k) && k.control === 'player');
  const i = first >= 0 ? first : 0;
  const k: unknown = kams[i];
  if (!isRecord(k) || !Array.isArray(k.accounts) || k.accounts.length > 0) return [];
  const { line, col } = doc.positionOf(['kams', i, 'accounts']);
  return [issueAt(doc.file, line, col, 'kam.player-no-accounts', { kam: typeof k.id === 'string' ? k.id : `kams[${i}]` }, formatPath(['kams', i, 'accounts']))];
}

/**
 * Accounts with no wallet and no ceiling: maxWallet defaults to wallet ×
 * walletCap, so an account at wallet 0 without maxWallet can never spend
 * anything. Meant, perhaps, as a prospect: that needs a maxWallet.
 */
export function walletlessAccounts(doc: SourceDocument): FileIssue[] {
  const accounts = (doc.value as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(accounts)) return [];
  const out: FileIssue[] = [];
  accounts.forEach((a: unknown, i) => {
    if (!isRecord(a) || a.wallet !== 0 || (typeof a.maxWallet === 'number' && a.maxWallet > 0)) return;
    const { line, col } = doc.positionOf(['accounts', i, 'wallet']);
    out.push(issueAt(doc.file, line, col, 'account.no-wallet', {}, formatPath(['accounts', i, 'wallet'])));
  });
  return out;
}

/**
 * Company settings that neither the file's regime nor any regime its debrief
 * replays uses: `matrixWeight` counts only under the matrix, `sponsorship`
 * only where the board sponsors accounts (exec-sponsored, or account plans
 * at the board). An experiment may still vary the regime; the warning says
 * what the file itself plays.
 */
export function idleCompanySettings(doc: SourceDocument): FileIssue[] {
  const v = doc.value as { company?: unknown; debrief?: unknown } | null;
  if (!isRecord(v?.company)) return [];
  const company = v.company;
  const regime = typeof company.regime === 'string' ? company.regime : 'departmental-pnl';
  const compare = isRecord(v.debrief) && Array.isArray(v.debrief.compareRegimes) ? v.debrief.compareRegimes : [];
  const played = [regime, ...compare];
  const out: FileIssue[] = [];
  const warn = (key: string, code: string) => {
    const { line, col } = doc.positionOf(['company', key]);
    out.push(issueAt(doc.file, line, col, code, { regime }, formatPath(['company', key])));
  };
  if (company.matrixWeight !== undefined && !played.includes('matrix')) warn('matrixWeight', 'company.idle-matrix-weight');
  const boardPlans = isRecord(company.interventions) && company.interventions.boardAccountPlans === true;
  if (company.sponsorship !== undefined && !boardPlans && !played.includes('exec-sponsored')) warn('sponsorship', 'company.idle-sponsorship');
  return out;
}

/** Every warning of a valid scenario file, in file order. */
export function scenarioWarnings(doc: SourceDocument): FileIssue[] {
  return [...(doc.notes ?? []), ...extraPlayerSeats(doc), ...emptyPlayerSeat(doc), ...walletlessAccounts(doc), ...idleCompanySettings(doc), ...languageGaps(doc)].sort((a, b) => a.line - b.line || a.col - b.col);
}
