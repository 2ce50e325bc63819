/**
 * The debrief's arithmetic: run figures, the differences named between the
 * player's game and a replay under another regime, percentiles of the luck
 * check, and the CSV export.
 */
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { differences, metricsOf } from '../../src/game/debrief/compare.js';
import { accountsCsv, allocationsCsv, quartersCsv } from '../../src/game/debrief/csv.js';
import { differenceText, metricDelta, metricValue, writtenDelta } from '../../src/game/debrief/format.js';
import { leastServedRows } from '../../src/game/debrief/least.js';
import { luckReading } from '../../src/game/debrief/luck.js';
import { replayFit } from '../../src/game/debrief/replay-fit.js';
import { replayOf } from '../../src/game/save.js';
import { leastServed } from '../../src/game/explain.js';
import { capacityByKam, kamRanking, median, percentile, sum } from '../../src/game/figures.js';
import { setLanguage } from '../../src/game/i18n.js';
import { Names } from '../../src/game/ui/labels.js';
import { reasonText } from '../../src/game/ui/why.js';
import { branch, createRun, emptyPlan, REGIMES, reporterNames, simulate, step, summarize, type QuarterPlan, type RunState, type ScenarioInput } from '../../src/sim/index.js';
import { engineHost } from '../../workers/host.js';
import { pursueAll, shipped } from '../helpers.js';

const input = shipped('tutorial').input;
const names = reporterNames(input);
const run = simulate(input, {});

describe('debrief figures', () => {
  it('metricsOf() agrees with the engine’s own summary', () => {
    const m = metricsOf(run.history, names, input, 'you');
    const summary = summarize(run);
    expect(m.yourTotal).toBeCloseTo(summary.cumulative['kamScore.you']!, 9);
    expect(m.companyProfit).toBeCloseTo(summary.cumulative.companyProfit!, 9);
    expect(m.churned).toBe(summary.final.churnedAccounts);
    expect(m.yourDelivered).toBeGreaterThan(0);
    expect(m.yourDelivered).toBeLessThanOrEqual(1);
  });

  it('differences() names notable changes, the player’s result first, and nothing for the same game', () => {
    const base = metricsOf(run.history, names, input, 'you');
    expect(differences(base, base)).toEqual([]);
    const other = { ...base, yourTotal: base.yourTotal * 1.5, churned: base.churned + 2, lobbying: base.lobbying + 0.001 };
    const d = differences(base, other);
    expect(d.map((x) => x.key)).toEqual(['yourTotal', 'churned']);
    expect(d[0]).toMatchObject({ better: true });
    expect(d[1]).toMatchObject({ better: false, delta: 2 });
  });

  it('a replay under another regime differs from the game played, and under the same regime does not', () => {
    let s = branch(createRun(input, {}), 'account-pnl');
    while (s.quarter < input.quarters) s = step(s, []).state;
    const cf = metricsOf(s.history, names, input, 'you');
    const base = metricsOf(run.history, names, input, 'you');
    expect(differences(base, cf).length).toBeGreaterThan(0);
  });

  it('the luck check reads the player against the stand-in on the same seed, and the cards against the other draws', () => {
    // pnl-trap, a player who plans nothing: a result far above the other draws, but on cards that are themselves
    // better than most draws. Placing the result among games with other seeds alone said "more than luck of the draw".
    const trap = shipped('pnl-trap').input;
    const trapNames = reporterNames(trap);
    let played = createRun(trap, {});
    while (played.quarter < trap.quarters) played = step(played, [emptyPlan('you')]).state;
    const yours = summarize(played).cumulative['kamScore.you']!;
    const standIn = summarize(simulate(trap, { seed: played.seed })).cumulative['kamScore.you']!;
    const scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => summarize(simulate(trap, { seed, record: 'reporters' })).cumulative['kamScore.you']!);
    const r = luckReading(scores, yours, standIn);
    expect(r.you).toBe(percentile(scores, yours));
    expect(r.cards).toBe(percentile(scores, standIn));
    expect(r.edge).toBe(Math.round(yours) - Math.round(standIn));
    expect(r.edgeRead).toBe(r.edge > 0 ? 'ahead' : r.edge < 0 ? 'behind' : 'level');
    expect(metricsOf(played.history, trapNames, trap, 'you').yourTotal).toBeCloseTo(yours, 9);
    // Figures as the cards write them: level when the two whole k€ agree, good and poor cards at the edges.
    expect(luckReading([1, 2, 3, 4], 2.4, 2.2)).toMatchObject({ edge: 0, edgeRead: 'level', cards: 0.5, cardsRead: 'usual' });
    expect(luckReading([1, 2, 3, 4, 5], 1, 5)).toMatchObject({ edge: -4, edgeRead: 'behind', cards: 0.9, cardsRead: 'good', you: 0.1 });
    expect(luckReading([1, 2, 3, 4, 5], 9, 1)).toMatchObject({ edge: 8, edgeRead: 'ahead', cardsRead: 'poor', you: 1 });
  });

  it('percentile() and median() place a result among many', () => {
    expect(percentile([1, 2, 3, 4], 3)).toBe(0.625);
    expect(percentile([1, 2, 3, 4], 10)).toBe(1);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('capacityByKam() and kamRanking() add up what the departments gave', () => {
    const kams = input.kams.map((k) => k.id);
    const byKam = capacityByKam(run.history, kams);
    run.history.forEach((r, q) => expect(sum(byKam[q]!)).toBeCloseTo(sum(r.allocations.map((a) => a.allocated)), 6));
    const ranking = kamRanking(names, run.history, kams);
    expect(ranking.map((r) => r.total)).toEqual([...ranking.map((r) => r.total)].sort((a, b) => b - a));
  });

  it('the CSV exports have a header and one row per quarter, account or allocation, with reporter names as in the CLI', () => {
    const q = csvParse(quartersCsv(run.history, names, input, 'you', run.seed));
    expect(q).toHaveLength(input.quarters);
    expect(q.columns).toContain('departmentPnl_engineering');
    expect(q.columns).toContain('align_strategy');
    expect(q.columns).toContain('your_lobbying_days');
    expect(Number(q[0]!.companyProfit)).toBe(run.history[0]!.values[names.indexOf('companyProfit')]);
    // The player's days to a millionth of a day: no residue of adding floats (86.30000000000001).
    const dayColumns = q.columns.filter((c) => /^your_.*_days$/.test(c));
    expect(dayColumns.length).toBe(8);
    for (const row of q) for (const c of dayColumns) expect(row[c], c).toMatch(/^\d+(\.\d{1,6})?$/);
    expect(csvParse(accountsCsv(run.history))).toHaveLength(input.quarters * input.accounts.length);
    const alloc = csvParse(allocationsCsv(run.history));
    expect(alloc.length).toBe(sum(run.history.map((r) => sum(r.allocations.map((a) => a.entries.length)))));
    expect(alloc.columns).toContain('lobby_days');
  });

  it('leastServed() picks the player’s requests with the smallest share of the ask over the whole game', () => {
    const least = leastServed(run.history, input.company.regime, 'you', 3);
    expect(least).toHaveLength(3);
    const shares = least.map((x) => x.story.fulfilment);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    const all = run.history.flatMap((r) => r.allocations.flatMap((a) => a.entries.filter((e) => e.kams.includes('you') && e.requested > 0)));
    const lowest = Math.min(...all.map((e) => e.received / e.requested));
    expect(shares[0]).toBeCloseTo(lowest, 9);
    for (const x of least) expect(x.story.entry.kams).toContain('you');
  });

  it('the debrief’s least-served rows give quarter, department, asked/received and a reason naming a factor, in English and Dutch', () => {
    const least = leastServed(run.history, input.company.regime, 'you', 3);
    for (const lang of ['en', 'nl'] as const) {
      setLanguage(lang);
      const names = new Names(input, lang);
      const rows = leastServedRows(run.history, input, 'you', names);
      expect(rows).toHaveLength(3);
      rows.forEach((r, i) => {
        const { story, department, quarter } = least[i]!;
        expect(r.quarter).toBe(lang === 'en' ? `Quarter ${quarter}` : `Kwartaal ${quarter}`);
        expect(r.department).toBe(names.department(department));
        expect(r.asked).toMatch(/\d/);
        expect(r.received).toMatch(/%\)$/);
        expect(r.why).not.toMatch(/\{\w+\}|reason\.|why\./);
        // These requests got less than they asked: the sentence says what held them back and names the biggest factor.
        expect(r.why).toMatch(lang === 'en' ? /Held back by: / : /Gehinderd door: /);
        const worst = story.reasons.find((x) => x.sign < 0)!;
        expect(r.why).toContain(reasonText(worst, story, input.company.regime, r.department, names));
      });
    }
    setLanguage('en');
  });

  it('the replay cards read the alignment index from 0 to 100 with changes in points, as the report and the alignment chart do', () => {
    const base = metricsOf(run.history, names, input, 'you');
    const other = { ...base, alignment: base.alignment + 0.22 };
    const d = differences(base, other).find((x) => x.key === 'alignment')!;
    setLanguage('en');
    expect(metricValue('alignment', 0.35)).toBe('35');
    expect(metricDelta('alignment', 0.22)).toBe('+22\u00a0pts');
    expect(differenceText(d)).toBe('internal alignment would have ended higher (+22\u00a0pts)');
    // The Gini stays an index from 0 to 1, as everywhere else.
    expect(metricValue('fairness', 0.21)).toBe('0.21');
    expect(metricDelta('fairness', 0.02)).toBe('+0.02');
    setLanguage('nl');
    expect(metricValue('alignment', 0.31)).toBe('31');
    expect(differenceText(d)).toBe('de interne afstemming was hoger geëindigd (+22\u00a0ptn)');
    setLanguage('en');
  });

  it('a change equals the difference of the two figures as written, not of the numbers behind them', () => {
    setLanguage('en');
    const metrics = metricsOf(run.history, names, input, 'you');
    // 53 % and 43 % on the cards: −10 points, though the shares behind them differ by 10.8.
    expect(metricValue('yourDelivered', 0.5349)).toBe('53%');
    expect(metricValue('yourDelivered', 0.4265)).toBe('43%');
    expect(writtenDelta('yourDelivered', 0.5349, 0.4265)).toBe(-0.1);
    expect(metricDelta('yourDelivered', writtenDelta('yourDelivered', 0.5349, 0.4265))).toBe('−10\u00a0pts');
    expect(metricDelta('alignment', writtenDelta('alignment', 0.344, 0.526))).toBe('+19\u00a0pts');
    expect(writtenDelta('companyProfit', 2888.4, 2776.6)).toBe(-111);
    expect(writtenDelta('fairness', 0.214, 0.236)).toBe(0.03);
    // Figures that read the same show no change.
    expect(writtenDelta('yourDelivered', 0.531, 0.534)).toBe(0);
    const d = differences({ ...metrics, yourDelivered: 0.5349 }, { ...metrics, yourDelivered: 0.4265 }).find((x) => x.key === 'yourDelivered')!;
    expect(differenceText(d)).toContain('−10\u00a0pts');
    const p = differences({ ...metrics, companyProfit: 2888.4 }, { ...metrics, companyProfit: 2776.6 }).find((x) => x.key === 'companyProfit')!;
    expect(differenceText(p).replace(/\u2060/g, '')).toContain('−€111k');
  });

  it('a change of money carries its percentage only where one means something: a gain as the base and a change of at most 200%', () => {
    setLanguage('en');
    const metrics = metricsOf(run.history, names, input, 'you');
    const text = (base: number, other: number) => differenceText(differences({ ...metrics, companyProfit: base }, { ...metrics, companyProfit: other }).find((x) => x.key === 'companyProfit')!).replace(/\u2060/g, '').replace(/\u00a0/g, ' ');
    expect(text(1000, 1200)).toBe('the company would have earned more: +€200k (20%)');
    expect(text(1000, 3000)).toBe('the company would have earned more: +€2,000k (200%)');
    expect(text(45, 736)).toBe('the company would have earned more: +€691k');
    expect(text(-200, 300)).toBe('the company would have earned more: +€500k');
  });
});

describe('what a replay could not take over from the game', () => {
  /** A player who pursues every opportunity of their own, asking for most of each need, and lobbies a little. */
  const player = (scenario: ScenarioInput, seat: string) => (state: RunState): QuarterPlan => ({
    ...pursueAll(scenario, seat, state, 0.9, 8),
    lobbying: { [scenario.departments[0]!.id]: 2 },
  });

  it('counts the requests whose opportunity did not come up, the days not spent and the opportunities only the replay had', () => {
    let dropped = 0;
    let unplanned = 0;
    for (const id of ['tutorial', 'pnl-trap', 'mature-market']) {
      const scenario = shipped(id).input;
      const seat = scenario.kams.find((k) => k.control === 'player')!.id;
      const own = new Set(scenario.kams.find((k) => k.id === seat)!.accounts);
      const plan = player(scenario, seat);
      let game = createRun(scenario);
      while (game.quarter < scenario.quarters) game = step(game, [plan(game)]).state;
      for (const regime of REGIMES.filter((r) => r !== scenario.company.regime)) {
        const again = engineHost.replay(replayOf(game, seat, regime));
        const fit = replayFit(game.history, again.history, seat, own);
        // Counted another way: by the opportunities each game offered that quarter.
        let requests = 0;
        let lost = 0;
        let only = 0;
        game.history.forEach((rec, q) => {
          const there = new Set(again.history[q]!.deliveries.map((d) => d.opportunity));
          const mine = rec.plans.find((p) => p.kam === seat)!;
          requests += mine.requests.length;
          lost += mine.requests.filter((r) => !there.has(r.opportunity)).length;
          // Only the replay offers the opportunities of an account of the player's that was alive there at the quarter's start but not in the game.
          const aliveHere = new Set(rec.accounts.filter((a) => a.alive).map((a) => a.account));
          const revived = new Set(again.history[q]!.accounts.filter((a) => a.alive && own.has(a.account) && !aliveHere.has(a.account)).map((a) => a.account));
          only += again.history[q]!.deliveries.filter((d) => revived.has(d.account)).length;
        });
        expect([fit.requests, fit.droppedRequests, fit.unplanned]).toEqual([requests, lost, only]);
        expect(fit.unspentDays).toBeGreaterThanOrEqual(0);
        expect(fit.unspentDays).toBeLessThanOrEqual(fit.days);
        if (lost > 0) expect(fit.unspentDays).toBeGreaterThan(0);
        dropped += fit.droppedRequests;
        unplanned += fit.unplanned;
      }
      // The same structure as played takes over everything.
      const same = engineHost.replay(replayOf(game, seat, scenario.company.regime));
      const whole = replayFit(game.history, same.history, seat, own);
      expect([whole.droppedRequests, whole.unspentDays, whole.unplanned, whole.boardOnlyHere]).toEqual([0, 0, 0, false]);
      // Where only the replay has a board review (these games have none), the card says the player's plans pitched nothing, and how often the board sponsored one of theirs.
      const sponsoredReplay = engineHost.replay(replayOf(game, seat, 'exec-sponsored'));
      const board = replayFit(game.history, sponsoredReplay.history, seat, own);
      expect(game.history.every((rec) => rec.sponsored.length === 0)).toBe(true);
      expect(board.boardOnlyHere).toBe(true);
      expect(board.ownSponsored).toBe(sponsoredReplay.history.filter((rec) => rec.sponsored.some((a) => own.has(a))).length);
      expect(replayFit(game.history, engineHost.replay(replayOf(game, seat, 'matrix')).history, seat, own).boardOnlyHere).toBe(false);
    }
    // Both kinds occur in these games, so the counts were put to the test.
    expect(dropped).toBeGreaterThan(0);
    expect(unplanned).toBeGreaterThan(0);
  });
});
