import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeLayout, numberList, quartersCsv, quartersJson, runCsv, runJson, type RunRecord } from '../../src/cli/output/layout.js';

/** What a cell must read: the shortest text that reads back to the same number; nothing (CSV) or null (JSON) when not finite. */
const cell = (x: number, empty: string) => (Number.isFinite(x) ? String(x) : empty);

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, 0.1 + 0.2),
  fc.integer({ min: -1e6, max: 1e6 }),
);

describe('row text', () => {
  it('numberList writes every number as String() does, and non-finite ones as the empty cell', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 40 }), (xs) => {
        expect(numberList(xs, '')).toBe(xs.map((x) => cell(x, '')).join(','));
        expect(numberList(xs, 'null')).toBe(xs.map((x) => cell(x, 'null')).join(','));
      }),
      { numRuns: 500 },
    );
  });

  it('runs and quarters rows match a cell-by-cell rendering, in CSV and in JSON lines', () => {
    const layout = makeLayout(['companyProfit', 'align.style', 'kamScore.ann'], ['company_regime'], ['text']);
    const cells = { csv: 'matrix', json: '"company_regime":"matrix",' };
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: 3, maxLength: 3 }), fc.array(anyNumber, { minLength: 3, maxLength: 3 }), fc.array(fc.array(anyNumber, { minLength: 3, maxLength: 3 }), { maxLength: 4 }), (final, cumulative, quarters) => {
        const r: RunRecord = { runId: 7, pointId: 2, replicate: 3, seed: 99, final, cumulative, hash: 'abc', quarters };
        const metricCells = final.flatMap((f, i) => [cell(f, ''), cell(cumulative[i]!, '')]);
        expect(runCsv(layout, cells, r)).toBe(`7,2,3,99,matrix,${metricCells.join(',')},abc\n`);
        expect(quartersCsv(r)).toBe(quarters.map((row, q) => `7,${q + 1},${row.map((x) => cell(x, '')).join(',')}\n`).join(''));

        const run = JSON.parse(runJson(layout, cells, r)) as Record<string, unknown>;
        expect(Object.keys(run)).toEqual(['run_id', 'point_id', 'replicate', 'seed', 'company_regime', ...layout.runColumns.slice(5, -1), 'result_hash']);
        layout.metrics.forEach((_, i) => {
          expect(run[layout.runColumns[5 + 2 * i]!]).toBe(Number.isFinite(final[i]) ? final[i]! + 0 : null);
          expect(run[layout.runColumns[6 + 2 * i]!]).toBe(Number.isFinite(cumulative[i]) ? cumulative[i]! + 0 : null);
        });
        const lines = quartersJson(layout, r).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(lines.map((l) => l.quarter)).toEqual(quarters.map((_, q) => q + 1));
        lines.forEach((l, q) => expect(Object.values(l).slice(2)).toEqual(quarters[q]!.map((x) => (Number.isFinite(x) ? x + 0 : null))));
      }),
      { numRuns: 300 },
    );
  });

  it('a run with no recorded metrics still has its key columns and hash', () => {
    const layout = makeLayout([], [], []);
    const r: RunRecord = { runId: 1, pointId: 1, replicate: 1, seed: 5, final: [], cumulative: [], hash: 'h', quarters: [[], []] };
    expect(runCsv(layout, { csv: '', json: '' }, r)).toBe('1,1,1,5,h\n');
    expect(quartersCsv(r)).toBe('1,1\n1,2\n');
    expect(JSON.parse(runJson(layout, { csv: '', json: '' }, r))).toEqual({ run_id: 1, point_id: 1, replicate: 1, seed: 5, result_hash: 'h' });
    expect(quartersJson(layout, r).split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown)).toEqual([{ run_id: 1, quarter: 1 }, { run_id: 1, quarter: 2 }]);
  });
});
