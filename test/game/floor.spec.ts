/**
 * What the company floor writes stays on the canvas and readable: what each
 * account got under its tower keeps its change of satisfaction (on two lines
 * where one is too narrow, never cut short), in English and Dutch at 1024
 * and 1280 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { canvasTexts, recordCanvas, watchConsole } from './helpers';

async function stageWidth(page: Page): Promise<number> {
  return page.locator('#stage canvas').evaluate((c) => (c as HTMLCanvasElement).width);
}

for (const [lang, width, height] of [['English', 1024, 640], ['Nederlands', 1024, 640], ['English', 1280, 720], ['Nederlands', 1280, 720]] as const) {
  test(`under each tower, what the account got is written whole, its change included (${lang}, ${width} px)`, async ({ page }) => {
    const watch = watchConsole(page);
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await recordCanvas(page);
    await page.goto('/');
    await page.getByRole('radio', { name: lang }).check();
    await page.locator('.scenario-card button').first().click();
    await page.locator('.briefing .actions button').click();
    await page.locator('button.submit').click();
    await expect(page.locator('.resolution .rest table')).toBeVisible();
    const got = lang === 'English' ? /^got \d+%/ : /^kreeg \d+%/;
    const change = lang === 'English' ? /[+−±]\d+\u00a0pts?$/ : /[+−±]\d+\u00a0ptn?$/;
    const floorWidth = await stageWidth(page);
    await expect.poll(async () => (await canvasTexts(page, floorWidth)).filter((t) => got.test(t.text)).length).toBe(8);
    const texts = await canvasTexts(page, floorWidth);
    const captions = texts.filter((t) => got.test(t.text));
    for (const c of captions) {
      expect(c.text, 'cut short').not.toMatch(/…$/);
      // The change on the same line, or on the line under it.
      const under = texts.filter((t) => Math.abs((t.left + t.right) / 2 - (c.left + c.right) / 2) < 0.5 && t.y > c.y && t.y - c.y < 20);
      expect(change.test(c.text) || under.some((t) => change.test(t.text) && !t.text.endsWith('…')), `${c.text} ${under.map((t) => t.text).join(' ')}`).toBe(true);
    }
    // Side by side, the captions keep apart, and all of them stay on the canvas.
    const lines = texts.filter((t) => got.test(t.text) || change.test(t.text)).sort((a, b) => a.y - b.y || a.left - b.left);
    for (const t of lines) {
      expect(t.left).toBeGreaterThanOrEqual(0);
      expect(t.right).toBeLessThanOrEqual(floorWidth);
    }
    for (let i = 1; i < lines.length; i++) if (lines[i]!.y === lines[i - 1]!.y) expect(lines[i]!.left, lines[i]!.text).toBeGreaterThan(lines[i - 1]!.right);
    expect(watch.problems).toEqual([]);
  });
}
