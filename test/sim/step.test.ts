import { describe, expect, it } from 'vitest';
import {
  boardView,
  checkPlan,
  createRun,
  emptyPlan,
  incomingProposals,
  isFinished,
  PlanError,
  planDays,
  REPORTERS,
  reportersOf,
  simulate,
  step,
  withRegime,
  worldOf,
  type QuarterPlan,
  type RunState,
  type ScenarioInput,
} from '../../src/sim/index.js';
import { pursueAll, shipped, shippedIds } from '../helpers.js';
import { adoption } from '../../src/sim/adoption.js';

const tutorial = shipped('tutorial').input;

function everyQuarter(scenario: ScenarioInput, seeds: number[], visit: (rec: RunState['history'][number], run: RunState) => void) {
  for (const seed of seeds) {
    const run = simulate(scenario, { seed, record: 'full' });
    for (const rec of run.history) visit(rec, run);
  }
}

describe('step(): allocation bounds', () => {
  for (const id of shippedIds()) {
    it(`step() on ${id} gives no request more than it asked and no department more than its capacity`, () => {
      const { input } = shipped(id);
      everyQuarter(input, [1, 2, 3], (rec) => {
        for (const dept of rec.allocations) {
          let total = 0;
          for (const e of dept.entries) {
            expect(e.received).toBeGreaterThanOrEqual(0);
            expect(e.received).toBeLessThanOrEqual(e.requested + 1e-9);
            total += e.received;
          }
          expect(total).toBeLessThanOrEqual(dept.capacity + 1e-9);
        }
      });
    });
  }

  it('step() uses all of a department\'s capacity when demand exceeds it (water-filling)', () => {
    let scarce = 0;
    everyQuarter(shipped('arms-race').input, [1, 2], (rec) => {
      for (const dept of rec.allocations) {
        if (dept.demand > dept.capacity * 1.001) {
          scarce++;
          expect(dept.allocated).toBeCloseTo(dept.capacity, 6);
        } else expect(dept.allocated).toBeCloseTo(dept.demand, 6);
      }
    });
    expect(scarce).toBeGreaterThan(10);
  });

  it('step() records why: the factors multiply to the score', () => {
    everyQuarter(tutorial, [4], (rec) => {
      for (const dept of rec.allocations)
        for (const e of dept.entries) {
          const f = e.factors;
          expect(f.size * f.sponsorship * f.value * f.influence * f.noise).toBeCloseTo(f.score, 6);
          expect(f.influence).toBeCloseTo(tutorial.model.influenceBase + f.lobbying + f.relationship, 9);
        }
    });
  });
});

describe('step(): accounting', () => {
  it('step() books transfer prices on both sides, so they cancel at company level', () => {
    const s = shipped('board-sponsorship').input;
    everyQuarter(s, [1, 2], (rec, run) => {
      const r = reportersOf(s, rec);
      const days = rec.plans.reduce((sum, p) => sum + planDays(p), 0);
      const kams = s.kams.reduce((sum, k) => sum + r[`kamScore.${k.id}`]!, 0);
      const depts = s.departments.reduce((sum, d) => sum + r[`departmentPnl.${d.id}`]!, 0);
      const measured = run.scenario.company.regime === 'account-pnl' || run.scenario.company.interventions.accountPnlMeasurement;
      const expected = kams + depts - days * s.model.kamDayCost - (measured ? s.model.measurementCost : 0) - s.company.fixedCostPerQuarter;
      expect(r.companyProfit).toBeCloseTo(expected, 6);
    });
  });

  it('step() leaves company profit unchanged when every transfer price doubles (they are internal)', () => {
    const base: ScenarioInput = { ...tutorial, model: { ...tutorial.model, allocation: 'proportional' } };
    const doubled: ScenarioInput = { ...base, departments: base.departments.map((d) => ({ ...d, transferPrice: d.transferPrice * 2 })) };
    const a = simulate(base, { seed: 9 });
    const b = simulate(doubled, { seed: 9 });
    const ra = a.history.map((h) => reportersOf(base, h));
    const rb = b.history.map((h) => reportersOf(doubled, h));
    ra.forEach((r, q) => {
      expect(rb[q]!.companyProfit).toBe(r.companyProfit);
      expect(rb[q]!['departmentPnl.engineering']!).toBeGreaterThan(r['departmentPnl.engineering']!);
    });
  });

  it('step() gives churned accounts no revenue, opportunities or requests afterwards', () => {
    const s: ScenarioInput = { ...shipped('arms-race').input, model: { ...shipped('arms-race').input.model, churnBase: 1, churnSensitivity: 2 } };
    let churnedSeen = 0;
    for (const seed of [1, 2, 3]) {
      let state = createRun(s, { seed });
      const gone = new Set<string>();
      while (!isFinished(state)) {
        for (const o of state.opportunities) expect(gone.has(o.account)).toBe(false);
        const { state: next, record } = step(state);
        const r = reportersOf(s, record);
        for (const a of gone) {
          expect(r[`accountRevenue.${a}`]).toBe(0);
          for (const dept of record.allocations) for (const e of dept.entries) expect(e.accounts).not.toContain(a);
        }
        for (const row of record.accounts) if (row.churned) gone.add(row.account);
        state = next;
      }
      churnedSeen += gone.size;
    }
    expect(churnedSeen).toBeGreaterThan(3);
  });
});

describe('step(): accounts without a wallet, and prospects', () => {
  it('an account with no wallet and no ceiling (wallet 0, no maxWallet) stays at 0 and every reporter stays finite', () => {
    for (const id of ['tutorial', 'pnl-trap']) {
      const input = shipped(id).input;
      for (const which of ['first', 'every'] as const) {
        const accounts = input.accounts.map((a, i) => (which === 'every' || i === 0 ? { ...a, wallet: 0, maxWallet: null } : a));
        const run = simulate({ ...input, accounts }, { seed: 3, record: 'full' });
        expect(run.history).toHaveLength(input.quarters);
        for (const rec of run.history) {
          for (const [name, v] of Object.entries(reportersOf(input, rec))) expect(Number.isFinite(v), `${id} ${which} q${rec.quarter} ${name}`).toBe(true);
          expect(rec.accounts.find((r) => r.account === input.accounts[0]!.id)!.wallet).toBe(0);
        }
      }
    }
  });

  it('a prospect (wallet 0 with a maxWallet) brings pilots sized by its foothold, is won when served and stays at 0 when neglected', () => {
    const input = shipped('tutorial').input;
    const foothold = worldOf(input).model.prospectFoothold;
    const ceiling = 400;
    const prospect = input.accounts.find((a) => a.id === 'borealis')!;
    // Capacity to spare, so serving the prospect is up to the seat alone.
    const scenario: ScenarioInput = {
      ...input,
      departments: input.departments.map((d) => ({ ...d, capacity: d.capacity * 10 })),
      accounts: input.accounts.map((a) => (a === prospect ? { ...a, wallet: 0, maxWallet: ceiling } : a)),
    };
    for (let seed = 1; seed <= 5; seed++) {
      for (const served of [true, false]) {
        let s = createRun(scenario, { seed, record: 'accounts' });
        // An account row holds the wallet at the quarter's start and the quarter's quality.
        let wallet = 0;
        while (!isFinished(s)) {
          const pilots = s.opportunities.filter((o) => o.account === prospect.id);
          for (const o of pilots) {
            expect(o.needs.reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
            expect(o.revenue).toBeGreaterThan(0);
          }
          const r = step(s, [served ? pursueAll(scenario, 'you', s, 1, 10) : emptyPlan('you')]);
          const row = r.record.accounts.find((x) => x.account === prospect.id)!;
          wallet = r.state.accounts.wallet[input.accounts.indexOf(prospect)]!;
          if (!served) expect(wallet, `neglected, seed ${seed}, q${r.record.quarter}`).toBe(0);
          else if (row.wallet < foothold * ceiling && row.quality !== null) {
            // Below the foothold the wallet grows by what the foothold would: g · (2Q − 1) · (1 − W/Wmax) · f · Wmax.
            const expected = row.wallet + foothold * ceiling * prospect.growth * (2 * row.quality - 1) * (1 - row.wallet / ceiling);
            expect(wallet).toBeCloseTo(Math.max(0, expected), 9);
          }
          if (served) expect(wallet).toBeGreaterThanOrEqual(row.wallet);
          s = r.state;
        }
        if (served) {
          expect(wallet, `seed ${seed}`).toBeGreaterThan(0.5 * foothold * ceiling);
          expect(wallet).toBeLessThan(ceiling);
        }
      }
      // Neglect never wins a prospect, not even one whose growth potential is negative (where poor quality grows a wallet).
      const declining: ScenarioInput = { ...scenario, accounts: scenario.accounts.map((a) => (a.id === prospect.id ? { ...a, growth: -0.2 } : a)) };
      let s = createRun(declining, { seed });
      while (!isFinished(s)) s = step(s, [emptyPlan('you')]).state;
      expect(s.accounts.wallet[input.accounts.indexOf(prospect)]).toBe(0);
    }
    // The board sees a prospect's upside by its foothold, so a pitch can win it sponsorship.
    const world = worldOf(scenario);
    const start = createRun(scenario);
    const ai = input.accounts.indexOf(prospect);
    expect(boardView(world, adoption(world, 1), start.accounts, ai, 10)).toBeGreaterThan(boardView(world, adoption(world, 1), start.accounts, ai, 0));
    expect(boardView(world, adoption(world, 1), start.accounts, ai, 0)).toBeGreaterThan(0);
  });
});

describe('step(): plans', () => {
  for (const id of shippedIds()) {
    it(`step() on ${id}: every AI seat's plan is a legal QuarterPlan`, () => {
      const { input } = shipped(id);
      let state = createRun(input, { seed: 5 });
      while (!isFinished(state)) {
        const { state: next, record } = step(state);
        for (const p of record.plans) expect(checkPlan(state, p)).toEqual([]);
        state = next;
      }
    });
  }

  it('step() refuses an illegal plan with the reasons, and changes nothing', () => {
    const state = createRun(tutorial, { seed: 1 });
    const plan: QuarterPlan = emptyPlan('you');
    const opp = state.opportunities.find((o) => o.account === 'acme')!;
    plan.requests.push({ opportunity: opp.id, capacity: { engineering: opp.needs[0]! + 5 } });
    plan.customer = { acme: 50, globex: 5 };
    plan.lobbying = { engineering: 30 };
    plan.boardPitch = { acme: 2 };
    const codes = checkPlan(state, plan).map((i) => i.code).sort();
    expect(codes).toEqual(['board-inactive', 'not-your-account', 'over-budget', 'over-need']);
    expect(() => step(state, [plan])).toThrow(PlanError);
    expect(state.quarter).toBe(0);
  });

  it('step() plays a person\'s plan as given: lobbying a department buys more of its capacity', () => {
    const state = createRun(tutorial, { seed: 3 });
    const mine = state.opportunities.filter((o) => o.account === 'acme' || o.account === 'borealis');
    const base = emptyPlan('you');
    const depts = tutorial.departments.map((d) => d.id);
    for (const o of mine) base.requests.push({ opportunity: o.id, capacity: Object.fromEntries(depts.map((d, i) => [d, o.needs[i]!]).filter(([, x]) => (x as number) > 0)) });
    base.customer = { acme: 20, borealis: 20 };
    const lobbied: QuarterPlan = { ...base, customer: { acme: 10, borealis: 10 }, lobbying: { engineering: 20 } };
    const got = (p: QuarterPlan) =>
      step(state, [p]).record.allocations.find((a) => a.department === 'engineering')!.entries.filter((e) => e.kams.includes('you')).reduce((s, e) => s + e.received, 0);
    expect(got(lobbied)).toBeGreaterThan(got(base));
  });

  it('step() merges a joint proposal into one request that needs less capacity (scope economies)', () => {
    const s = shipped('arms-race').input;
    let joints = 0;
    everyQuarter(s, [1, 2, 3, 4], (rec) => {
      for (const dept of rec.allocations)
        for (const e of dept.entries.filter((x) => x.joint)) {
          joints++;
          const [a, b] = e.request.split('+');
          const ask = (id: string) => {
            const plan = rec.plans.find((p) => p.requests.some((r) => r.opportunity === id))!;
            return plan.requests.find((r) => r.opportunity === id)!.capacity[dept.department] ?? 0;
          };
          expect(e.requested).toBeCloseTo((ask(a!) + ask(b!)) * (1 - s.model.jointScope), 9);
        }
    });
    expect(joints).toBeGreaterThan(0);
  });

  it('step() says why a joint proposal did not form: a colleague\'s proposal the plan did not take up is "unmatched", and taking it up forms it', () => {
    // The first quarter of some seed in which an AI colleague proposes to "you".
    let state: RunState | null = null;
    for (let seed = 1; seed <= 200 && !state; seed++) {
      let s = createRun(tutorial, { seed, record: 'full' });
      for (let q = 0; q < 4 && !state; q++) {
        if (incomingProposals(s, ['you']).length > 0) state = s;
        else s = step(s).state;
      }
    }
    expect(state).not.toBeNull();
    const offer = incomingProposals(state!, ['you'])[0]!;
    const depts = tutorial.departments.map((d) => d.id);
    const plan = emptyPlan('you');
    for (const o of state!.opportunities.filter((x) => ['acme', 'borealis'].includes(x.account)))
      plan.requests.push({ opportunity: o.id, capacity: Object.fromEntries(depts.map((d, i) => [d, o.needs[i]!]).filter(([, x]) => (x as number) > 0)) });
    plan.customer = { acme: 10, borealis: 10 };
    const ignored = step(state!, [plan]).record.joints.find((j) => j.kams[0] === offer.from && j.kams[1] === 'you')!;
    expect(ignored).toMatchObject({ formed: false, reason: 'unmatched', opportunities: [offer.opportunity, offer.partnerOpportunity] });
    const accepted: QuarterPlan = { ...plan, joint: [{ partner: offer.from, opportunity: offer.partnerOpportunity, partnerOpportunity: offer.opportunity, days: offer.days }] };
    expect(checkPlan(state!, accepted)).toEqual([]);
    const formed = step(state!, [accepted]).record.joints.filter((j) => j.kams.includes('you') && j.kams.includes(offer.from));
    expect(formed).toHaveLength(1);
    expect(formed[0]!.formed).toBe(true);
    expect(formed[0]!.reason).toBeUndefined();
  });

  it('step() lets seats pitch to the board only where the board reviews account plans', () => {
    const noBoard = withRegime(tutorial, 'departmental-pnl');
    expect(worldOf(noBoard).boardActive).toBe(false);
    everyQuarter(noBoard, [1], (rec) => {
      for (const p of rec.plans) expect(Object.keys(p.boardPitch)).toEqual([]);
      expect(rec.sponsored).toEqual([]);
    });
    const board = withRegime(tutorial, 'exec-sponsored');
    let pitched = 0;
    everyQuarter(board, [1], (rec) => {
      pitched += rec.plans.filter((p) => Object.keys(p.boardPitch).length > 0).length;
      expect(rec.sponsored.length).toBeLessThanOrEqual(board.company.sponsorship.maxSponsored);
    });
    expect(pitched).toBeGreaterThan(0);
  });
});

describe('reporters', () => {
  it('every reporter MODEL.md names is recorded every quarter under its exact name', () => {
    const run = simulate(tutorial, { seed: 1 });
    const names = Object.keys(reportersOf(tutorial, run.history[0]!));
    for (const required of [
      'companyProfit', 'companyRevenue', 'satisfactionMean', 'churnedAccounts', 'fulfilmentMean', 'fulfilmentGini', 'strategicGap',
      'misallocation', 'lobbyingShare', 'jointProposalShare', 'alignmentIndex', 'align.strategy', 'align.structure', 'align.systems',
      'align.sharedValues', 'align.style', 'align.staff', 'align.skills', 'departmentPnl.engineering', 'accountRevenue.acme', 'kamScore.you',
    ])
      expect(names).toContain(required);
    expect(REPORTERS.every((r) => r.doc.length > 10)).toBe(true);
    for (const rec of run.history) for (const v of rec.values) expect(Number.isFinite(v)).toBe(true);
  });

  it('the 7S elements and the alignment index stay within [0, 1]', () => {
    for (const id of shippedIds()) {
      const { input } = shipped(id);
      const run = simulate(input, { seed: 2 });
      for (const rec of run.history) {
        const r = reportersOf(input, rec);
        for (const k of Object.keys(r).filter((n) => n.startsWith('align'))) {
          expect(r[k]).toBeGreaterThanOrEqual(0);
          expect(r[k]).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
