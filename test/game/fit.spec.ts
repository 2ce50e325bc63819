/**
 * The panel fits a laptop: at 1024 × 640, in English and in Dutch (longer
 * words), no view of the quarter scrolls sideways, so nothing of the plan,
 * the results or the report sits out of sight to the right.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers';

test.use({ viewport: { width: 1024, height: 640 } });

/** How far the panel's content reaches beyond its right edge, in pixels (0 when it fits). */
async function overflow(page: Page): Promise<{ by: number; widest: string }> {
  return page.evaluate(() => {
    const panel = document.getElementById('panel')!;
    const right = panel.getBoundingClientRect().left + panel.clientWidth;
    let widest = '';
    let most = 0;
    for (const el of panel.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.visually-hidden, .scroll')) continue;
      const r = el.getBoundingClientRect();
      // A pixel of rounding (the footer reaches to the panel's edges) is no overflow.
      if (r.width > 0 && r.right - right > Math.max(most, 1.5)) {
        most = r.right - right;
        widest = `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}`;
      }
    }
    const by = Math.max(most, panel.scrollWidth - panel.clientWidth);
    return { by: by > 1.5 ? Math.round(by) : 0, widest };
  });
}

for (const lang of ['English', 'Nederlands'] as const) {
  test(`the plan fits the panel at 1024 px (${lang})`, async ({ page }) => {
    const watch = watchConsole(page);
    await page.goto('/');
    await page.getByRole('radio', { name: lang }).check();
    await page.locator('.scenario-card button').first().click();
    await page.locator('.briefing .actions button').click();
    await expect(page.locator('.plan h1')).toBeVisible();
    // The joint-proposal form names a colleague's opportunity with the departments it needs: a long option.
    await expect(page.locator('#joint-theirs')).toBeVisible();
    expect(await overflow(page)).toEqual({ by: 0, widest: '' });
    expect(watch.problems).toEqual([]);
  });
}
