/**
 * The planning panel's draft: its defaults, its translation into the engine's
 * QuarterPlan, and its live checks, which must agree with the engine's own
 * `checkPlan` on what is legal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askedOf, checkDraft, defaultDraft, hasErrors, planContextOf, repeatSplit, splitOf, toPlan, totalDays, upsideLevel, type Draft, type PlanContext } from '../../src/game/plan-draft.js';
import { checkPlan, createRun, step, worldOf, type RunState } from '../../src/sim/index.js';
import { shipped } from '../helpers.js';

const contextOf = (state: RunState, seat: string): PlanContext => planContextOf(state, seat, worldOf(state.scenario).boardActive);

const tutorial = shipped('tutorial').input;
const start = createRun(tutorial, {});
const ctx = contextOf(start, 'you');

describe('plan-draft', () => {
  it('defaultDraft() pursues every opportunity at its full need and looks after the customers', () => {
    const d = defaultDraft(ctx);
    expect(ctx.opportunities.length).toBeGreaterThan(0);
    for (const o of ctx.opportunities) {
      expect(d.pursue[o.id]).toBe(true);
      ctx.departments.forEach((dep, i) => expect(d.ask[o.id]![dep] ?? 0).toBe(o.needs[i]!));
    }
    for (const a of ctx.accounts) expect(d.customer[a.id]).toBeGreaterThan(0);
    const issues = checkDraft(d, ctx);
    expect(hasErrors(issues)).toBe(false);
    expect(issues.map((i) => i.code)).toContain('unplanned-days');
    expect(checkPlan(start, toPlan(d, ctx))).toEqual([]);
  });

  it('askedOf() sums what the draft asks of a department, capped at each need, and counts a field that is no number as nothing', () => {
    const d = defaultDraft(ctx);
    const di = ctx.departments.findIndex((_, i) => ctx.opportunities.some((o) => o.needs[i]! > 0));
    const dep = ctx.departments[di]!;
    const asking = ctx.opportunities.filter((o) => o.needs[di]! > 0);
    const full = asking.reduce((s, o) => s + o.needs[di]!, 0);
    expect(askedOf(d, ctx.opportunities, dep, di)).toBeCloseTo(full, 9);
    const [first] = asking;
    d.ask[first!.id]![dep] = Number.NaN;
    const withoutFirst = askedOf(d, ctx.opportunities, dep, di);
    expect(withoutFirst).toBeCloseTo(full - first!.needs[di]!, 9);
    expect(Number.isFinite(withoutFirst)).toBe(true);
    d.ask[first!.id]![dep] = first!.needs[di]! + 50;
    expect(askedOf(d, ctx.opportunities, dep, di)).toBeCloseTo(full, 9);
    d.ask[first!.id]![dep] = -3;
    expect(askedOf(d, ctx.opportunities, dep, di)).toBeCloseTo(withoutFirst, 9);
    d.pursue[first!.id] = false;
    d.ask[first!.id]![dep] = first!.needs[di]!;
    expect(askedOf(d, ctx.opportunities, dep, di)).toBeCloseTo(withoutFirst, 9);
  });

  it('toPlan() leaves out zero days and work on opportunities not pursued', () => {
    const d = defaultDraft(ctx);
    const [first, second] = ctx.opportunities;
    d.pursue[first!.id] = false;
    d.businessCase[first!.id] = 5;
    d.businessCase[second!.id] = 3;
    d.lobbying = { engineering: 0, service: 2 };
    const plan = toPlan(d, ctx);
    expect(plan.requests.map((r) => r.opportunity)).not.toContain(first!.id);
    expect(plan.businessCase).toEqual({ [second!.id]: 3 });
    expect(plan.lobbying).toEqual({ service: 2 });
    expect(plan.boardPitch).toEqual({});
    expect(totalDays(splitOf(plan))).toBe(Object.values(plan.customer).reduce((s, x) => s + x, 0) + 2 + 3);
  });

  it('checkDraft() catches over budget, over need, negative and missing numbers, short or doubled joints', () => {
    const o = ctx.opportunities[0]!;
    const dep = ctx.departments[o.needs.findIndex((n) => n > 0)]!;
    const codes = (mutate: (d: Draft) => void) => {
      const d = defaultDraft(ctx);
      mutate(d);
      return checkDraft(d, ctx).filter((i) => i.severity === 'error').map((i) => i.code);
    };
    expect(codes((d) => (d.customer[ctx.accounts[0]!.id] = 100))).toEqual(['over-budget']);
    expect(codes((d) => (d.ask[o.id]![dep] = 1000))).toEqual(['over-need']);
    expect(codes((d) => (d.lobbying.engineering = -1))).toEqual(['negative-days']);
    expect(codes((d) => (d.relationship.legal = Number.NaN))).toEqual(['not-a-number']);
    expect(codes((d) => d.joint.push({ partner: 'daan', opportunity: o.id, partnerOpportunity: 'x', days: 1, origin: 'asked' }))).toEqual(['joint-too-short']);
    expect(
      codes((d) => {
        d.joint.push({ partner: 'daan', opportunity: o.id, partnerOpportunity: 'x', days: 3, origin: 'asked' });
        d.joint.push({ partner: 'bram', opportunity: o.id, partnerOpportunity: 'y', days: 3, origin: 'asked' });
      }),
    ).toEqual(['duplicate-joint']);
    expect(
      codes((d) => {
        d.pursue[o.id] = false;
        d.joint.push({ partner: 'daan', opportunity: o.id, partnerOpportunity: 'x', days: 3, origin: 'asked' });
      }),
    ).toEqual(['not-pursued']);
  });

  it('checkDraft() accepts exactly the plans the engine accepts (random drafts)', () => {
    const dayValue = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 }), fc.double({ min: -2, max: 40, noNaN: true }));
    const arb = fc.record({
      pursue: fc.array(fc.boolean(), { minLength: ctx.opportunities.length, maxLength: ctx.opportunities.length }),
      askScale: fc.array(fc.double({ min: 0, max: 1.3, noNaN: true }), { minLength: ctx.opportunities.length, maxLength: ctx.opportunities.length }),
      customer: fc.array(dayValue, { minLength: ctx.accounts.length, maxLength: ctx.accounts.length }),
      lobbying: fc.array(dayValue, { minLength: ctx.departments.length, maxLength: ctx.departments.length }),
      relationship: fc.array(dayValue, { minLength: ctx.departments.length, maxLength: ctx.departments.length }),
      cases: fc.array(dayValue, { minLength: ctx.opportunities.length, maxLength: ctx.opportunities.length }),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const d = defaultDraft(ctx);
        ctx.opportunities.forEach((o, i) => {
          d.pursue[o.id] = r.pursue[i]!;
          ctx.departments.forEach((dep, di) => {
            if (o.needs[di]! > 0) d.ask[o.id]![dep] = o.needs[di]! * r.askScale[i]!;
          });
          d.businessCase[o.id] = r.cases[i]!;
        });
        ctx.accounts.forEach((a, i) => (d.customer[a.id] = r.customer[i]!));
        ctx.departments.forEach((dep, i) => {
          d.lobbying[dep] = r.lobbying[i]!;
          d.relationship[dep] = r.relationship[i]!;
        });
        const local = hasErrors(checkDraft(d, ctx));
        const engine = checkPlan(start, toPlan(d, ctx)).length > 0;
        // Negative days on work that is not pursued are dropped by toPlan and harmless; everything else must agree.
        const droppedOnly = checkDraft(d, ctx).every((i) => i.severity === 'warning' || i.code === 'negative-days');
        if (local && !engine) return droppedOnly;
        return local === engine;
      }),
      { numRuns: 300 },
    );
  });

  it('repeatSplit() carries last quarter’s days per account and department into the new quarter', () => {
    const d = defaultDraft(ctx);
    d.lobbying = { engineering: 6 };
    d.relationship = { product: 4 };
    d.businessCase = { [ctx.opportunities[0]!.id]: 5, [ctx.opportunities[1]!.id]: 5 };
    const after = step(start, [toPlan(d, ctx)]).state;
    const next = contextOf(after, 'you');
    const repeated = repeatSplit(defaultDraft(next), after.history[0]!.plans.find((p) => p.kam === 'you')!, next);
    expect(repeated.lobbying).toEqual({ engineering: 6 });
    expect(repeated.relationship).toEqual({ product: 4 });
    expect(Object.values(repeated.businessCase).reduce((s, x) => s + x, 0)).toBeCloseTo(10, 0);
    expect(checkPlan(after, toPlan(repeated, next))).toEqual([]);
  });

  it('repeatSplit() keeps this quarter’s joint proposals and shrinks the repeated days to fit the budget beside them', () => {
    const d = defaultDraft(ctx);
    d.lobbying = { engineering: 6 };
    d.relationship = { product: 4 };
    const full = ctx.budget - totalDays(splitOf(toPlan(d, ctx)));
    d.customer[ctx.accounts[0]!.id]! += full;
    expect(totalDays(splitOf(toPlan(d, ctx)))).toBe(ctx.budget);
    const after = step(start, [toPlan(d, ctx)]).state;
    const next = contextOf(after, 'you');
    const own = next.opportunities[0]!;
    const draft = defaultDraft(next);
    draft.joint = [{ partner: 'bram', opportunity: own.id, partnerOpportunity: 'x', days: 4, origin: 'asked' }];
    const repeated = repeatSplit(draft, after.history[0]!.plans.find((p) => p.kam === 'you')!, next);
    expect(repeated.joint).toEqual(draft.joint);
    const split = splitOf(toPlan(repeated, next));
    expect(split.joint).toBe(4);
    expect(totalDays(split)).toBeLessThanOrEqual(next.budget + 1e-9);
    expect(totalDays(split)).toBeGreaterThan(next.budget - 1);
    // Shrunk in proportion: lobbying and relationships keep their 6 : 4.
    expect(repeated.lobbying.engineering! / repeated.relationship.product!).toBeCloseTo(1.5, 1);
    expect(hasErrors(checkDraft(repeated, next).filter((i) => i.code === 'over-budget'))).toBe(false);
  });

  it('upsideLevel() ranks an opportunity’s upside among the quarter’s', () => {
    const all = start.opportunities;
    const max = Math.max(...all.map((o) => o.upside));
    expect(upsideLevel(max, all)).toBe(3);
    expect(upsideLevel(max * 0.4, all)).toBe(2);
    expect(upsideLevel(max * 0.1, all)).toBe(1);
    expect(upsideLevel(0, all)).toBe(0);
  });
});
