/**
 * Accessibility: every view passes axe-core's WCAG 2.1 A/AA rules without a
 * serious or critical violation, and a quarter can be planned and submitted
 * with the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startTutorial, watchConsole } from './helpers';

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
  await audit(page, 'resolution');
  await page.getByRole('button', { name: 'See the quarter report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: the report' })).toBeVisible();
  await audit(page, 'report');
  await page.getByRole('button', { name: 'Settings' }).click();
  await audit(page, 'settings');
  await page.keyboard.press('Escape');
  expect(watch.problems).toEqual([]);
});

test('a quarter is planned and submitted with the keyboard alone', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  // The planning view puts focus on its heading; Tab walks through the plan.
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1 of 8: your plan' })).toBeFocused();
  const lobby = page.getByRole('group', { name: 'Lobbying department heads' }).getByLabel('Solution Engineering');
  for (let i = 0; i < 80 && !(await lobby.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(lobby).toBeFocused();
  await page.keyboard.type('5');
  await expect(page.getByText(/^Lobbying: 5 d$/)).toBeVisible();
  const submit = page.getByRole('button', { name: 'Submit plan for quarter 1' });
  for (let i = 0; i < 120 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: who got what' })).toBeFocused();
  expect(watch.problems).toEqual([]);
});
