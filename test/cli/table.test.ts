import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/cli/commands/run.js';
import { formatNumber } from '../../src/cli/table.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/sim/index.js';
import { shipped, SMALL_SCENARIO } from '../helpers.js';

/** What a number in a terminal table may look like: at most three digits before a separator, an optional scale. */
const READABLE = /^-?\d{1,3}(,\d{3})*(\.\d+)?(M|bn|tn)?$/;

describe('numbers in terminal tables', () => {
  it('formatNumber groups thousands and scales millions, billions and trillions', () => {
    expect(formatNumber(12.345)).toBe('12.35');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(999.6)).toBe('1,000');
    // What is written 100 or more with its decimals gets none, as 100 does.
    expect(formatNumber(99.996)).toBe('100');
    expect(formatNumber(-99.996, 2, 'nl')).toBe('-100');
    expect(formatNumber(99.994)).toBe('99.99');
    expect(formatNumber(-6509.2)).toBe('-6,509');
    // What rounds to zero has no sign.
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatNumber(-0.001, 2, 'nl')).toBe('0,00');
    expect(formatNumber(-0.4, 0)).toBe('0');
    expect(formatNumber(-0.006)).toBe('-0.01');
    expect(formatNumber(999_999.6)).toBe('1.00M');
    expect(formatNumber(1_234_567)).toBe('1.23M');
    expect(formatNumber(999_995_000)).toBe('1.00bn');
    expect(formatNumber(-4.2e9)).toBe('-4.20bn');
    expect(formatNumber(-19_994_451.96e6)).toBe('-19.99tn');
    expect(formatNumber(1.234e18)).toBe('1,234,000.00tn');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('every finite number, however large, reads with separators and at most one scale', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()), fc.integer({ min: 0, max: 3 }), (x, digits) => {
        expect(formatNumber(x, digits)).toMatch(READABLE);
      }),
      { numRuns: 2000 },
    );
  });

  it('two-fronts run names each seat once: a persona by its persona, an adaptive seat as adaptive, a player with its stand-in', () => {
    const { input } = shipped('pnl-trap');
    const rows = renderSummary(simulate(input, { seed: 1, record: 'accounts' }), 'Trap').split('\n');
    const seat = (id: string) => rows.find((l) => l.startsWith(`${id} `))!.replace(/\s+-?[\d,.]+$/, '').slice(id.length).trim();
    expect(seat('sam')).toBe('adaptive');
    for (const k of input.kams.filter((k) => k.control === 'persona')) expect(seat(k.id)).toBe(k.persona);
    const player = input.kams.find((k) => k.control === 'player')!;
    expect(seat(player.id)).toBe(`player (${player.persona})`);
  });

  it('two-fronts run prints a company losing trillions readably', () => {
    const huge = SMALL_SCENARIO.replace('title: "Base"', 'title: "Base"\ncompany: { fixedCostPerQuarter: 1000000000 }')
      .replace('wallet: 400', 'wallet: 900000000')
      .replaceAll('capacity: 60', 'capacity: 9000000')
      .replaceAll('capacity: 50', 'capacity: 9000000');
    const { input } = loadScenario(huge, 'huge.yaml');
    const text = renderSummary(simulate(input, { seed: 1, record: 'accounts' }), 'Huge');
    expect(text).toMatch(/company profit -\d{1,3}(\.\d\d)?(bn|tn) k€/);
    const cells = text.split('\n').filter((l) => !l.startsWith('result ')).flatMap((l) => l.split(/[\s·]+/)).filter((w) => /^-?\d[\d,.]*\d(M|bn|tn)?$/.test(w));
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) expect(c).toMatch(READABLE);
  });
});
