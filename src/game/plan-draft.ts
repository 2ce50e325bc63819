/**
 * The plan the player is putting together: which opportunities to pursue and
 * what to ask of each department, and how to split the time budget. Kept as a
 * draft (everything the panel shows, including answers to joint proposals) and
 * turned into the engine's QuarterPlan on submit. The local checks mirror the
 * engine's `checkPlan` codes for instant feedback; the engine stays the judge.
 * Pure: no DOM, no engine runtime.
 */
import type { JointReason, PlanIssueCode } from '../sim/index';
import type { Opportunity, QuarterPlan, RunState } from '../sim/types';

export const USES = ['customer', 'lobbying', 'relationship', 'businessCase', 'boardPitch', 'joint'] as const;
export type Use = (typeof USES)[number];

export interface PlanContext {
  seat: string;
  /** The quarter being planned (1-based). */
  quarter: number;
  budget: number;
  departments: readonly string[];
  /** The seat's accounts in scenario order, with whether they are still customers. */
  accounts: readonly { id: string; alive: boolean }[];
  /** The seat's opportunities this quarter. */
  opportunities: readonly Opportunity[];
  boardActive: boolean;
  jointMinDays: number;
  /** Days with an account that count as full attention (the model's customerDaysNeeded). */
  customerDaysNeeded: number;
}

export interface JointReply {
  accept: boolean;
  reason: JointReason;
}

export interface DraftJoint {
  partner: string;
  /** The player's opportunity. */
  opportunity: string;
  /** The colleague's opportunity. */
  partnerOpportunity: string;
  days: number;
  /** 'asked': the player proposed it and the colleague agreed; 'invited': the player accepted a colleague's proposal. */
  origin: 'asked' | 'invited';
}

/** The joint-proposal form as the player left it, not yet asked (kept so a reload shows it unchanged). */
export interface DraftProposal {
  partner: string;
  /** The colleague's opportunity. */
  partnerOpportunity: string;
  /** The player's opportunity. */
  opportunity: string;
  days: number;
}

export interface Draft {
  quarter: number;
  pursue: Record<string, boolean>;
  /** Days asked per opportunity and department. */
  ask: Record<string, Record<string, number>>;
  customer: Record<string, number>;
  lobbying: Record<string, number>;
  relationship: Record<string, number>;
  businessCase: Record<string, number>;
  boardPitch: Record<string, number>;
  joint: DraftJoint[];
  /** Colleagues' proposals the player turned down (`from/opportunity/partnerOpportunity`). */
  declined: string[];
  /** The joint proposal being put together, if the player touched the form (drafts saved before it have none). */
  proposal?: DraftProposal;
  /** Days the player typed in answer to a colleague's proposal, not yet accepted, by proposal key. */
  replyDays?: Record<string, number>;
}

export type IssueCode = PlanIssueCode | 'unplanned-days';

export interface DraftIssue {
  code: IssueCode;
  path: string;
  params: Record<string, string | number>;
  /** Warnings inform; errors block the submit. */
  severity: 'error' | 'warning';
}

const EPS = 1e-9;

/** Days as the panel keeps them: whole tenths. */
export function roundDays(x: number): number {
  return Math.round(x * 10) / 10;
}

/** What planning the coming quarter of `state` for `seat` starts from; `boardActive` as the engine's world says. */
export function planContextOf(state: RunState, seat: string, boardActive: boolean): PlanContext {
  const input = state.scenario;
  const kam = input.kams.find((k) => k.id === seat)!;
  const own = new Set(kam.accounts);
  return {
    seat,
    quarter: state.quarter + 1,
    budget: kam.timeBudget,
    departments: input.departments.map((d) => d.id),
    accounts: input.accounts.map((a, i) => ({ id: a.id, alive: state.accounts.alive[i]! })).filter((a) => own.has(a.id)),
    opportunities: state.opportunities.filter((o) => own.has(o.account)),
    boardActive,
    jointMinDays: input.model.jointMinDays,
    customerDaysNeeded: input.model.customerDaysNeeded,
  };
}

/** A starting point: every opportunity pursued at its full need, the customers looked after, the rest up to the player. */
export function defaultDraft(ctx: PlanContext): Draft {
  const draft: Draft = {
    quarter: ctx.quarter,
    pursue: {},
    ask: {},
    customer: {},
    lobbying: {},
    relationship: {},
    businessCase: {},
    boardPitch: {},
    joint: [],
    declined: [],
  };
  for (const o of ctx.opportunities) {
    draft.pursue[o.id] = true;
    const ask: Record<string, number> = {};
    ctx.departments.forEach((d, di) => {
      if (o.needs[di]! > 0) ask[d] = o.needs[di]!;
    });
    draft.ask[o.id] = ask;
  }
  const alive = ctx.accounts.filter((a) => a.alive);
  if (alive.length > 0) {
    const each = Math.floor(Math.min(ctx.customerDaysNeeded, (ctx.budget * 0.5) / alive.length));
    for (const a of alive) draft.customer[a.id] = each;
  }
  return draft;
}

/**
 * Last quarter's time split applied to this quarter: same days per account and
 * department; business-case days spread over what is pursued. The joint
 * proposals agreed this quarter stay, and when they and the repeated days
 * together would exceed the time budget, the repeated days shrink in
 * proportion (to tenths, rounded down) so the plan stays within it.
 */
export function repeatSplit(draft: Draft, previous: QuarterPlan, ctx: PlanContext): Draft {
  const next: Draft = { ...draft, customer: {}, lobbying: { ...previous.lobbying }, relationship: { ...previous.relationship }, businessCase: {}, boardPitch: {} };
  for (const a of ctx.accounts) {
    if (!a.alive) continue;
    if (previous.customer[a.id]) next.customer[a.id] = previous.customer[a.id]!;
    if (ctx.boardActive && previous.boardPitch[a.id]) next.boardPitch[a.id] = previous.boardPitch[a.id]!;
  }
  const caseDays = Object.values(previous.businessCase).reduce((s, x) => s + x, 0);
  const pursued = ctx.opportunities.filter((o) => draft.pursue[o.id]);
  if (caseDays > 0 && pursued.length > 0) {
    const each = Math.floor((caseDays / pursued.length) * 10) / 10;
    for (const o of pursued) next.businessCase[o.id] = each;
  }
  // Business-case days are already in tenths; the rest are rounded to them.
  const repeated = [next.customer, next.lobbying, next.relationship, next.businessCase, next.boardPitch];
  for (const r of repeated) for (const k of Object.keys(r)) r[k] = roundDays(r[k]!);
  const total = repeated.reduce((s, r) => s + Object.values(r).reduce((t, x) => t + x, 0), 0);
  const room = Math.max(0, ctx.budget - next.joint.reduce((s, j) => s + j.days, 0));
  if (total > room + 1e-9) {
    const factor = room / total;
    for (const r of repeated) for (const k of Object.keys(r)) r[k] = Math.floor(r[k]! * factor * 10 + 1e-9) / 10;
  }
  return next;
}

/**
 * Days the draft asks of one department over the seat's pursued
 * opportunities, as the floor's gauge shows it while the player types: each
 * ask capped at its need, and one that is not a number yet (a field being
 * corrected) counted as nothing.
 */
export function askedOf(draft: Draft, opportunities: readonly Opportunity[], department: string, di: number): number {
  let ask = 0;
  for (const o of opportunities) {
    if (!draft.pursue[o.id]) continue;
    const x = draft.ask[o.id]?.[department] ?? 0;
    if (Number.isFinite(x) && x > 0) ask += Math.min(o.needs[di]!, x);
  }
  return ask;
}

const positive = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x > 0;

function keep(record: Record<string, number>, allowed: (k: string) => boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(record).sort()) if (allowed(k) && positive(record[k])) out[k] = record[k]!;
  return out;
}

/** The engine's plan for this draft: zero entries and work on opportunities not pursued left out. */
export function toPlan(draft: Draft, ctx: PlanContext): QuarterPlan {
  const pursued = new Set(ctx.opportunities.filter((o) => draft.pursue[o.id]).map((o) => o.id));
  const alive = new Set(ctx.accounts.filter((a) => a.alive).map((a) => a.id));
  const depts = new Set(ctx.departments);
  const requests = ctx.opportunities
    .filter((o) => pursued.has(o.id))
    .map((o) => ({ opportunity: o.id, capacity: keep(draft.ask[o.id] ?? {}, (d) => depts.has(d)) }));
  return {
    kam: ctx.seat,
    requests,
    customer: keep(draft.customer, (a) => alive.has(a)),
    lobbying: keep(draft.lobbying, (d) => depts.has(d)),
    relationship: keep(draft.relationship, (d) => depts.has(d)),
    businessCase: keep(draft.businessCase, (o) => pursued.has(o)),
    boardPitch: ctx.boardActive ? keep(draft.boardPitch, (a) => alive.has(a)) : {},
    joint: draft.joint
      .filter((j) => pursued.has(j.opportunity))
      .map((j) => ({ partner: j.partner, opportunity: j.opportunity, partnerOpportunity: j.partnerOpportunity, days: j.days })),
  };
}

/** Days of a plan per use of time. */
export function splitOf(plan: QuarterPlan): Record<Use, number> {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((s, x) => s + x, 0);
  return {
    customer: sum(plan.customer),
    lobbying: sum(plan.lobbying),
    relationship: sum(plan.relationship),
    businessCase: sum(plan.businessCase),
    boardPitch: sum(plan.boardPitch),
    joint: plan.joint.reduce((s, j) => s + j.days, 0),
  };
}

export function totalDays(split: Record<Use, number>): number {
  return USES.reduce((s, u) => s + split[u], 0);
}

/** Everything wrong with the draft (errors) and worth knowing (warnings), with the engine's codes where they overlap. */
export function checkDraft(draft: Draft, ctx: PlanContext): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const err = (code: IssueCode, path: string, params: Record<string, string | number> = {}) => issues.push({ code, path, params, severity: 'error' });
  const days = (path: string, x: number | undefined) => {
    if (x === undefined) return;
    if (!Number.isFinite(x)) err('not-a-number', path);
    else if (x < 0) err('negative-days', path, { days: x });
  };
  ctx.opportunities.forEach((o) => {
    if (!draft.pursue[o.id]) return;
    const ask = draft.ask[o.id] ?? {};
    ctx.departments.forEach((d, di) => {
      const x = ask[d];
      const path = `ask.${o.id}.${d}`;
      if (x === undefined) return;
      if (!Number.isFinite(x)) err('not-a-number', path);
      else if (x < 0) err('negative-days', path, { days: x });
      else if (x > o.needs[di]! + EPS) err('over-need', path, { days: x, need: o.needs[di]! });
    });
    days(`businessCase.${o.id}`, draft.businessCase[o.id]);
  });
  for (const use of ['customer', 'lobbying', 'relationship', 'boardPitch'] as const) {
    for (const k of Object.keys(draft[use]).sort()) days(`${use}.${k}`, draft[use][k]);
  }
  const seen = new Set<string>();
  draft.joint.forEach((j, i) => {
    const path = `joint[${i}]`;
    if (!draft.pursue[j.opportunity]) err('not-pursued', `${path}.opportunity`, { opportunity: j.opportunity });
    if (seen.has(j.opportunity)) err('duplicate-joint', `${path}.opportunity`, { opportunity: j.opportunity });
    seen.add(j.opportunity);
    if (!Number.isFinite(j.days)) err('not-a-number', `${path}.days`);
    else if (j.days < ctx.jointMinDays) err('joint-too-short', `${path}.days`, { days: j.days, min: ctx.jointMinDays });
  });
  if (issues.length === 0) {
    const used = totalDays(splitOf(toPlan(draft, ctx)));
    // The days as they are: the footer writes them as its meter does, so both give the same figure.
    if (used > ctx.budget + EPS) err('over-budget', 'time', { days: used, budget: ctx.budget });
    else if (ctx.budget - used >= 0.5) issues.push({ code: 'unplanned-days', path: 'time', params: { days: ctx.budget - used }, severity: 'warning' });
  }
  return issues;
}

export function hasErrors(issues: readonly DraftIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Key of a colleague's proposal, to remember that it was answered. */
export function proposalKey(p: { from: string; opportunity: string; partnerOpportunity: string }): string {
  return `${p.from}/${p.opportunity}/${p.partnerOpportunity}`;
}

/** How much of the strategic upside of an opportunity the hint reveals: a level, not the number. */
export function upsideLevel(upside: number, all: readonly Opportunity[]): 0 | 1 | 2 | 3 {
  let max = 0;
  for (const o of all) max = Math.max(max, o.upside);
  if (!(max > 0) || !(upside > 0)) return 0;
  const r = upside / max;
  return r >= 0.6 ? 3 : r >= 0.3 ? 2 : 1;
}
