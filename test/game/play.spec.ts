/**
 * A trainee plays the tutorial from the title screen to the debrief, with
 * role and label selectors only: plans with lobbying, a business case and a
 * joint proposal, reads who got what and why, and ends on the debrief with
 * the counterfactual, the luck check and the exports. No console errors on
 * the way. (The timing checks are in timing.spec.ts.)
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { money, setLanguage } from '../../src/game/i18n';
import { loadScenario } from '../../src/scenario/load';
import { simulate, summarize } from '../../src/sim/index';
import { finishQuarter, startTutorial, watchConsole } from './helpers';

test('the tutorial plays from title to debrief, with why, counterfactual, luck check and exports', async ({ page }) => {
  test.setTimeout(180_000);
  const watch = watchConsole(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario library' })).toBeVisible();
  await expect(page.getByText('Four KAMs, four departments, eight quarters.', { exact: false })).toBeVisible();
  await startTutorial(page);

  // Quarter 1: a plan of one's own.
  const lobbying = page.getByRole('group', { name: 'Lobbying department heads' });
  await lobbying.getByLabel('Solution Engineering').fill('6.5');
  const relationships = page.getByRole('group', { name: 'Building relationships' });
  await relationships.getByLabel('Product & R&D').fill('4');
  const firstOpportunity = page.getByRole('group', { name: 'Borealis Energy, opportunity 1' });
  await firstOpportunity.getByLabel('Business case (your days)').fill('5');
  // The time meter writes days as the fields do: what is planned and what is left add up to the 60 days as written.
  const meter = page.getByText(/ of 60\u00a0d planned · /);
  await expect(meter).toHaveText(/^\d+(\.\d+)?\u00a0d of 60\u00a0d planned · \d+(\.\d+)?\u00a0d left$/);
  const [used, left] = ((await meter.textContent())!.match(/\d+(\.\d+)?(?=\u00a0d)/g) ?? []).filter((_, i) => i !== 1).map(Number);
  expect(used! % 1).toBe(0.5);
  expect(used! + left!).toBe(60);
  await expect(page.getByRole('listitem').filter({ hasText: /^Lobbying: 6\.5\u00a0d$/ })).toBeVisible();

  // Live check: asking more than the need is caught before submitting.
  const engineering = firstOpportunity.getByLabel('Solution Engineering');
  const need = Number(await engineering.getAttribute('aria-valuemax'));
  await engineering.fill(String(need + 5));
  await expect(firstOpportunity.getByText(/is more than the .* it needs/)).toBeVisible();
  await engineering.fill(String(need));
  await expect(firstOpportunity.getByText(/is more than the .* it needs/)).toHaveCount(0);

  // Over budget is caught too.
  const customers = page.getByRole('group', { name: 'With your customers' });
  await customers.getByLabel('Acme Industries').fill('80');
  await expect(page.getByText(/more than your 60\u00a0d/).first()).toBeVisible();
  await customers.getByLabel('Acme Industries').fill('12');

  // A joint proposal: the colleague answers in character.
  await page.getByLabel('Colleague', { exact: true }).selectOption({ label: 'Daan' });
  // Under the choice, what the colleague's opportunity needs and what the two share (Wayne: service, legal; Acme: engineering, service, legal; Borealis: engineering, product, service).
  const theirs = page.getByLabel('Their opportunity', { exact: true });
  await theirs.selectOption({ label: (await theirs.locator('option').allTextContents()).find((t) => t.startsWith('Wayne Logistics'))! });
  const mine = page.getByLabel('Your opportunity', { exact: true });
  await mine.selectOption({ label: 'Acme Industries, opportunity 1' });
  await expect(theirs).toHaveAccessibleDescription('Their opportunity needs Service Delivery and Legal & Contracts. Yours needs them too, so the two can be combined.');
  await mine.selectOption({ label: 'Borealis Energy, opportunity 1' });
  await expect(mine).toHaveAccessibleDescription('Their opportunity needs Service Delivery and Legal & Contracts. Both need Service Delivery, so the two can be combined.');
  await page.getByLabel('Your days', { exact: true }).fill('4');
  await page.getByRole('button', { name: 'Ask the colleague' }).click();
  // In the panel (the page's announcer reads an agreement out as well).
  await expect(page.locator('#panel').getByText(/^Daan: “/)).toBeVisible();

  // Resolve quarter 1: the capacity flows, then the skip button goes away.
  await page.getByRole('button', { name: 'Submit plan for quarter 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: who got what' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skip the animation' })).toHaveCount(0, { timeout: 15_000 });

  // Who won, who lost, and why, in plain words.
  await expect(page.getByRole('heading', { level: 2, name: 'Who won, who lost' })).toBeVisible();
  await expect(page.getByText(/most served/).first()).toBeVisible();
  // Every KAM's bar has a track of the same length and place, however long the figure beside it.
  const tracks = await page.locator('.standings .bar').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return `${Math.round(r.left)}:${Math.round(r.width)}`; }));
  expect(tracks).toHaveLength(4);
  expect(new Set(tracks).size).toBe(1);
  // Two rankings, each saying what it ranks: here the share of the asks, on the report the result.
  await expect(page.getByText(/: rank \d of 4 KAMs by the share of their asks they got\.$/)).toBeVisible();
  const why = page.getByRole('region', { name: 'Solution Engineering' });
  await expect(why.getByText(/Solution Engineering (favoured|served|had enough)/)).toBeVisible();
  await expect(why.getByText(/^Your .*: got .* of .*\(\d+%\)/).first()).toBeVisible();
  await page.getByRole('button', { name: 'See the quarter report' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Internal alignment (7S)' })).toBeVisible();
  await expect(page.getByText(/^rank \d of 4 by result$/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'The seven elements this quarter' })).toBeVisible();
  await page.getByRole('button', { name: 'Plan quarter 2' }).click();

  // Quarter 2 on: last quarter's time split, then submit.
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 2 of 8: your plan' })).toBeVisible();
  await page.getByRole('button', { name: 'Use last quarter’s time split' }).click();
  await expect(page.getByRole('group', { name: 'Lobbying department heads' }).getByLabel('Solution Engineering')).toHaveValue('6.5');
  for (let q = 2; q <= 8; q++) {
    await expect(page.getByRole('heading', { level: 1, name: `Quarter ${q} of 8: your plan` })).toBeVisible();
    await finishQuarter(page, q);
  }

  // The debrief.
  await expect(page.getByRole('heading', { level: 1, name: 'Debrief: First quarter on two fronts' })).toBeVisible();
  // The podium, as numbers: every KAM with their rank and result, the player among them.
  const standings = page.getByRole('table', { name: 'Final standings' });
  await expect(standings.getByRole('row')).toHaveCount(5);
  await expect(standings.getByRole('row', { name: /^1 / })).toBeVisible();
  await expect(standings.getByRole('cell', { name: 'You' })).toBeVisible();
  for (const name of ['Your accounts: share of their needs delivered', 'Your accounts: satisfaction', 'Your accounts: revenue per quarter', 'Company profit per quarter', 'Department P&L per quarter', 'Expert-days received per KAM and quarter', 'The seven elements, first and last quarter']) {
    await expect(page.getByRole('img', { name })).toBeVisible();
  }
  // The 7S radar: no word on another or on a marker (the outer ring's "100" once sat on "Strategy").
  const clashes = await page.getByRole('img', { name: 'The seven elements, first and last quarter' }).evaluate((svg) => {
    const box = (e: Element) => ({ what: e.textContent || e.tagName, r: e.getBoundingClientRect() });
    const words = [...svg.querySelectorAll('text')].map(box);
    const marks = [...svg.querySelectorAll('path[transform^="translate"]')].map(box);
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return words.flatMap((a, i) => [...words.slice(i + 1), ...marks].filter((b) => meet(a.r, b.r)).map((b) => `${a.what} on ${b.what}`));
  });
  expect(clashes).toEqual([]);
  // Counterfactual: the same game under each comparison regime, side by side, differences named.
  await expect(page.getByRole('img', { name: 'Your total result under each structure' })).toBeVisible({ timeout: 30_000 });
  for (const regime of ['Account-level P&L', 'Matrix scorecard', 'Executive sponsorship']) {
    await expect(page.getByRole('heading', { level: 3, name: regime })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 4, name: 'What would have been different' }).first()).toBeVisible();
  // The marks are explained: ▲ is better, whichever way the number goes.
  await expect(page.getByText(/^▲ better, ▼ worse than your game\. .*less is better/)).toBeVisible();
  // Luck check: 100 AI-only runs with the player's result placed.
  await expect(page.getByText('100 AI-only games played.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: 'Your result among 100 AI-only games' })).toBeVisible();
  await expect(page.getByText(/Your result of .* beats \d+% of the 100 games/).first()).toBeVisible();
  // The stand-in also plays the game's own seed, every other seat as it was: the engine's AI-only run of that seed,
  // the player's result against it, and how good those cards were among the other draws.
  const tutorial = loadScenario(readFileSync('scenarios/tutorial.yaml', 'utf8'), 'tutorial.yaml').input;
  setLanguage('en');
  const standIn = money(summarize(simulate(tutorial, {})).cumulative['kamScore.you']!);
  await expect(page.getByText(`With your own cards (the same seed and colleagues) your stand-in made ${standIn}`, { exact: false })).toBeVisible();
  await expect(page.getByText(/^Your cards were (good|poor|ordinary): your stand-in’s result with them beats \d+% of its 100 games with other draws\.$/)).toBeVisible();
  await expect(page.getByText(/more than luck of the draw|with the same cards/)).toHaveCount(0);
  // The chart places the stand-in's result on the player's cards among the other draws too, and its table says in which range.
  const luckChart = page.getByRole('img', { name: 'Your result among 100 AI-only games' });
  await expect(luckChart.getByText(`Your stand-in with your cards: ${standIn}`)).toBeVisible();
  await expect(page.locator('td, th').filter({ hasText: /\(.*your stand-in with your cards\)/ })).toHaveCount(1);
  // Discussion questions.
  await expect(page.getByRole('heading', { level: 2, name: 'Questions for discussion' })).toBeVisible();
  await expect(page.getByText('Which of your requests got the least capacity, and which factor decided it?')).toBeVisible();

  // The debrief passes the accessibility checks too.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Exports: the game as CSV, a chart as SVG and as PNG.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Your game (CSV)' }).click()]);
  expect(csv.suggestedFilename()).toBe('two-fronts-tutorial-quarters.csv');
  const text = await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.trim().split('\n');
  expect(lines).toHaveLength(9);
  expect(lines[0]).toContain('companyProfit');
  expect(lines[0]).toContain('departmentPnl_engineering');
  // A chart taken out of the page keeps its caption, as a title above it.
  const first = page.locator('article.debrief figure.chart').first();
  const caption = (await first.locator('figcaption').textContent())!;
  const box = await first.locator('svg').first().evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.height);
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).first().click()]);
  expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
  const svgOut = readFileSync((await svgFile.path())!, 'utf8');
  expect(svgOut).toContain(`font-weight="700" fill="#1d2330">${caption.replace(/&/g, '&amp;')}</text>`);
  expect(svgOut).toMatch(new RegExp(`viewBox="0 0 \\d+ ${box + 32}"`));
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).first().click()]);
  expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
  // Twice the chart's size, title band included (the PNG's height is read from its header).
  expect(readFileSync((await pngFile.path())!).readUInt32BE(20)).toBe(2 * (box + 32));
  expect(watch.problems).toEqual([]);
});
