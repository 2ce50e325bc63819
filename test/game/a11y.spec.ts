/**
 * Accessibility: every view passes axe-core's WCAG 2.1 A/AA rules without a
 * serious or critical violation, a quarter can be planned and submitted
 * with the keyboard alone, and controls that repeat (the debrief's chart
 * downloads, the "Show the numbers" and "All N requests" expanders) each
 * have a name of their own.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { finishQuarter, startTutorial, watchConsole } from './helpers';

async function audit(page: Page, view: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

test('every view passes the WCAG 2.1 AA checks of axe-core', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario library' })).toBeVisible();
  await audit(page, 'title');
  await page.getByRole('button', { name: 'Play First quarter on two fronts' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your accounts' })).toBeVisible();
  await audit(page, 'briefing');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1 of 8: your plan' })).toBeVisible();
  await audit(page, 'quarter');
  await page.getByRole('button', { name: 'Submit plan for quarter 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: who got what' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Legal & Contracts' })).toBeVisible();
  // The quarter marks say which quarter the screen is about: the results of quarter 1, not quarter 2 to come.
  await expect(page.locator('#topbar [aria-current="step"]')).toHaveText(/^Quarter 1, now/);
  await audit(page, 'resolution');
  await page.getByRole('button', { name: 'See the quarter report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: the report' })).toBeVisible();
  await audit(page, 'report');
  await expect(page.locator('#topbar [aria-current="step"]')).toHaveText(/^Quarter 1, now/);
  await page.getByRole('button', { name: 'Settings' }).click();
  await audit(page, 'settings');
  await page.keyboard.press('Escape');
  // Briefing in the top bar reopens the whole briefing, not only its story.
  await page.getByRole('button', { name: 'Briefing', exact: true }).click();
  const briefing = page.getByRole('dialog', { name: 'First quarter on two fronts' });
  // A long text opens at its heading, scrolled to the top, not at its Close button.
  await expect(briefing.getByRole('heading', { level: 2, name: 'First quarter on two fronts' })).toBeFocused();
  expect(await briefing.evaluate((d) => d.scrollTop)).toBe(0);
  for (const heading of ['Your accounts', 'Your colleagues', 'The departments'])
    await expect(briefing.getByRole('heading', { level: 3, name: heading })).toBeVisible();
  await expect(briefing.getByRole('rowheader', { name: 'Legal & Contracts' })).toBeVisible();
  await audit(page, 'briefing dialog');
  await page.keyboard.press('Escape');
  await expect(briefing).toBeHidden();
  expect(watch.problems).toEqual([]);
});

test('a quarter is planned and submitted with the keyboard alone', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  // The planning view puts focus on its heading; Tab walks through the plan.
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1 of 8: your plan' })).toBeFocused();
  // The skip links move focus to their section's heading, and Tab goes on from there.
  const nav = page.getByRole('navigation', { name: 'Parts of your plan' });
  const skips: [string, string, RegExp][] = [
    ['Your time', 'time-title', /^Your time: /],
    ['Joint proposals with colleagues', 'joint-title', /^Joint proposals with colleagues$/],
    ['Your opportunities', 'opps-title', /^Your opportunities$/],
  ];
  for (const [link, id, heading] of skips) {
    await nav.getByRole('link', { name: link }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: heading })).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate((h) => document.getElementById(h)!.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING, id)).toBeTruthy();
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  }
  await page.getByRole('heading', { level: 1, name: 'Quarter 1 of 8: your plan' }).focus();
  const lobby = page.getByRole('group', { name: 'Lobbying department heads' }).getByLabel('Solution Engineering');
  for (let i = 0; i < 80 && !(await lobby.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(lobby).toBeFocused();
  await page.keyboard.type('5');
  await expect(page.getByText(/^Lobbying: 5\u00a0d$/)).toBeVisible();
  const submit = page.getByRole('button', { name: 'Submit plan for quarter 1' });
  for (let i = 0; i < 120 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: who got what' })).toBeFocused();
  expect(watch.problems).toEqual([]);
});

/** The accessible names of `role` in the accessibility snapshot of `root` that match `pattern`. */
async function namesIn(page: Page, root: string, role: string, pattern: RegExp): Promise<string[]> {
  const snapshot = await page.locator(root).ariaSnapshot();
  return [...snapshot.matchAll(new RegExp(`- '?${role} "([^"]*)"`, 'g'))].map((m) => m[1]!).filter((n) => pattern.test(n));
}

test('expanders and chart downloads have names of their own, on the results screen and the debrief', async ({ page }) => {
  test.setTimeout(240_000);
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  await page.getByRole('button', { name: 'Submit plan for quarter 1' }).click();
  await expect(page.getByRole('region', { name: 'Legal & Contracts' })).toBeVisible();
  const skip = page.getByRole('button', { name: 'Skip the animation' });
  if (await skip.isVisible()) await skip.click();
  // Each department's "All N requests at …" expander is a group named by its summary.
  const requestGroups = await namesIn(page, 'body', 'group', /^All \d+ requests at /);
  expect(requestGroups.map((n) => n.replace(/^All \d+ requests at /, '')).sort()).toEqual(['Legal & Contracts', 'Product & R&D', 'Service Delivery', 'Solution Engineering']);
  await page.getByRole('button', { name: 'See the quarter report' }).click();
  await page.getByRole('button', { name: 'Plan quarter 2' }).click();
  for (let q = 2; q <= 8; q++) await finishQuarter(page, q);

  await expect(page.getByRole('heading', { level: 1, name: 'Debrief: First quarter on two fronts' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your total result under each structure' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('100 AI-only games played.')).toBeVisible({ timeout: 60_000 });
  // Every chart has a "Show the numbers" expander naming it: twelve charts, twelve tables.
  const tables = await namesIn(page, 'article.debrief', 'group', /^Show the numbers/);
  expect(tables).toHaveLength(12);
  expect(new Set(tables).size).toBe(12);
  expect(await page.locator('article.debrief figure').count()).toBe(12);
  for (const chart of ['Company profit per quarter', 'Your total result under each structure', 'Company profit under each structure', 'Your result among 100 AI-only games'])
    expect(tables).toContain(`Show the numbers for “${chart}”`);
  expect(await page.locator('article.debrief details').count()).toBe(12);
  // The luck check's table counts every one of the 100 games once, and marks the range your result is in.
  const luck = page.locator('table', { has: page.locator('caption', { hasText: 'Your result among 100 AI-only games' }) });
  const games = (await luck.locator('tbody td').allTextContents()).map(Number);
  expect(games.reduce((a, b) => a + b, 0)).toBe(100);
  await expect(luck.locator('tbody th', { hasText: '(yours)' })).toHaveCount(1);
  // The bar charts' tables name each structure, the one played as "your game".
  const totals = page.locator('table', { has: page.locator('caption', { hasText: 'Your total result under each structure' }) });
  await expect(totals.locator('tbody th', { hasText: '(your game)' })).toHaveCount(1);
  // Every download button names its chart and its format, and still shows "SVG"/"PNG".
  for (const format of ['SVG', 'PNG']) {
    const buttons = page.locator('article.debrief .chart-tools button', { hasText: new RegExp(`^${format}$`) });
    const count = await buttons.count();
    expect(count).toBe(12);
    const named = await namesIn(page, 'article.debrief', 'button', new RegExp(` as ${format}$`));
    expect(named).toHaveLength(count);
    expect(new Set(named).size).toBe(count);
    expect(named).toContain(`Download “Company profit per quarter” as ${format}`);
  }
  // The lead names the player's place as a place.
  await expect(page.getByText(/^You finished (1st|2nd|3rd|4th) of 4 with /)).toBeVisible();
  // Back to the title screen from the debrief: focus lands on the title screen's heading, not on the page.
  await page.getByRole('button', { name: 'Back to the title screen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario library' })).toBeVisible();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^H[12]$/);
  expect(watch.problems).toEqual([]);
});

test('a field focused with Tab is never hidden under the plan\'s budget footer, however tall the footer grows', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  // Four uses of time make four lines in the footer's legend, and the footer taller than it first was.
  await page.getByRole('group', { name: 'Lobbying department heads' }).getByLabel('Solution Engineering').fill('4');
  await page.getByRole('group', { name: 'Building relationships' }).getByLabel('Product & R&D').fill('10');
  await page.getByRole('group', { name: 'Borealis Energy, opportunity 1' }).getByLabel('Business case (your days)').fill('10');
  await expect(page.locator('.meter-legend li')).toHaveCount(4);
  await page.getByRole('heading', { level: 1, name: 'Quarter 1 of 8: your plan' }).focus();
  const hidden: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      if (el.closest('.plan-footer')) return null;
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { name: `${el.closest('fieldset')?.querySelector('legend')?.textContent ?? ''} › ${el.labels?.[0]?.textContent ?? el.textContent ?? ''}`, seen: top === el || el.contains(top) };
    });
    if (seen === null) break;
    if (!seen.seen) hidden.push(seen.name);
  }
  expect(hidden).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('switching the language from the keyboard keeps focus on the choice, and closing Settings gives focus back to its button', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  // On the title screen: the arrow key picks Nederlands; the panel is drawn again in Dutch with focus on the choice.
  await page.getByRole('radio', { name: 'English' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('radio', { name: 'Nederlands' })).toBeFocused();
  await page.getByRole('button', { name: 'Spelen: Eerste kwartaal op twee fronten' }).click();
  await page.getByRole('button', { name: 'Begin kwartaal 1' }).click();
  // The plan takes focus to its heading once drawn (a frame or more later); only then is Settings focused, so the key goes to it.
  await expect(page.getByRole('heading', { level: 1, name: 'Kwartaal 1 van 8: jouw plan' })).toBeFocused();
  // Mid-game, in Settings: the dialog opens on the language in use, switches back with an arrow key and stays on it.
  await page.getByRole('button', { name: 'Instellingen' }).focus();
  await expect(page.getByRole('button', { name: 'Instellingen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog').getByRole('radio', { name: 'Nederlands' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('dialog').getByRole('radio', { name: 'English' })).toBeFocused();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  // The top bar was drawn again in English: focus goes to its Settings button, not to the page.
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
  expect(watch.problems).toEqual([]);
});
