/**
 * The results' "why", as the trainee reads it: reasons listed so that each
 * reads on its own (the board-sponsorship scenario, whose requests without
 * sponsorship are held back by several factors at once).
 */
import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';

test('the board-sponsorship results list each reason on its own, with semicolons', async ({ page }) => {
  const watch = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Play Board sponsorship and its dilution' }).click();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await page.getByRole('button', { name: 'Submit plan for quarter 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: who got what' })).toBeVisible();
  await expect(page.locator('.resolution .rest table')).toBeVisible();
  const why = page.locator('.dept-why');
  await expect(why).toHaveCount(4);
  const sentences = await why.locator('p, li').allTextContents();
  // Without sponsorship where others had it: said in one piece, and the next reason after a semicolon.
  expect(sentences.filter((s) => s.includes('no board sponsorship (others had it)')).length).toBeGreaterThan(0);
  for (const s of sentences) {
    expect(s).not.toContain('where others had it');
    expect(s).not.toMatch(/(Helped by|Held back by) (?!:)/);
    // After the colon, one reason per semicolon: never two reasons run together with a comma and "and".
    const reasons = /(?:Helped by|Held back by|came off worst, with \d+%|of its ask): (.*)\.$/.exec(s)?.[1];
    if (reasons) expect(reasons, s).not.toMatch(/\) and |\), [a-z]/);
  }
  expect(watch.problems).toEqual([]);
});
