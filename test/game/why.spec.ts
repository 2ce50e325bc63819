/**
 * The results' "why", as the trainee reads it: reasons listed so that each
 * reads on its own (the board-sponsorship scenario, whose requests without
 * sponsorship are held back by several factors at once), and the player's
 * own lobbying written out with what it added to influence, in the
 * sentences and in the department's table of requests (the tutorial).
 */
import { expect, test } from '@playwright/test';
import { startTutorial, watchConsole } from './helpers';

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

test('the player’s lobbying of Solution Engineering is written out on their requests and in the table of all requests', async ({ page }) => {
  const watch = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await startTutorial(page);
  await page.getByRole('group', { name: 'Lobbying department heads' }).getByLabel('Solution Engineering').fill('10');
  await page.getByRole('button', { name: 'Submit plan for quarter 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: who got what' })).toBeVisible();
  const engineering = page.getByRole('region', { name: 'Solution Engineering' });
  // Others lobbied too, so the days set no request apart; what they added is said all the same, on each of the player's requests.
  const yours = engineering.locator('ul.yours > li');
  await expect(yours).toHaveCount(4);
  const said = /You lobbied 10\u00a0d here: \+0\.40 influence, from 1\.20 to 1\.60 \(the score ×\u00a01\.33\)\. The other KAMs’ requests here got \+\d\.\d\d from lobbying on average\.$/;
  for (const text of await yours.allTextContents()) expect(text).toMatch(said);
  // Service Delivery, not lobbied: no such line there.
  await expect(page.getByRole('region', { name: 'Service Delivery' }).getByText(/You lobbied/)).toHaveCount(0);

  // The table of all requests: the days each request's KAMs lobbied, and the influence with lobbying's part.
  await engineering.getByText(/^All \d+ requests at Solution Engineering$/).click();
  const table = engineering.getByRole('table', { name: /^All \d+ requests at Solution Engineering$/ });
  await expect(table).toBeVisible();
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers).toEqual(['Request', 'KAM', 'Asked', 'Got', 'Share', 'Lobbied', 'Influence (+ from lobbying)']);
  const rows = table.locator('tbody tr.you');
  await expect(rows).toHaveCount(4);
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell').nth(4)).toHaveText('10\u00a0d');
    await expect(row.getByRole('cell').nth(5)).toHaveText('1.60 (+0.40)');
  }
  expect(watch.problems).toEqual([]);
});
