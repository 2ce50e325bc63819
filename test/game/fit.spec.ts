/**
 * The game fits a laptop: at 1024 × 640, in English and in Dutch (longer
 * words), no view scrolls sideways, so nothing of the briefing, the plan, the
 * results or the report sits out of sight to the right, and with the shipped
 * scenario every table shows all its columns. On the debrief, a table of
 * numbers too wide for its chart scrolls in a box of its own, which is then a
 * named keyboard stop, and the page itself still does not. What appears
 * below the plan's fields (a colleague's reply) is brought into view above
 * its footer.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { finishQuarter, startTutorial, watchConsole } from './helpers';

test.use({ viewport: { width: 1024, height: 640 } });

/** How far the content of `root` reaches beyond its right edge, in pixels (0 when it fits), and what reaches furthest. */
async function overflow(page: Page, root = '#panel'): Promise<{ by: number; widest: string }> {
  return page.evaluate((selector) => {
    const box = document.querySelector<HTMLElement>(selector)!;
    const right = box.getBoundingClientRect().left + box.clientWidth;
    let widest = '';
    let most = 0;
    for (const el of box.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.visually-hidden, .scroll')) continue;
      const r = el.getBoundingClientRect();
      // A pixel of rounding (the plan's footer reaches to the panel's edges) is no overflow.
      if (r.width > 0 && r.right - right > Math.max(most, 1.5)) {
        most = r.right - right;
        widest = `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}`;
      }
    }
    const by = Math.max(most, box.scrollWidth - box.clientWidth);
    return { by: by > 1.5 ? Math.round(by) : 0, widest };
  }, root);
}

/** Captions of the tables in the panel that do not show all their columns. */
async function cutTables(page: Page): Promise<string[]> {
  return page.locator('#panel .scroll').evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.querySelector('caption')?.textContent ?? '?'));
}

async function fits(page: Page, view: string): Promise<void> {
  expect(await overflow(page), view).toEqual({ by: 0, widest: '' });
  expect(await cutTables(page), view).toEqual([]);
}

for (const lang of ['English', 'Nederlands'] as const) {
  test(`briefing, plan, results and report fit the panel at 1024 px (${lang})`, async ({ page }) => {
    const watch = watchConsole(page);
    await page.goto('/');
    await page.getByRole('radio', { name: lang }).check();
    await page.locator('.scenario-card button').first().click();
    await expect(page.locator('.briefing table')).toHaveCount(2);
    await fits(page, 'briefing');
    await page.locator('.briefing .actions button').click();
    await expect(page.locator('.plan h1')).toBeVisible();
    // The top bar has room for a short label of the result at 1024 px, not the long one; a screen reader still hears the long one.
    expect(await page.locator('#topbar .result').ariaSnapshot()).toMatch(lang === 'English' ? /Your result/ : /Jouw resultaat/);
    const shown = page.locator('#topbar .result').getByText(lang === 'English' ? 'Result' : 'Resultaat', { exact: true });
    await expect(shown).toBeVisible();
    expect((await shown.boundingBox())!.width).toBeGreaterThan(20);
    expect(await page.locator('.topbar-inner').evaluate((bar) => bar.scrollWidth - bar.clientWidth)).toBeLessThanOrEqual(1);
    // The joint-proposal form, with the line under it that names what the chosen opportunities need.
    await expect(page.locator('#joint-theirs')).toBeVisible();
    await fits(page, 'plan');
    await page.locator('button.submit').click();
    // The player's accounts come last, once the departments are written.
    await expect(page.locator('.resolution .rest table')).toBeVisible();
    await fits(page, 'results');
    await page.locator('.resolution .actions button').click();
    await expect(page.locator('.report table')).toHaveCount(3);
    await fits(page, 'report');
    expect(watch.problems).toEqual([]);
  });
}

test('a colleague\'s reply to a joint proposal comes into view above the plan\'s footer, and is read out', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  const theirs = page.getByLabel('Their opportunity', { exact: true });
  const ask = page.getByRole('button', { name: 'Ask the colleague' });
  /** Whether the whole of `shown` lies between the panel's top and the footer's top, once the scrolling has settled. */
  const inView = (shown: Locator) =>
    expect
      .poll(async () => {
        const box = (await shown.boundingBox())!;
        const footer = (await page.locator('.plan-footer').boundingBox())!;
        const panel = (await page.locator('#panel').boundingBox())!;
        return box.y >= panel.y && box.y + box.height <= footer.y;
      })
      .toBe(true);
  // Sofia agrees to her first opportunity with the player's first: her reply stands under what is agreed, and the announcer reads it.
  await page.getByLabel('Colleague', { exact: true }).selectOption({ label: 'Sofia' });
  await theirs.selectOption({ index: 0 });
  // From the keyboard: the button is brought just above the footer, and the reply would appear under it.
  await ask.focus();
  await page.keyboard.press('Enter');
  const agreed = page.locator('.agreed').getByText(/^Sofia: “.*” Added to your plan\.$/);
  await expect(agreed).toBeVisible();
  await inView(agreed);
  await expect(page.locator('#announcer')).toHaveText(/^Sofia: “/);
  // Asked again for the same opportunity of the player's, the answer is in the form's live region, in view as well.
  await page.getByLabel('Colleague', { exact: true }).selectOption({ label: 'Sofia' });
  await theirs.selectOption({ index: 1 });
  await ask.focus();
  await page.keyboard.press('Enter');
  const reply = page.locator('.propose [role="status"]');
  await expect(reply).toHaveAttribute('aria-live', 'polite');
  await expect(reply).not.toBeEmpty();
  await inView(reply);
  expect(watch.problems).toEqual([]);
});

test('on the debrief a wide table of numbers scrolls in its own box, a named keyboard stop, not the page', async ({ page }) => {
  test.setTimeout(150_000);
  const watch = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await startTutorial(page);
  for (let q = 1; q <= 8; q++) await finishQuarter(page, q);
  await expect(page.getByRole('heading', { level: 1, name: 'Debrief: First quarter on two fronts' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your total result under each structure' })).toBeVisible({ timeout: 30_000 });
  for (const summary of await page.locator('details.data-table summary').all()) await summary.click();
  // The alignment index with its seven elements: nine columns, wider than half the page.
  const box = page.getByRole('region', { name: 'Alignment index and its elements per quarter' });
  await expect(box).toBeVisible();
  await expect(box).toHaveAttribute('tabindex', '0');
  expect(await overflow(page, '#main')).toEqual({ by: 0, widest: '' });
  expect(watch.problems).toEqual([]);
});

test('at 1024 px the debrief\'s charts two to a row keep their axis words readable (at least 12 px high, as drawn), not shrunk with the chart', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await startTutorial(page);
  for (let q = 1; q <= 8; q++) await finishQuarter(page, q);
  await expect(page.getByRole('heading', { level: 1, name: 'Debrief: First quarter on two fronts' })).toBeVisible();
  // The charts are drawn as their data arrives (the replays come from the engine's worker) and again once the panel has
  // its width, so the sizes are read until every chart is there as drawn last.
  const smallest = () =>
    page.locator('.chart-row figure.chart svg').evaluateAll((svgs) =>
      svgs.map((svg) => Math.min(...[...svg.querySelectorAll('.tick text')].map((t) => t.getBoundingClientRect().height))),
    );
  await expect.poll(async () => (await smallest()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  await expect.poll(async () => Math.min(...(await smallest()).filter(Number.isFinite)), { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
  // Kept at their size, an axis's words still leave room for each other: no two tick labels of one axis overlap.
  const overlapping = await page.locator('.chart-row figure.chart svg').evaluateAll((svgs) =>
    svgs.flatMap((svg) =>
      [...svg.querySelectorAll('g')]
        .filter((axis) => [...axis.children].some((c) => c.classList.contains('tick')))
        .flatMap((axis) => {
          const boxes = [...axis.querySelectorAll(':scope > .tick text')].map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
          return boxes.flatMap((a, i) =>
            boxes.slice(i + 1).filter((b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5).map(() => svg.closest('figure')?.querySelector('figcaption')?.textContent ?? '?'),
          );
        }),
    ),
  );
  expect(overlapping).toEqual([]);
  // The replay under account-level P&L keeps a customer this game lost; its card says that customer's opportunities had no plan.
  const card = page.getByRole('region', { name: 'Account-level P&L' });
  await expect(card.getByRole('heading', { level: 4, name: 'What this replay could not take over from your game' })).toBeVisible();
  await expect(card.getByText(/^6 opportunities of accounts you lost in your game came up here; no plan of yours covers them/)).toBeVisible();
});

test('the quarter marks of a twelve-quarter game hold two-digit numbers with the margin of one-digit ones, and the top bar still fits', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  await page.getByRole('radio', { name: 'Nederlands' }).check();
  await page.getByRole('button', { name: 'Spelen: De P&L-val' }).click();
  await expect(page.locator('.quarters li')).toHaveCount(12);
  // The room between a mark's number and its border, left and right.
  const marks = await page.locator('.quarters li').evaluateAll((items) =>
    items.map((li) => {
      const digits = li.querySelector('[aria-hidden="true"]')!;
      const range = document.createRange();
      range.selectNodeContents(digits);
      const text = range.getBoundingClientRect();
      const box = li.getBoundingClientRect();
      const style = getComputedStyle(li);
      return { q: digits.textContent!, left: text.left - box.left - parseFloat(style.borderLeftWidth), right: box.right - parseFloat(style.borderRightWidth) - text.right };
    }),
  );
  const oneDigit = Math.min(...marks.filter((m) => m.q.length === 1).flatMap((m) => [m.left, m.right]));
  expect(oneDigit).toBeGreaterThan(2);
  for (const m of marks.filter((x) => x.q.length === 2)) {
    expect(m.left, `quarter ${m.q}, left`).toBeGreaterThanOrEqual(oneDigit - 0.5);
    expect(m.right, `quarter ${m.q}, right`).toBeGreaterThanOrEqual(oneDigit - 0.5);
  }
  expect(await page.locator('.topbar-inner').evaluate((bar) => bar.scrollWidth - bar.clientWidth)).toBeLessThanOrEqual(1);
  expect(watch.problems).toEqual([]);
});
