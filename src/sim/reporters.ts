/**
 * The reporters: named functions over a quarter's data, declared apart from the
 * model. The game's charts, the CSV columns and the tests all read these, under
 * the names MODEL.md fixes. Per-entity reporters (`departmentPnl.<dept>`, ...)
 * expand to one name per department, account or KAM, in scenario order.
 * Imports only src/sim.
 */
import { alignmentIndex, jointProposalShare, lobbyingShare, SEVEN_S, servedAccounts, sevenS } from './alignment.js';
import type { QuarterData } from './quarter-data.js';
import { gini } from './stats.js';
import type { QuarterRecord, ScenarioInput } from './types.js';

export interface ReporterSpec {
  name: string;
  unit: string;
  doc: string;
  /** 'company' reporters are one number; the others expand per entity. */
  per: 'company' | 'department' | 'account' | 'kam';
  /** How a run sums it up over quarters: `sum` adds (money flows), `last` keeps the final value, `mean` averages. */
  cumulative: 'sum' | 'last' | 'mean';
}

export const REPORTERS: readonly ReporterSpec[] = [
  { name: 'companyProfit', unit: 'k€', per: 'company', cumulative: 'sum', doc: 'Σ revenue × margin − capacity cost − KAM time − lobbying overhead − measurement − fixed cost.' },
  { name: 'companyRevenue', unit: 'k€', per: 'company', cumulative: 'sum', doc: 'Revenue of all living accounts: wallet × share of wallet + delivered projects.' },
  { name: 'satisfactionMean', unit: '0..1', per: 'company', cumulative: 'mean', doc: 'Mean satisfaction, after the quarter, of the accounts alive at its start.' },
  { name: 'churnedAccounts', unit: 'accounts', per: 'company', cumulative: 'last', doc: 'Accounts lost so far (cumulative).' },
  { name: 'fulfilmentMean', unit: '0..1', per: 'company', cumulative: 'mean', doc: 'Mean over accounts of capacity received / capacity their opportunities needed.' },
  { name: 'fulfilmentGini', unit: '0..1', per: 'company', cumulative: 'mean', doc: 'Gini coefficient of fulfilment ratios across accounts.' },
  { name: 'strategicGap', unit: '−1..1', per: 'company', cumulative: 'mean', doc: 'Mean fulfilment of the top third of accounts by strategic growth potential minus that of the rest.' },
  { name: 'misallocation', unit: '0..1', per: 'company', cumulative: 'mean', doc: 'Σ |capacity share − true lifetime-value share| / 2 across accounts.' },
  { name: 'lobbyingShare', unit: '0..1', per: 'company', cumulative: 'mean', doc: 'Share of all KAM time spent lobbying.' },
  { name: 'jointProposalShare', unit: '0..1', per: 'company', cumulative: 'mean', doc: 'Share of pursued opportunities delivered through a joint proposal.' },
  { name: 'influenceCost', unit: 'k€', per: 'company', cumulative: 'sum', doc: "Cost of lobbying: each lobbying day's KAM cost plus the heads' time it absorbs (kamDayCost + lobbyingOverhead per day). With the scenario's costs and time budgets fixed it moves in step with lobbyingShare." },
  { name: 'alignmentIndex', unit: '0..1', per: 'company', cumulative: 'last', doc: '7S internal alignment: mean − λ·sd of the seven elements.' },
  ...SEVEN_S.map(
    (s): ReporterSpec => ({ name: `align.${s}`, unit: '0..1', per: 'company', cumulative: 'last', doc: `7S element "${s}" (see docs/MODEL.md).` }),
  ),
  { name: 'departmentPnl', unit: 'k€', per: 'department', cumulative: 'sum', doc: 'Department P&L: transfer revenue + margin credit − capacity cost − lobbying overhead.' },
  { name: 'accountRevenue', unit: 'k€', per: 'account', cumulative: 'sum', doc: 'Revenue of the account this quarter.' },
  { name: 'kamScore', unit: 'k€', per: 'kam', cumulative: 'sum', doc: "P&L of the KAM's own accounts this quarter." },
];

/** Position of lobbyingShare among the values (what personas observe next quarter). */
export const LOBBYING_SHARE = REPORTERS.findIndex((r) => r.name === 'lobbyingShare');

/** Every reporter name for a scenario, in the canonical order (columns of quarters.csv). */
export function reporterNames(scenario: ScenarioInput): string[] {
  const out: string[] = [];
  for (const r of REPORTERS) {
    if (r.per === 'company') out.push(r.name);
    else if (r.per === 'department') for (const d of scenario.departments) out.push(`${r.name}.${d.id}`);
    else if (r.per === 'account') for (const a of scenario.accounts) out.push(`${r.name}.${a.id}`);
    else for (const k of scenario.kams) out.push(`${r.name}.${k.id}`);
  }
  return out;
}

/** The spec behind a (possibly per-entity) reporter name. */
export function reporterSpec(name: string): ReporterSpec | undefined {
  const base = name.startsWith('align.') ? name : name.split('.')[0]!;
  return REPORTERS.find((r) => r.name === base);
}

/** A quarter's reporters as name → value. */
export function reportersOf(scenario: ScenarioInput, record: QuarterRecord): Record<string, number> {
  const names = reporterNames(scenario);
  const out: Record<string, number> = {};
  names.forEach((n, i) => (out[n] = record.values[i]!));
  return out;
}

/** One reporter's series over a run's history. */
export function series(scenario: ScenarioInput, history: readonly QuarterRecord[], name: string): number[] {
  const i = reporterNames(scenario).indexOf(name);
  if (i < 0) throw new RangeError(`no reporter named "${name}"`);
  return history.map((r) => r.values[i]!);
}

/** Mean fulfilment of the served accounts in the top third by strategic growth potential minus that of the rest. */
function strategicGap(d: QuarterData, served: number): number {
  if (served < 2) return 0;
  const top = Math.ceil(served / 3);
  let hi = 0;
  let lo = 0;
  let k = 0;
  for (const ai of d.world.byGrowth) {
    if (!d.before.alive[ai] || !(d.needed[ai]! > 0)) continue;
    const f = d.received[ai]! / d.needed[ai]!;
    if (k < top) hi += f;
    else lo += f;
    k++;
  }
  return k > top ? hi / top - lo / (k - top) : 0;
}

function misallocation(d: QuarterData): number {
  let cap = 0;
  let val = 0;
  const A = d.needed.length;
  for (let ai = 0; ai < A; ai++) {
    if (!d.before.alive[ai]) continue;
    cap += d.delivered[ai]!;
    val += Math.max(0, d.trueValue[ai]!);
  }
  if (cap <= 0 || val <= 0) return 0;
  let s = 0;
  for (let ai = 0; ai < A; ai++) {
    if (d.before.alive[ai]) s += Math.abs(d.delivered[ai]! / cap - Math.max(0, d.trueValue[ai]!) / val);
  }
  return s / 2;
}

/** Position of the first 7S element among the values. */
const FIRST_ELEMENT = REPORTERS.findIndex((r) => r.name === `align.${SEVEN_S[0]}`);

/** All reporters of one quarter, in canonical order. */
export function measure(d: QuarterData): number[] {
  const sc = d.world.scratch;
  const A = d.needed.length;
  const served = sc.iw(A);
  const n = servedAccounts(d, served);
  const ratios = sc.fw(n);
  let fulfilment = 0;
  for (let i = 0; i < n; i++) {
    ratios[i] = d.received[served[i]!]! / d.needed[served[i]!]!;
    fulfilment += ratios[i]!;
  }
  const out: number[] = new Array<number>(d.world.reporterNames.length);
  const elements = sc.fw(SEVEN_S.length);
  sevenS(d, served, ratios, n, elements);
  let satisfaction = 0;
  let alive = 0;
  let churned = 0;
  for (let ai = 0; ai < A; ai++) {
    if (d.before.alive[ai]) {
      satisfaction += d.after.satisfaction[ai]!;
      alive++;
    }
    if (!d.after.alive[ai]) churned++;
  }
  out[0] = d.companyProfit;
  out[1] = d.companyRevenue;
  out[2] = alive > 0 ? satisfaction / alive : 0;
  out[3] = churned;
  out[4] = n > 0 ? fulfilment / n : 0;
  out[5] = gini(ratios);
  out[6] = strategicGap(d, n);
  out[7] = misallocation(d);
  out[8] = lobbyingShare(d);
  out[9] = jointProposalShare(d);
  out[10] = d.influenceCost;
  let x = FIRST_ELEMENT;
  out[11] = alignmentIndex(elements, d.world.model.alignmentPenalty);
  for (let i = 0; i < SEVEN_S.length; i++) out[x++] = elements[i]!;
  for (const v of d.departmentPnl) out[x++] = v;
  for (const v of d.accountRevenue) out[x++] = v;
  for (const v of d.kamScore) out[x++] = v;
  return out;
}
