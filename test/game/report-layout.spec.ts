/**
 * The research report's layout in the browser (`two-fronts report`, opened
 * from file://): at a narrow and a wide window no chart text is cut by its
 * SVG's edge, the page never scrolls sideways (wide tables scroll in their own
 * container, which is then a named keyboard stop), the header's short words
 * never break in the middle, and labels too long for their room carry the
 * full text as a tooltip. Runs on a small factorial and a small Sobol' batch,
 * and on the factorial's report with its data stretched (long names, paths and
 * tick labels), which is where clipping used to show; and on the factorial's
 * report in Dutch (longer words, decimal commas). Charts are drawn for the
 * room they have, when the page opens and after a resize, so their text is
 * never shrunk. The factorial, Sobol' and Dutch reports pass axe-core's WCAG
 * 2.1 A/AA rules with every table of numbers open.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cli as runCli } from '../cli-process';
import { watchConsole } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIO = join(ROOT, 'scenarios/arms-race.yaml');
const LONG_PATH = 'company.interventions.boardAccountPlans.withASubPathThatIsLongerThanAnyRoomTheChartCouldEverGiveToIt';

let dir: string;
const reports: Record<string, string> = {};

function cli(args: string[]): void {
  const r = runCli(args, dir);
  if (r.code !== 0) throw new Error(`two-fronts ${args.join(' ')}: ${r.err}`);
}

function report(name: string, body: string): string {
  writeFileSync(join(dir, `${name}.yaml`), `format: two-fronts/experiment@1\nid: ${name}\nscenario: ${JSON.stringify(SCENARIO)}\nset: { quarters: 2 }\nperQuarter: true\n${body}`);
  cli(['batch', `${name}.yaml`, '--out', name, '--workers', '1', '--quiet']);
  cli(['report', name, '--quiet']);
  return join(dir, name, 'report.html');
}

/** The report of an existing batch folder in Dutch. */
function dutch(name: string): string {
  const out = join(dir, `${name}.nl.html`);
  cli(['report', name, '--lang', 'nl', '--out', out, '--quiet']);
  return out;
}

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tf-report-'));
  // 2 × 2 × 2 points (long paths held equal in the effects table) × 2 replicates.
  reports.factorial = report(
    'factorial',
    'replications: 2\nfactors:\n  company.regime: [departmental-pnl, account-pnl]\n  company.interventions.boardAccountPlans: [false, true]\n  departments.*.capacity: { scale: [0.85, 1.15] }\nmetrics: [companyProfit, lobbyingShare]\n',
  );
  // 4 · (3 + 2) = 20 points of one run: pooled charts, sensitivity bars with a long factor path.
  reports.sobol = report(
    'sobol',
    'replications: 1\ndesign: { type: sobol, samples: 4 }\nfactors:\n  model.decisiveness: { min: 0.5, max: 4 }\n  model.sizeAdvantage: { min: 0, max: 1.5 }\n  company.interventions.boardAccountPlans: [false, true]\nmetrics: [companyProfit]\n',
  );
  reports.dutch = dutch('factorial');
  // The factorial's page with data that needs every fitting rule: a y-axis title longer than the plot, wide negative tick labels, long point names and factor paths.
  const html = readFileSync(reports.factorial, 'utf8');
  const at = /(<script type="application\/json" id="report-data">)(.*?)(<\/script>)/s;
  const data = JSON.parse(at.exec(html)![2]!);
  const m = data.metrics[0];
  m.reporter = 'departmentPnl.engineeringAndProductDevelopmentTogether';
  m.unit = 'thousand euro per quarter, before tax and transfers';
  for (const s of m.quarterly) for (const k of ['mean', 'low', 'high']) s[k] = s[k].map((v: number) => -v * 37.3);
  data.metrics[1].quarterly.forEach((s: { name: string; mean: number[]; low: number[]; high: number[] }, i: number) => {
    s.name = `${i + 1}: regime=departmental-pnl, boardAccountPlans=false, capacity ×0.85, decisiveness=2.407, lobbyingEffect=0.02063`;
    for (const k of ['mean', 'low', 'high'] as const) s[k] = s[k].map((v) => -0.01234 - v / 1000);
  });
  for (const r of data.metrics[1].distribution.rows) r.name = `${r.name}, decisiveness=2.407, lobbyingEffect=0.02063, sizeAdvantage=1.436`;
  data.sensitivity = [
    {
      method: 'sobol',
      metric: 'companyProfit_cumulative',
      indexNames: ['S1 (first order)', 'ST (total order)'],
      bars: ['model.decisiveness', 'company.interventions.boardAccountPlans', LONG_PATH].map((factor, i) => ({ factor, values: [{ value: 0.2 * i - 0.05, low: -0.3, high: 0.6 }, { value: 0.3 * i, low: 0, high: 0.9 }] })),
    },
  ];
  reports.stretched = join(dir, 'stretched.html');
  writeFileSync(reports.stretched, html.replace(at, (_all, open: string, _json, close: string) => open + JSON.stringify(data).replace(/</g, '\\u003c') + close));
});

/** Problems of the page's layout, as text (empty when there are none). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    document.querySelectorAll('svg').forEach((svg, k) => {
      const box = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll('text')) {
        const b = t.getBoundingClientRect();
        if (b.width === 0) continue;
        if (b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5) out.push(`chart ${k}: "${t.textContent}" sticks out of its SVG`);
      }
    });
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
    for (const table of document.querySelectorAll('table')) {
      const box = table.closest<HTMLElement>('.scroll');
      if (!box) out.push(`table "${table.caption?.textContent}" has no scroll container`);
      else if (box.scrollWidth > box.clientWidth + 1 && (box.tabIndex !== 0 || box.getAttribute('role') !== 'region' || !(box.getAttribute('aria-label') || box.getAttribute('aria-labelledby'))))
        out.push(`the scrolling table "${table.caption?.textContent}" is no named keyboard stop`);
    }
    // A word of the header on two lines has two line boxes.
    for (const dd of document.querySelectorAll('dl.meta dd')) {
      const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.textContent!.matchAll(/\S+/g)) {
          if (m[0].length > 24) continue;
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          if (new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1) out.push(`header word "${m[0]}" is broken across lines`);
        }
      }
    }
    return out;
  });
}

for (const name of ['factorial', 'sobol', 'stretched', 'dutch']) {
  test(`the ${name} report fits an 800 px and a 1400 px window without cut labels or sideways scrolling`, async ({ page }) => {
    const watch = watchConsole(page);
    for (const width of [800, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(pathToFileURL(reports[name]!).href);
      await expect(page.locator('html.charts-ready')).toHaveCount(1);
      expect(await layoutProblems(page), `${name} at ${width} px`).toEqual([]);
      // Charts are drawn for the room they have, so their text shows at its own size, not shrunk with the picture.
      const scales = await page.locator('svg[viewBox]').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width));
      expect(scales.length).toBeGreaterThan(0);
      expect(Math.min(...scales), `${name} at ${width} px`).toBeGreaterThan(0.97);
    }
    expect(watch.problems).toEqual([]);
  });
}

test('a window made narrower gets its charts drawn again for the room it has, text at its own size and nothing cut', async ({ page }) => {
  const watch = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(pathToFileURL(reports.stretched!).href);
  await expect(page.locator('html.charts-ready')).toHaveCount(1);
  const smallest = () => page.locator('svg[viewBox]').evaluateAll((svgs) => Math.min(...svgs.map((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width)));
  await page.setViewportSize({ width: 800, height: 900 });
  await expect.poll(smallest).toBeGreaterThan(0.97);
  expect(await layoutProblems(page)).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('labels cut to fit keep the full text as a tooltip', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(pathToFileURL(reports.stretched!).href);
  await expect(page.locator('html.charts-ready')).toHaveCount(1);
  const titles = await page.locator('svg text > title').allTextContents();
  expect(titles).toContain(LONG_PATH);
  expect(titles).toContain('departmentPnl.engineeringAndProductDevelopmentTogether (thousand euro per quarter, before tax and transfers)');
  // A path that fits on two lines is shown whole, without a tooltip.
  const bars = page.locator('[data-sensitivity] svg text').filter({ hasText: 'boardAccountPlans' });
  await expect(bars.filter({ hasText: /^company\.interventions\.boardAccountPlans$/ })).toHaveCount(1);
});

test('the Dutch report draws its charts and tables in Dutch, with decimal commas', async ({ page }) => {
  const watch = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(pathToFileURL(reports.dutch!).href);
  await expect(page.locator('html.charts-ready')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const svgTitles = await page.locator('svg > title').allTextContents();
  expect(svgTitles).toContain('companyProfit per kwartaal');
  expect(svgTitles).toContain('Verdeling van lobbyingShare_cumulative');
  await expect(page.locator('svg text').filter({ hasText: /^kwartaal$/ }).first()).toBeVisible();
  await expect(page.locator('svg text').filter({ hasText: /^K1$/ }).first()).toBeVisible();
  await expect(page.locator('summary').filter({ hasText: 'de cijfers als tabel' }).first()).toBeVisible();
  // lobbyingShare is a share: its tick labels are decimals with a comma.
  const ticks = await page.locator('[data-metric-charts="1"] svg g text').allTextContents();
  expect(ticks.some((t) => /^0,\d+$/.test(t))).toBe(true);
  expect(ticks.some((t) => /^0\.\d+$/.test(t))).toBe(false);
  const text = await page.locator('main').innerText();
  for (const english of ['per quarter', 'Distribution of', 'the numbers as a table', 'series']) expect(text.includes(english), english).toBe(false);
  expect(watch.problems).toEqual([]);
});

test('the factorial, Sobol\' and Dutch reports pass the WCAG 2.1 AA checks of axe-core, tables of numbers opened', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const name of ['factorial', 'sobol', 'dutch']) {
    await page.goto(pathToFileURL(reports[name]!).href);
    await expect(page.locator('html.charts-ready')).toHaveCount(1);
    // The tables behind the charts count too: open every one.
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  }
});
