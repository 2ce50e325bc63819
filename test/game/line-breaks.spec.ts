/**
 * A number never parts from its unit or its sign at the end of a line: not
 * "8.6" with "d" on the next line, nor "+" with "€ 475k". Every text of the
 * panel is laid out once more at zero width, where a line ends at every place
 * the browser may break it; no line may then end in a number whose unit opens
 * the next one, or in a sign whose amount does. In English and Dutch, on the
 * plan, the results and the reports of two quarters (the second with changes
 * on the first).
 */
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers';

/** Every place in the panel's texts where a line may break between a number and its unit or sign, as "before⏎after". */
async function splitValues(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;left:0;top:0;width:0;visibility:hidden;white-space:normal;overflow-wrap:normal;word-break:normal;hyphens:none';
    const walker = document.createTreeWalker(document.getElementById('panel')!, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\d/.test(n.textContent ?? '')) texts.push(n as Text);
    for (const node of texts) {
      const parent = node.parentElement;
      if (!parent || ['OPTION', 'SCRIPT', 'STYLE', 'TEXTAREA'].includes(parent.tagName)) continue;
      const text = node.textContent!;
      probe.textContent = text;
      parent.append(probe);
      const laid = probe.firstChild!;
      const lines: string[] = [];
      let top: number | null = null;
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(laid, i);
        range.setEnd(laid, i + 1);
        const rect = range.getClientRects()[0];
        if (rect && rect.height > 0 && Math.round(rect.top) !== top) {
          top = Math.round(rect.top);
          lines.push(text[i]!);
        } else if (lines.length > 0) lines[lines.length - 1] = lines.at(-1)! + text[i]!;
      }
      probe.remove();
      for (let i = 1; i < lines.length; i++) {
        const before = lines[i - 1]!.replace(/\s+$/, '');
        const after = lines[i]!;
        const unitAfterNumber = /\d$/.test(before) && /^(d|pts|ptn|×|%|k)(?!\p{L})/u.test(after);
        const amountAfterSign = /[-−+±]$/.test(before) && /^[€\d]/.test(after);
        const amountAfterCurrency = /€$/.test(before) && /^[-−\d]/.test(after);
        if (unitAfterNumber || amountAfterSign || amountAfterCurrency) found.push(`${before}⏎${after}`);
      }
    }
    return found;
  });
}

for (const lang of ['English', 'Nederlands'] as const) {
  test(`numbers stay on the line of their units and signs (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const watch = watchConsole(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await page.getByRole('radio', { name: lang }).check();
    await page.locator('.scenario-card button').first().click();
    await page.locator('.briefing .actions button').click();
    for (let q = 1; q <= 2; q++) {
      await expect(page.locator('.plan h1')).toBeVisible();
      expect(await splitValues(page), `plan ${q}`).toEqual([]);
      await page.locator('button.submit').click();
      await expect(page.locator('.resolution .rest table')).toBeVisible();
      expect(await splitValues(page), `results ${q}`).toEqual([]);
      await page.locator('.resolution .actions button').click();
      await expect(page.locator('.report table').first()).toBeVisible();
      expect(await splitValues(page), `report ${q}`).toEqual([]);
      await page.locator('.report .actions button').click();
    }
    expect(watch.problems).toEqual([]);
  });
}
