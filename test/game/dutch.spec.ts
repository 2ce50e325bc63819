/**
 * Dutch: the language switch on the title screen and in the settings; every
 * view in Dutch, <html lang> following, numbers and money in Dutch notation.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';

test('the game plays in Dutch, with Dutch numbers and <html lang="nl">', async ({ page }) => {
  test.setTimeout(90_000);
  const watch = watchConsole(page);
  await page.goto('/');
  await page.getByRole('radio', { name: 'Nederlands' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 2, name: 'Scenariobibliotheek' })).toBeVisible();
  // The file button is in the game's words, not the browser's ("Choose File").
  await expect(page.getByText('Kies een bestand…')).toBeVisible();
  await expect(page.getByText(/Choose File|No file chosen/)).toHaveCount(0);
  // A trainer's broken file: its problems in Dutch, with the place in the file.
  const broken = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8').replace(/capacity: \d+/, 'capacity: -5');
  await page.getByLabel('Laad je eigen scenariobestand (YAML of JSON)').setInputFiles({ name: 'kapot.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
  await expect(page.getByRole('alert').getByRole('heading', { name: /kapot\.yaml kan nog niet gespeeld worden/ })).toBeVisible();
  await expect(page.getByRole('alert').getByRole('listitem').first()).toContainText(/kapot\.yaml, regel \d+, kolom \d+/);
  await page.getByRole('button', { name: 'Spelen: Eerste kwartaal op twee fronten' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Jouw accounts' })).toBeVisible();
  // The player's seat is called "Jij": the briefing does not say "Je speelt Jij".
  await expect(page.getByText('Jouw accounts: Acme Industries en Borealis Energy. Je hebt elk kwartaal 60 d eigen tijd, 8 kwartalen lang.')).toBeVisible();
  // Dutch money: "€ 500k", never "€500k".
  await expect(page.getByRole('cell', { name: '€ 500k' })).toBeVisible();
  await page.getByRole('button', { name: 'Begin kwartaal 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kwartaal 1 van 8: jouw plan' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Lobbyen bij afdelingshoofden' })).toBeVisible();
  // Plan fields in Dutch notation: a need of 12.21 days reads 12,21; the arrow keys step along the
  // 0.5-day grid from it and back up to the need, the field's maximum.
  const values = await page.locator('.opportunity input[role="spinbutton"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values.some((v) => /^\d+,\d+$/.test(v))).toBe(true);
  expect(values.some((v) => /\d\.\d/.test(v))).toBe(false);
  const fractional = values.findIndex((v) => /^\d+,\d+$/.test(v));
  const need = values[fractional]!;
  const ask = page.locator('.opportunity input[role="spinbutton"]').nth(fractional);
  // The need beside the field is the field's own number, not one rounded to tenths.
  await expect(page.locator(`#${(await ask.getAttribute('aria-describedby'))!.split(' ')[0]}`)).toHaveText(`nodig: ${need} d`);
  await ask.focus();
  await ask.press('ArrowDown');
  const below = Math.floor(Number(need.replace(',', '.')) * 2) / 2;
  await expect(ask).toHaveValue(String(below).replace('.', ','));
  await ask.press('ArrowUp');
  await expect(ask).toHaveValue(need);
  await page.getByRole('button', { name: 'Plan voor kwartaal 1 indienen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kwartaal 1: wie kreeg wat' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Waarom, per afdeling' })).toBeVisible();
  await expect(page.getByText(/(gaf de voorkeur aan|bediende|had genoeg capaciteit)/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Naar het kwartaalrapport' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Interne afstemming (7S)' })).toBeVisible();
  // Switching back in the settings works mid-game and keeps the view.
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await page.getByRole('dialog').getByRole('radio', { name: 'English' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: the report' })).toBeVisible();
  expect(watch.problems).toEqual([]);
});
