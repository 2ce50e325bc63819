/**
 * The debrief's replay picker offers only structures not yet replayed; when
 * every one has been, it is disabled and says so. The structures added are
 * kept with the saved game: after a reload the debrief shows them again.
 * The title screen then says the debrief has been seen.
 */
import { expect, test } from '@playwright/test';
import { finishQuarter, startTutorial, watchConsole } from './helpers';

test('the replay picker drops a structure once replayed and says when none are left', async ({ page }) => {
  test.setTimeout(180_000);
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  for (let q = 1; q <= 8; q++) await finishQuarter(page, q);
  await expect(page.getByRole('heading', { level: 1, name: 'Debrief: First quarter on two fronts' })).toBeVisible();

  const picker = page.getByLabel('Replay under another structure');
  const replay = page.getByRole('button', { name: 'Replay', exact: true });
  const offered = await picker.locator('option').allTextContents();
  expect(offered.length).toBeGreaterThan(0);
  for (let i = 0; i < offered.length; i++) {
    const next = (await picker.locator('option').allTextContents())[0]!;
    await picker.selectOption({ label: next });
    await replay.click();
    await expect(page.getByRole('heading', { level: 3, name: next, exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(picker.locator('option', { hasText: next })).toHaveCount(0);
  }
  await expect(picker).toBeDisabled();
  await expect(replay).toBeDisabled();
  await expect(page.getByText('Every other structure is already replayed above.')).toBeVisible();
  // Keyboard focus is not dropped on the page when the button goes: it lands on the note.
  await expect(page.getByText('Every other structure is already replayed above.')).toBeFocused();
  // A reload keeps the structures the player added: the debrief replays them again, and the picker stays empty.
  await page.reload();
  // The title screen knows the debrief has been seen: it offers it again, not as still waiting.
  await expect(page.getByText('First quarter on two fronts: all 8 quarters played, and you have seen the debrief. It stays here until you start a new game.')).toBeVisible();
  await expect(page.getByText(/debrief is waiting/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Open the debrief again' }).click();
  for (const name of offered) await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(picker).toBeDisabled();
  expect(watch.problems).toEqual([]);
});
