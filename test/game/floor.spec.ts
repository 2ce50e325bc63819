/**
 * What the company floor writes and draws stays on the canvas and readable:
 * what each account got under its tower keeps its change of satisfaction
 * (on two lines where one is too narrow, never cut short), in English and
 * Dutch at 1024 and 1280 px; the player's figure visiting the leftmost
 * department stands wholly on the canvas, its name and "▼ you" above it
 * and in front of it; a department gets the icon its name calls for, or its
 * initials on the plate, never an icon by position.
 */
import { expect, test, type Page } from '@playwright/test';
import { canvasTexts, recordCanvas, startTutorial, watchConsole } from './helpers';

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

for (const [width, height] of [[1280, 800], [1024, 640]] as const) {
  test(`the player's figure lobbying the leftmost department stays on the canvas, its labels above it (${width} px)`, async ({ page }) => {
    const watch = watchConsole(page);
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await recordCanvas(page);
    await page.goto('/');
    await startTutorial(page);
    await page.getByRole('group', { name: 'Lobbying department heads' }).getByLabel('Solution Engineering').fill('10');
    // Where the floor put the player's figure (its feet), name and badge; the figure as person() draws it, the ring included.
    const read = () =>
      page.evaluate(() => {
        type Box = { x: number; y: number; width: number; height: number };
        type Label = { getBounds(): Box; depth: number };
        const game = (window as unknown as { __game: { scene: { getScene(key: string): unknown } } }).__game;
        const floor = (game.scene.getScene('Quarter') as { floor: { width: number; k: number; frontY: number; data: { kams: { mine: boolean }[] }; kams: { pos: { x: number; y: number }; g: { depth: number }; name: Label; badge: Label }[] } }).floor;
        const v = floor.kams[floor.data.kams.findIndex((kam) => kam.mine)]!;
        const h = 46 * floor.k;
        const box = (l: Label) => {
          const b = l.getBounds();
          return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
        };
        return {
          width: floor.width,
          inside: v.pos.y < floor.frontY,
          figure: { left: v.pos.x - 0.62 * h, right: v.pos.x + 0.62 * h, top: v.pos.y - 1.14 * h, bottom: v.pos.y },
          name: box(v.name),
          badge: box(v.badge),
          inFront: v.name.depth > v.g.depth && v.badge.depth > v.g.depth,
        };
      });
    await expect.poll(async () => (await read()).inside).toBe(true);
    const at = await read();
    for (const part of ['figure', 'name', 'badge'] as const) {
      expect(at[part].left, part).toBeGreaterThanOrEqual(0);
      expect(at[part].right, part).toBeLessThanOrEqual(at.width);
    }
    expect(at.name.bottom).toBeLessThanOrEqual(at.figure.top);
    expect(at.badge.bottom).toBeLessThanOrEqual(at.name.top);
    expect(at.inFront).toBe(true);
    expect(watch.problems).toEqual([]);
  });
}

for (const [title, icons] of [
  ['Board sponsorship and its dilution', ['gear', 'scales', 'wrench', 'cap']],
  ['Growth market: where account P&L pays', ['gear', null, 'wrench', 'coins']],
] as const) {
  test(`each department's plate bears the icon its name calls for, or its initials (${title})`, async ({ page }) => {
    const watch = watchConsole(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await recordCanvas(page);
    await page.goto('/');
    await page.getByRole('button', { name: `Play ${title}` }).click();
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await expect(page.getByRole('button', { name: 'Submit plan for quarter 1' })).toBeVisible();
    const floor = await page.evaluate(() => {
      const game = (window as unknown as { __game: { scene: { getScene(key: string): unknown } } }).__game;
      const f = (game.scene.getScene('Quarter') as { floor: { width: number; data: { departments: { name: string; icon: string | null; initials: string }[] }; depts: { x: number; top: number; width: number }[] } }).floor;
      return { width: f.width, departments: f.data.departments, views: f.depts.map((v) => ({ x: v.x, top: v.top, width: v.width })) };
    });
    expect(floor.departments.map((d) => d.icon)).toEqual(icons);
    // Where there is no icon, the plate at the top of the building bears the department's initials.
    const texts = await canvasTexts(page, floor.width);
    floor.departments.forEach((d, i) => {
      const v = floor.views[i]!;
      const onPlate = texts.filter((t) => t.text === d.initials && Math.abs((t.left + t.right) / 2 - v.x) < 1 && t.y > v.top && t.y < v.top + 50);
      expect(onPlate, `${d.name}: ${d.initials}`).toHaveLength(d.icon === null ? 1 : 0);
    });
    expect(watch.problems).toEqual([]);
  });
}
