/**
 * The "why" in plain words: sentences built from the explanation codes of
 * explain.ts, e.g. "Solution Engineering favoured Globex, opportunity 1
 * (Bram), which got 100% of its ask: a bigger account (1.6 × the typical
 * size); Bram lobbied 6 d."
 */
import type { Regime, ScenarioInput } from '../../sim/types';
import type { DepartmentStory, EntryStory, Reason } from '../explain';
import { days, daysShare, euros, list, num, pct, tr, trn } from '../i18n';
import { namesYou, type Names } from './labels';

/** The request's KAMs as a sentence names them: a seat named "You" (or "Jij") is a pronoun, small inside a sentence. */
function kamsOf(story: EntryStory, names: Names): { named: string[]; you: number; kams: string } {
  const named = story.entry.kams.map((k) => names.kam(k));
  const you = named.findIndex(namesYou);
  return { named, you, kams: list(named.map((n, i) => (i === you ? n.toLowerCase() : n))) };
}

export function reasonText(r: Reason, story: EntryStory, regime: Regime, department: string, names: Names): string {
  const dir = r.sign > 0 ? 'up' : 'down';
  // "your" where the seat named "You" owns something.
  const { named, you, kams } = kamsOf(story, names);
  switch (r.code) {
    case 'size':
      return tr(`reason.size.${dir}`, { ratio: num(r.mine / Math.max(1e-9, r.typical), 1) });
    case 'sponsorship':
      return tr(`reason.sponsorship.${dir}`);
    case 'value':
      return tr(`reason.value.${dir}.${regime}`, {
        department,
        mine: euros(r.mine),
        typical: euros(r.typical),
        visible: pct(r.visibility),
      });
    // A joint request has two KAMs: the verb agrees with them ("Bram and Daan lobbied … between them", "Bram en Daan lobbyden").
    case 'lobbying':
      return r.sign > 0 ? trn('reason.lobbying.up', story.entry.kams.length, { kam: kams, days: days(r.lobbyDays) }) : tr('reason.lobbying.down');
    case 'relationship':
      if (r.sign <= 0) return tr('reason.relationship.down', { department });
      if (you >= 0) return named.length === 1 ? tr('reason.relationship.up.you', { department }) : tr('reason.relationship.up.youAnd', { kam: named[1 - you]!, department });
      return trn('reason.relationship.up', named.length, { kam: kams, department });
    case 'noise':
      return tr(`reason.noise.${dir}`);
    case 'priority':
      return tr('reason.priority', { days: days(r.mine) });
    case 'pool':
      return tr('reason.pool', { days: days(r.mine) });
  }
}

/**
 * Reasons one after another, each reading on its own: "a bigger account
 * (1.3 × the typical size); Bram lobbied 6 d". A comma would run into the
 * commas inside a reason ("no board sponsorship (others had it), a smaller
 * account" read as if the others had the smaller account).
 */
export function reasonList(reasons: readonly string[]): string {
  return reasons.join('; ');
}

/** "Engineering favoured Globex, opportunity 1 (Bram), which got 100% of its ask: a bigger account (1.6 × the typical size); Bram lobbied 6 d." */
export function favouredSentence(story: DepartmentStory, input: ScenarioInput, names: Names): string | null {
  const f = story.favoured;
  if (!f) return null;
  const department = names.department(story.department);
  const regime = input.company.regime;
  const reasons = f.reasons.filter((r) => r.sign > 0).slice(0, 3).map((r) => reasonText(r, f, regime, department, names));
  const params = { department, request: names.request(f.entry.request), kam: list(f.entry.kams.map((k) => names.kam(k))), reasons: reasonList(reasons), share: pct(f.fulfilment) };
  if (!story.scarce) return tr('why.enough', params);
  return reasons.length > 0 ? tr('why.favoured', params) : tr('why.favoured.plain', params);
}

export function neglectedSentence(story: DepartmentStory, input: ScenarioInput, names: Names): string | null {
  const n = story.neglected;
  if (!n || !story.scarce) return null;
  const department = names.department(story.department);
  const reasons = n.reasons.filter((r) => r.sign < 0).slice(0, 3).map((r) => reasonText(r, n, input.company.regime, department, names));
  const params = { department, request: names.request(n.entry.request), kam: list(n.entry.kams.map((k) => names.kam(k))), reasons: reasonList(reasons), share: pct(n.fulfilment) };
  return reasons.length > 0 ? tr('why.neglected', params) : tr('why.neglected.plain', params);
}

export function yourSentence(story: EntryStory, department: string, input: ScenarioInput, names: Names): string {
  const written = daysShare(story.entry.received, story.entry.requested);
  const base = tr('why.yours', { request: names.request(story.entry.request), got: written.part, asked: written.whole, share: written.share });
  return [base, whySentence(story, department, input, names)].join(' ');
}

/**
 * What the lobbying behind a request added, whether or not it set the request
 * apart: "You lobbied 10 d here: +0.40 influence, from 1.20 to 1.60 (the
 * score × 1.33). The other KAMs' requests here got +0.22 from lobbying on
 * average." Null when its KAMs did not lobby the department.
 */
export function lobbyingSentence(story: EntryStory, names: Names): string | null {
  const l = story.lobbying;
  if (!l) return null;
  const { kams } = kamsOf(story, names);
  const two = (x: number) => num(x, 2);
  const said = trn('why.lobbying', story.entry.kams.length, { kam: kams, days: days(l.days), added: two(l.added), without: two(l.without), influence: two(l.influence), factor: two(l.factor) });
  const parts = [said.charAt(0).toUpperCase() + said.slice(1)];
  // Lobbying too slight to show in hundredths is said as such, not as "+0.00".
  if (l.others !== null) parts.push(l.others >= 0.005 ? tr('why.lobbying.others', { others: two(l.others) }) : l.others > 0 ? tr('why.lobbying.othersSlight') : tr('why.lobbying.othersNone'));
  return parts.join(' ');
}

/**
 * What helped and what held back one of the player's requests ("Helped by: …; …. Held back by: ….")
 * and what its lobbying added. Where the lobbying is written out, it is not also a reason.
 */
export function whySentence(story: EntryStory, department: string, input: ScenarioInput, names: Names): string {
  const lobbying = lobbyingSentence(story, names);
  const parts: string[] = [];
  if (story.fulfilment >= 0.999) parts.push(tr('why.yours.full'));
  else {
    const regime = input.company.regime;
    const named = story.reasons.filter((r) => !(lobbying && r.code === 'lobbying'));
    const up = named.filter((r) => r.sign > 0).slice(0, 3).map((r) => reasonText(r, story, regime, department, names));
    const down = named.filter((r) => r.sign < 0).slice(0, 3).map((r) => reasonText(r, story, regime, department, names));
    if (up.length > 0) parts.push(tr('why.helped', { reasons: reasonList(up) }));
    if (down.length > 0) parts.push(tr('why.hurt', { reasons: reasonList(down) }));
    if (up.length === 0 && down.length === 0) parts.push(tr('why.typical'));
  }
  if (lobbying) parts.push(lobbying);
  return parts.join(' ');
}
