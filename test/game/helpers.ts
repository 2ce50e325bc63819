/**
 * Shared steps of the browser tests: watching the console, recording long
 * main-thread tasks, and playing quarters with role and label selectors only.
 */
import { expect, type Page } from '@playwright/test';

export interface Watch {
  problems: string[];
}

/** Collects console errors and warnings and uncaught page errors. */
export function watchConsole(page: Page): Watch {
  const w: Watch = { problems: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') w.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.problems.push(`pageerror: ${e.message}`));
  return w;
}

/** Records every long task (over 50 ms) of the main thread from the first script on. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No Long Tasks API: the test that needs it fails on its own check.
    }
  });
}

/** A text written on a canvas: what, where (as drawn, after its alignment), and the width of the canvas. */
export interface CanvasText {
  text: string;
  left: number;
  right: number;
  y: number;
  canvasWidth: number;
}

/**
 * Records every text written on a 2D canvas (the floor's layers are plain
 * canvases), and keeps the Phaser game (Phaser publishes itself on the
 * window as it loads) as `window.__game`, so a test can read where the
 * floor put its people and labels.
 */
export async function recordCanvas(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __texts: unknown[]; __game: unknown; Phaser?: { Game: { prototype: { boot(...args: unknown[]): unknown } } } };
    w.__texts = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      const width = this.measureText(text).width;
      const left = this.textAlign === 'center' ? x - width / 2 : this.textAlign === 'right' || this.textAlign === 'end' ? x - width : x;
      w.__texts.push({ text: String(text), left, right: left + width, y, canvasWidth: this.canvas.width });
      return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
    };
    let phaser: typeof w.Phaser;
    Object.defineProperty(window, 'Phaser', {
      configurable: true,
      get: () => phaser,
      set(value: NonNullable<typeof w.Phaser>) {
        phaser = value;
        const boot = value.Game.prototype.boot;
        value.Game.prototype.boot = function (this: unknown, ...args: unknown[]) {
          w.__game = this;
          return boot.apply(this, args);
        };
      },
    });
  });
}

/** The texts written on canvases `width` wide (give or take the pixel a layer rounds up), the last one written at each place (a repainted layer writes them again). */
export async function canvasTexts(page: Page, width: number): Promise<CanvasText[]> {
  const all = await page.evaluate(() => (window as unknown as { __texts: CanvasText[] }).__texts);
  const last = new Map<string, CanvasText>();
  for (const t of all) if (Math.abs(t.canvasWidth - width) <= 1) last.set(`${Math.round((t.left + t.right) / 2)}:${Math.round(t.y)}`, t);
  return [...last.values()];
}

export async function longTasksSince(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  return page.evaluate((t) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((x) => x.start + x.duration >= t), since);
}

export async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export async function startTutorial(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play First quarter on two fronts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First quarter on two fronts' })).toBeVisible();
  await expect(page.getByText('Your accounts: Acme Industries and Borealis Energy. You have 60 d of your own time each quarter, for 8 quarters.')).toBeVisible();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter 1 of 8: your plan' })).toBeVisible();
}

/** Submits the plan on screen and goes through the results and the report to the next step. */
export async function finishQuarter(page: Page, q: number, total = 8): Promise<string> {
  await page.getByRole('button', { name: `Submit plan for quarter ${q}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Quarter ${q}: who got what` })).toBeVisible();
  const skip = page.getByRole('button', { name: 'Skip the animation' });
  if (await skip.isVisible()) await skip.click();
  await page.getByRole('button', { name: 'See the quarter report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Quarter ${q}: the report` })).toBeVisible();
  const code = (await page.getByText(/^Game code [0-9a-f]{12}/).textContent())!.match(/[0-9a-f]{12}/)![0];
  await page.getByRole('button', { name: q < total ? `Plan quarter ${q + 1}` : 'Go to the debrief' }).click();
  return code;
}
