/**
 * A trainer's own scenario file: a broken file shows its problems as a list
 * with file, line and column; a hostile file's text is shown as text and
 * never runs; a valid file can be played.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';

const tutorial = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8');

test('a broken scenario file shows its errors with file, line and column', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  const broken = tutorial.replace(/capacity: \d+/, 'capacity: -5').replace('control: player', 'control: plyer');
  await page.getByLabel('Load your own scenario file (YAML or JSON)').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: /broken\.yaml cannot be played yet: \d+ problem/ })).toBeVisible();
  await expect(alert.getByRole('listitem').first()).toContainText(/broken\.yaml, line \d+, column \d+/);
  await expect(alert).toContainText('kams[0].control');
  await expect(alert).toContainText('departments[0].capacity');
  expect(watch.problems).toEqual([]);
});

test('scenario text from a file is shown as text and never runs', async ({ page }) => {
  const watch = watchConsole(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/');
  const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const hostile = tutorial
    .replace(/^title:.*$/m, `title: ${JSON.stringify(payload)}`)
    .replace(/^id: .*$/m, 'id: hostile');
  await page.getByLabel('Load your own scenario file (YAML or JSON)').setInputFiles({ name: 'hostile.yaml', mimeType: 'text/yaml', buffer: Buffer.from(hostile) });
  await expect(page.getByRole('heading', { level: 3, name: payload })).toBeVisible();
  await page.getByRole('button', { name: `Play ${payload}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: payload })).toBeVisible();
  expect(await page.locator('img[src="x"], #panel script').count()).toBe(0);
  expect(dialogs).toBe(0);
  expect(watch.problems).toEqual([]);
});

test('a valid file with a warning can be played, and the warning is listed politely with its place', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  // The tutorial is bilingual: a title in English only is worth a warning.
  const oneLanguage = tutorial.replace(/^title:.*$/m, 'title: { en: "Tutorial, English only" }');
  await page.getByLabel('Load your own scenario file (YAML or JSON)').setInputFiles({ name: 'warned.yaml', mimeType: 'text/yaml', buffer: Buffer.from(oneLanguage) });
  const status = page.locator('.file-warnings[role="status"]');
  await expect(status.getByRole('heading', { name: 'warned.yaml can be played; 1 thing to check' })).toBeVisible();
  await expect(status.getByRole('listitem')).toContainText(/warned\.yaml, line \d+, column \d+/);
  await expect(status.getByRole('listitem')).toContainText('title');
  await expect(status.getByRole('listitem')).toContainText('no Dutch text (nl)');
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.getByRole('button', { name: 'Play Tutorial, English only' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tutorial, English only' })).toBeVisible();
  expect(watch.problems).toEqual([]);
});

test('a file saved in another encoding than UTF-8 is refused at the first character that is not, as on the command line', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  // "Café" in Latin-1 on line 3: é is the single byte 0xE9.
  const head = Buffer.from('format: two-fronts/scenario@1\nid: latin\ntitle: "Caf', 'latin1');
  const latin1 = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('"\n', 'latin1')]);
  await page.getByLabel('Load your own scenario file (YAML or JSON)').setInputFiles({ name: 'latin.yaml', mimeType: 'text/yaml', buffer: latin1 });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('listitem').first()).toContainText('latin.yaml, line 3, column 12');
  await expect(alert).toContainText('UTF-8');
  expect(watch.problems).toEqual([]);
});

test('a customer that leaves is announced on the quarter\'s results, not only in the table', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  // Every customer's churn hazard is 1: all leave in the first quarter.
  const leaving = `${tutorial.replace(/^id: .*$/m, 'id: leaving').replace(/^title:.*$/m, 'title: { en: "Everyone leaves", nl: "Iedereen vertrekt" }')}\nmodel:\n  churnBase: 1\n  churnSensitivity: 0\n`;
  await page.getByLabel('Load your own scenario file (YAML or JSON)').setInputFiles({ name: 'leaving.yaml', mimeType: 'text/yaml', buffer: Buffer.from(leaving) });
  await page.getByRole('button', { name: 'Play Everyone leaves' }).click();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await page.getByRole('button', { name: 'Submit plan for quarter 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1: who got what' })).toBeVisible();
  for (const account of ['Acme Industries', 'Borealis Energy'])
    await expect(page.getByText(new RegExp(`^⚠ ${account} left us this quarter, its satisfaction down to \\d+%\\. A customer that leaves brings no more opportunities or revenue\\.$`))).toBeVisible();
  expect(watch.problems).toEqual([]);
});
