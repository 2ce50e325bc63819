import { describe, expect, it } from 'vitest';
import { branch, createRun, emptyPlan, isFinished, resultHash, runToEnd, simulate, step, withRegime, type QuarterPlan, type RunState } from '../../src/sim/index.js';
import { shipped } from '../helpers.js';

const pnl = shipped('pnl-trap').input;

describe('determinism', () => {
  it('simulate() with the same scenario and seed gives bit-identical results', () => {
    expect(resultHash(simulate(pnl, { seed: 42 }))).toBe(resultHash(simulate(pnl, { seed: 42 })));
    expect(resultHash(simulate(pnl, { seed: 42 }))).not.toBe(resultHash(simulate(pnl, { seed: 43 })));
  });

  it('a plan gives the same bits whatever order its keys were written in', () => {
    // Days that add up differently in floating point in one order than in another (0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1).
    const start = createRun(pnl, { seed: 5 });
    const mine = start.opportunities.filter((o) => ['helios', 'corvus'].includes(o.account));
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const days = [0.1, 0.2, 0.3];
    const plan = (order: number[]): QuarterPlan => ({
      ...emptyPlan('you'),
      requests: mine.map((o) => ({ opportunity: o.id, capacity: {} })),
      customer: order[0] === 0 ? { helios: 10.1, corvus: 20.2 } : { corvus: 20.2, helios: 10.1 },
      businessCase: Object.fromEntries(order.map((i) => [mine[i]!.id, days[i]!])),
    });
    const forward = step(start, [plan([0, 1, 2])]).state;
    const backward = step(start, [plan([2, 1, 0])]).state;
    expect(Object.keys(plan([2, 1, 0]).businessCase)).toEqual([mine[2]!.id, mine[1]!.id, mine[0]!.id]);
    // Everything the quarter computed (the record keeps each plan as it was given, keys in their order).
    const computed = (x: RunState) => JSON.stringify({ kams: x.kams, accounts: x.accounts, values: x.history.map((h) => h.values), allocations: x.history.map((h) => h.allocations) });
    expect(computed(backward)).toBe(computed(forward));
  });

  it('simulate() results do not depend on how much each quarter records', () => {
    const full = simulate(pnl, { seed: 7, record: 'full' });
    const lean = simulate(pnl, { seed: 7, record: 'reporters' });
    expect(resultHash(lean)).toBe(resultHash(full));
    expect(lean.history.map((h) => h.values)).toEqual(full.history.map((h) => h.values));
  });

  it('a run saved as JSON at any quarter boundary and resumed gives results identical to the uninterrupted run', () => {
    const whole = simulate(pnl, { seed: 11 });
    for (let cut = 0; cut < pnl.quarters; cut++) {
      let state = createRun(pnl, { seed: 11 });
      for (let q = 0; q < cut; q++) state = step(state).state;
      const saved = JSON.stringify(state);
      const resumed = runToEnd(JSON.parse(saved) as RunState);
      expect(resultHash(resumed)).toBe(resultHash(whole));
      expect(JSON.stringify(resumed.history)).toBe(JSON.stringify(whole.history));
    }
  });

  it('a run survives structuredClone (postMessage) at every boundary unchanged', () => {
    let a = createRun(pnl, { seed: 3 });
    let b = structuredClone(a);
    while (!isFinished(a)) {
      a = step(a).state;
      b = structuredClone(step(b).state);
    }
    expect(resultHash(b)).toBe(resultHash(a));
  });

  it('step() never changes the state it is given', () => {
    const state = createRun(pnl, { seed: 5 });
    const before = JSON.stringify(state);
    step(state);
    step(state);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('branch() continues a saved quarter under another regime, keeping the history up to it', () => {
    let state = createRun(pnl, { seed: 8 });
    for (let q = 0; q < 4; q++) state = step(state).state;
    const branched = runToEnd(branch(JSON.parse(JSON.stringify(state)) as RunState, 'account-pnl'));
    expect(branched.history.slice(0, 4)).toEqual(state.history);
    expect(branched.scenario.company.regime).toBe('account-pnl');
    // The same branch twice is the same run.
    expect(resultHash(runToEnd(branch(state, 'account-pnl')))).toBe(resultHash(branched));
    // From quarter 0 a branch is simply the run under that regime.
    expect(resultHash(runToEnd(branch(createRun(pnl, { seed: 8 }), 'account-pnl')))).toBe(resultHash(simulate(withRegime(pnl, 'account-pnl'), { seed: 8 })));
  });

  it('counterfactuals see the same opportunities: the first quarter\'s opportunities do not depend on the regime', () => {
    const a = createRun(pnl, { seed: 21 });
    const b = createRun(withRegime(pnl, 'matrix'), { seed: 21 });
    expect(b.opportunities).toEqual(a.opportunities);
  });
});
