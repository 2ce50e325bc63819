/**
 * Nothing lost: the game saves itself after every quarter; a reload continues
 * at the same quarter with identical results, and the same seed and plans
 * give the same game code as an uninterrupted game. A save from another
 * version, or one the current model no longer reproduces, is refused politely.
 */
import { expect, test, type Page } from '@playwright/test';
import { finishQuarter, startTutorial, watchConsole } from './helpers';

test('a reload mid-game resumes at the same quarter with identical results', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  const code1 = await finishQuarter(page, 1);
  const code2 = await finishQuarter(page, 2);
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 3 of 8: your plan' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Continue your game' })).toBeVisible();
  await expect(page.getByText('First quarter on two fronts: you are about to plan quarter 3 of 8.')).toBeVisible();
  // The saved game's title follows the language chosen now.
  await page.getByRole('radio', { name: 'Nederlands' }).check();
  await expect(page.getByText('Eerste kwartaal op twee fronten: je gaat kwartaal 3 van 8 plannen.')).toBeVisible();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 3 of 8: your plan' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Quarters played: 2 of 8' })).toBeVisible();
  const resumed3 = await finishQuarter(page, 3);

  // The same scenario, seed and (default) plans without a reload: the same results, bit for bit.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Back to the title screen' }).click();
  await page.getByRole('button', { name: 'Play First quarter on two fronts' }).click();
  await page.getByRole('button', { name: 'Start a new game' }).click();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  expect(await finishQuarter(page, 1)).toBe(code1);
  expect(await finishQuarter(page, 2)).toBe(code2);
  expect(await finishQuarter(page, 3)).toBe(resumed3);
  expect(watch.problems).toEqual([]);
});

test('a reload on a quarter\'s results, its report or mid-plan comes back to that screen as it was left', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  await finishQuarter(page, 1);
  await finishQuarter(page, 2);
  await page.getByRole('button', { name: 'Submit plan for quarter 3' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 3: who got what' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Continue your game' })).toBeVisible();
  await expect(page.getByText('First quarter on two fronts: quarter 3 of 8 is played; you were looking at who got what.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 3: who got what' })).toBeVisible();
  const skip = page.getByRole('button', { name: 'Skip the animation' });
  if (await skip.isVisible()) await skip.click();
  await page.getByRole('button', { name: 'See the quarter report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 3: the report' })).toBeVisible();
  // The canvas's line of the alignment index, written out for the quarters so far.
  await expect(page.getByText(/^The index so far, quarter by quarter: Q1 \d+, Q2 \d+ and Q3 \d+\.$/)).toBeVisible();
  const code = await page.getByText(/^Game code [0-9a-f]{12}/).textContent();

  await page.reload();
  await expect(page.getByText('First quarter on two fronts: quarter 3 of 8 is played; you were reading its report.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 3: the report' })).toBeVisible();
  await expect(page.getByText(/^Game code [0-9a-f]{12}/)).toHaveText(code!);
  await page.getByRole('button', { name: 'Plan quarter 4' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 4 of 8: your plan' })).toBeVisible();

  // The plan being put together, the joint-proposal form included, survives a reload as it was left.
  const lobby = page.getByRole('group', { name: 'Lobbying department heads' }).getByLabel('Solution Engineering');
  await lobby.fill('3');
  const colleague = page.getByLabel('Colleague', { exact: true });
  const theirs = page.getByLabel('Their opportunity', { exact: true });
  const mine = page.getByLabel('Your opportunity', { exact: true });
  const jointDays = page.getByLabel('Your days', { exact: true });
  await colleague.selectOption({ label: 'Daan' });
  const stark = (await theirs.locator('option').allTextContents()).filter((t) => t.startsWith('Stark Mobility'));
  expect(stark.length).toBeGreaterThan(0);
  await theirs.selectOption({ label: stark[stark.length - 1]! });
  const mineOptions = await mine.locator('option').allTextContents();
  await mine.selectOption({ label: mineOptions[mineOptions.length - 1]! });
  await jointDays.fill('5');
  // Daan (a team player) proposes a joint solution this quarter; the days typed in answer are kept too.
  const replyDays = page.getByLabel('Your days for this proposal', { exact: true });
  await expect(replyDays).toHaveCount(1);
  await replyDays.fill('7');
  const form = async () => [
    await colleague.inputValue(),
    await theirs.inputValue(),
    await mine.inputValue(),
    await jointDays.inputValue(),
    await lobby.inputValue(),
    await replyDays.inputValue(),
  ];
  const before = await form();
  expect(before[0]).toBe('daan');
  expect(before[5]).toBe('7');
  // Wait for the draft to be stored (it is written shortly after the last edit).
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('two-fronts', 1);
            open.onsuccess = () => {
              const get = open.result.transaction('save', 'readonly').objectStore('save').get('draft');
              get.onsuccess = () => {
                open.result.close();
                const draft = get.result as { proposal?: { days?: number }; replyDays?: Record<string, number> } | undefined;
                resolve([draft?.proposal?.days ?? null, ...Object.values(draft?.replyDays ?? {})]);
              };
            };
          }),
      ),
    )
    .toEqual([5, 7]);

  await page.reload();
  await expect(page.getByText('First quarter on two fronts: you are about to plan quarter 4 of 8.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 4 of 8: your plan' })).toBeVisible();
  expect(await form()).toEqual(before);
  expect(watch.problems).toEqual([]);
});

test('a save from an incompatible version is refused politely', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario library' })).toBeVisible();
  // A save as an older version would have written it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('two-fronts', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('save');
        open.onsuccess = () => {
          const tx = open.result.transaction('save', 'readwrite');
          tx.objectStore('save').put({ format: 'two-fronts/save@0', title: 'Old game', played: 3, quarters: 8 }, 'head');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Your saved game cannot be continued' })).toBeVisible();
  await expect(page.getByText(/different version of Two Fronts \(save format “two-fronts\/save@0”\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove the old save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your saved game cannot be continued' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario library' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Your saved game cannot be continued' })).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});

/**
 * Plays the tutorial's first quarter, alters its save as a version whose model gave other results would have
 * written it, reloads and asks to continue: the title screen then says the game cannot be continued.
 */
async function playAndSeeRefused(page: Page): Promise<void> {
  await startTutorial(page);
  await finishQuarter(page, 1);
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 2 of 8: your plan' })).toBeVisible();
  await alterSavedQuarter1(page);
  await page.reload();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your saved game cannot be continued' })).toBeVisible();
}

/** As a save written by a version whose model gave other results: quarter 1's first reporter is not what the engine gives now. */
async function alterSavedQuarter1(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('two-fronts');
        open.onsuccess = () => {
          const tx = open.result.transaction('save', 'readwrite');
          const store = tx.objectStore('save');
          const get = store.get('q:1');
          get.onsuccess = () => {
            const rec = get.result as { values: number[] };
            rec.values[0] = rec.values[0]! + 1;
            store.put(rec, 'q:1');
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('a save whose quarters the current model no longer reproduces is refused politely, not played on', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchConsole(page);
  await page.goto('/');
  await playAndSeeRefused(page);
  await expect(page.getByText(/whose model has changed since: the same plans no longer give the results you played/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 2 of 8: your plan' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove the old save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your saved game cannot be continued' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario library' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Continue your game' })).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});

test('a new game started over a save the model refused is not refused in its turn', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchConsole(page);
  await page.goto('/');
  await playAndSeeRefused(page);
  // The card says a new game replaces the old save: the player starts one instead of removing it first.
  await startTutorial(page);
  await finishQuarter(page, 1);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Back to the title screen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Continue your game' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Your saved game cannot be continued' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 2 of 8: your plan' })).toBeVisible();
  expect(watch.problems).toEqual([]);
});

test('a reload on the briefing of a new game comes back to the briefing', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Play First quarter on two fronts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First quarter on two fronts' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('First quarter on two fronts: you were reading the briefing; quarter 1 of 8 comes next.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First quarter on two fronts' })).toBeVisible();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1 of 8: your plan' })).toBeVisible();
  expect(watch.problems).toEqual([]);
});
