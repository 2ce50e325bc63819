/**
 * Why a department divided its capacity as it did, from the engine's
 * allocation breakdown. A request's contest score is the product
 * size × sponsorship × value × influence × noise, so each factor's share of
 * the difference between two requests is the log of its ratio. The story of a
 * department names the request it favoured most and the factors that lifted
 * it above the department's average request, and for each of the player's
 * requests the factors that helped or hurt, and what its lobbying added to
 * its influence (a reason only says how it compared with the average
 * request, and is left out when it moved the score by less than ~8 %, so a
 * KAM who lobbied about as much as the others would never see their days
 * named). Reasons are codes with numbers;
 * the panel words them in the player's language.
 * Pure: engine types only.
 */
import type { AllocationEntry, DepartmentAllocation, Regime } from '../sim/types';

export type ReasonCode =
  | 'size'
  | 'sponsorship'
  | 'value'
  | 'lobbying'
  | 'relationship'
  | 'noise'
  | 'priority'
  | 'pool';

export interface Reason {
  code: ReasonCode;
  /** +1 helped, −1 hurt. */
  sign: 1 | -1;
  /** How much it moved the score (|log ratio|), to order reasons. */
  weight: number;
  /** For wording: the request's figure and the department's average. */
  mine: number;
  typical: number;
  /** Lobbying days behind the request (lobbying reasons). */
  lobbyDays: number;
  /** Share of the strategic upside made visible (value reasons under regimes that count it). */
  visibility: number;
}

export interface EntryStory {
  entry: AllocationEntry;
  /** received / requested. */
  fulfilment: number;
  reasons: Reason[];
  /** What the lobbying behind the request added, when its KAMs lobbied the department. */
  lobbying: LobbyingEffect | null;
}

/**
 * What lobbying added to one request, in absolute terms (the reasons only
 * compare it with the department's average request). Influence is
 * base + lobbying + relationship and the score is proportional to it, so
 * without the lobbying the score would have been influence − lobbying over
 * influence of what it was, every other factor the same.
 */
export interface LobbyingEffect {
  /** Days the request's KAMs lobbied the department (both of a joint request's). */
  days: number;
  /** What they added to the request's influence. */
  added: number;
  influence: number;
  /** The request's influence without the lobbying. */
  without: number;
  /** influence / without: how much the lobbying multiplied the request's score. */
  factor: number;
  /** The average added by lobbying to the requests of KAMs not behind this one; null when there are none. */
  others: number | null;
}

export function lobbyingEffect(entry: AllocationEntry, all: readonly AllocationEntry[]): LobbyingEffect | null {
  const f = entry.factors;
  if (!(f.lobbyDays > 0)) return null;
  const without = f.influence - f.lobbying;
  const rivals = all.filter((e) => !e.kams.some((k) => entry.kams.includes(k)));
  return {
    days: f.lobbyDays,
    added: f.lobbying,
    influence: f.influence,
    without,
    factor: without > 0 ? f.influence / without : 1,
    others: rivals.length > 0 ? mean(rivals.map((e) => e.factors.lobbying)) : null,
  };
}

export interface DepartmentStory {
  department: string;
  capacity: number;
  demand: number;
  allocated: number;
  /** Demand exceeded capacity: someone did not get all they asked. */
  scarce: boolean;
  /** The request the department served best (the highest fulfilment, then the most days). */
  favoured: EntryStory | null;
  /** The request it served worst, when it differs from the favoured one. */
  neglected: EntryStory | null;
  /** Every request of the given seat, in the department's order. */
  yours: EntryStory[];
}

const SMALL = 0.08; // a factor that moves the score by less than ~8 % is not worth naming

function geoMean(xs: number[]): number {
  const ok = xs.filter((x) => x > 0 && Number.isFinite(x));
  if (ok.length === 0) return 1;
  return Math.exp(ok.reduce((s, x) => s + Math.log(x), 0) / ok.length);
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Does the regime's value count the strategic upside a business case makes visible? */
export function valueSeesUpside(regime: Regime): boolean {
  return regime === 'account-pnl' || regime === 'matrix';
}

/** The reasons behind one entry compared with the department's typical request. */
export function reasonsFor(entry: AllocationEntry, all: readonly AllocationEntry[], regime: Regime): Reason[] {
  const f = entry.factors;
  const perDay = (e: AllocationEntry) => (e.requested > 0 ? e.factors.value / e.requested : 0);
  const typical = {
    size: geoMean(all.map((e) => e.factors.size)),
    sponsorship: geoMean(all.map((e) => e.factors.sponsorship)),
    value: geoMean(all.map(perDay)),
    noise: geoMean(all.map((e) => e.factors.noise)),
    lobbying: mean(all.map((e) => e.factors.lobbying)),
    relationship: mean(all.map((e) => e.factors.relationship)),
  };
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, logRatio: number, mine: number, typ: number) => {
    if (!Number.isFinite(logRatio) || Math.abs(logRatio) < SMALL) return;
    reasons.push({ code, sign: logRatio > 0 ? 1 : -1, weight: Math.abs(logRatio), mine, typical: typ, lobbyDays: entry.factors.lobbyDays, visibility: f.visibility });
  };
  add('size', Math.log(f.size / typical.size), f.size, typical.size);
  add('sponsorship', Math.log(f.sponsorship / typical.sponsorship), f.sponsorship, typical.sponsorship);
  if (regime !== 'utilization') add('value', Math.log(perDay(entry) / typical.value), perDay(entry), typical.value);
  // Influence is base + lobbying + relationship: each part measured against the typical request, the other part held typical.
  const base = f.influence - f.lobbying - f.relationship;
  const typicalInfluence = base + typical.lobbying + typical.relationship;
  if (typicalInfluence > 0) {
    add('lobbying', Math.log((base + f.lobbying + typical.relationship) / typicalInfluence), f.lobbying, typical.lobbying);
    add('relationship', Math.log((base + typical.lobbying + f.relationship) / typicalInfluence), f.relationship, typical.relationship);
  }
  add('noise', Math.log(f.noise / typical.noise), f.noise, typical.noise);
  const reserved = (x: number) => (entry.requested > 0 ? x / entry.requested : 0);
  if (entry.byChannel.priority > 0) reasons.push({ code: 'priority', sign: 1, weight: 10 + reserved(entry.byChannel.priority), mine: entry.byChannel.priority, typical: 0, lobbyDays: f.lobbyDays, visibility: f.visibility });
  if (entry.byChannel.pool > 0) reasons.push({ code: 'pool', sign: 1, weight: 10 + reserved(entry.byChannel.pool), mine: entry.byChannel.pool, typical: 0, lobbyDays: f.lobbyDays, visibility: f.visibility });
  return reasons.sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
}

function story(entry: AllocationEntry, all: readonly AllocationEntry[], regime: Regime): EntryStory {
  return { entry, fulfilment: entry.requested > 0 ? entry.received / entry.requested : 0, reasons: reasonsFor(entry, all, regime), lobbying: lobbyingEffect(entry, all) };
}

export function departmentStory(alloc: DepartmentAllocation, regime: Regime, seat: string): DepartmentStory {
  const entries = alloc.entries;
  const scarce = alloc.demand > alloc.capacity + 1e-9;
  let favoured: EntryStory | null = null;
  let neglected: EntryStory | null = null;
  if (entries.length > 0) {
    const ranked = entries
      .map((e, i) => ({ e, i, f: e.requested > 0 ? e.received / e.requested : 0 }))
      .sort((a, b) => b.f - a.f || b.e.received - a.e.received || a.i - b.i);
    favoured = story(ranked[0]!.e, entries, regime);
    const last = ranked[ranked.length - 1]!;
    if (ranked.length > 1 && last.f < ranked[0]!.f - 1e-6) neglected = story(last.e, entries, regime);
  }
  return {
    department: alloc.department,
    capacity: alloc.capacity,
    demand: alloc.demand,
    allocated: alloc.allocated,
    scarce,
    favoured,
    neglected,
    yours: entries.filter((e) => e.kams.includes(seat)).map((e) => story(e, entries, regime)),
  };
}

export interface QuarterStory {
  quarter: number;
  department: string;
  story: EntryStory;
}

/**
 * The seat's requests over the whole game that got the smallest share of
 * what they asked (then the most days missing, then the earliest quarter),
 * each with the story the quarter screen told about it.
 */
export function leastServed(
  history: readonly { quarter: number; allocations: readonly DepartmentAllocation[] }[],
  regime: Regime,
  seat: string,
  count = 3,
): QuarterStory[] {
  const all: QuarterStory[] = [];
  for (const record of history) {
    for (const alloc of record.allocations) {
      for (const story of departmentStory(alloc, regime, seat).yours) {
        if (story.entry.requested > 0) all.push({ quarter: record.quarter, department: alloc.department, story });
      }
    }
  }
  const missing = (x: QuarterStory) => x.story.entry.requested - x.story.entry.received;
  return all.sort((a, b) => a.story.fulfilment - b.story.fulfilment || missing(b) - missing(a) || a.quarter - b.quarter).slice(0, count);
}

/** Capacity asked and received per KAM over all departments (a joint request counts half for each partner). */
export function kamTotals(allocations: readonly DepartmentAllocation[], kams: readonly string[]): { kam: string; requested: number; received: number; fulfilment: number }[] {
  const req = new Map(kams.map((k) => [k, 0]));
  const rec = new Map(kams.map((k) => [k, 0]));
  for (const a of allocations) {
    for (const e of a.entries) {
      const w = 1 / Math.max(1, e.kams.length);
      for (const k of e.kams) {
        req.set(k, (req.get(k) ?? 0) + e.requested * w);
        rec.set(k, (rec.get(k) ?? 0) + e.received * w);
      }
    }
  }
  return kams.map((kam) => {
    const r = req.get(kam) ?? 0;
    const g = rec.get(kam) ?? 0;
    return { kam, requested: r, received: g, fulfilment: r > 0 ? g / r : 0 };
  });
}
