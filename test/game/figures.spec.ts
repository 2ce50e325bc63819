/**
 * How the panels write figures.
 *
 * A number never parts from its unit or its sign at the end of a line: not
 * "8.6" with "d" on the next line, nor "+" with "€ 475k". Every text of the
 * panel is laid out once more at zero width, where a line ends at every place
 * the browser may break it; no line may then end in a number whose unit opens
 * the next one, in a sign whose amount does, or in an amount whose share
 * ("(84%)") does.
 *
 * Days received of days asked and the share between them agree as written:
 * never "10 d of 12 d (84%)", which reads as 83 %.
 *
 * In English and Dutch, on the plan, the results and the reports of two
 * quarters (the second with changes on the first).
 *
 * The plan's footer gives one figure for the time not yet planned: the note
 * under the meter says the days the meter says are left, to the same digit.
 */
import { expect, test, type Page } from '@playwright/test';
import { startTutorial, watchConsole } from './helpers';

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
        // "12.4 d" | "(84%)": a share stays with the amount it is the share of.
        const shareAfterAmount = /\d(\u00a0d)?$/.test(before) && /^\(\d+%\)/.test(after);
        if (unitAfterNumber || amountAfterSign || amountAfterCurrency || shareAfterAmount) found.push(`${before}⏎${after}`);
      }
    }
    return found;
  });
}

/**
 * Every "got of asked (share)" in the panel whose share is not the share of
 * the days as written, as "got / asked: share"; and how many were checked.
 * Sentences, the departments' tables of requests, the report's tile.
 */
async function disagreeingShares(page: Page, lang: 'en' | 'nl'): Promise<{ checked: number; wrong: string[] }> {
  return page.evaluate((lang) => {
    const share = (part: string, whole: string) => {
      const n = (s: string) => Number(lang === 'nl' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
      return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent' }).format(n(whole) > 0 ? n(part) / n(whole) : 0);
    };
    const triples: [string, string, string][] = [];
    const panel = document.getElementById('panel')!;
    const d = '([\\d.,]+)\u00a0d';
    const partOf = new RegExp(`${d} ${lang === 'nl' ? 'van' : 'of'} ${d}\u00a0\\((\\d+%)\\)`, 'g');
    const askedGot = new RegExp(lang === 'nl' ? `Je vroeg ${d} experttijd en kreeg ${d}\u00a0\\((\\d+%)\\)` : `asked for ${d} of expert time and got ${d}\u00a0\\((\\d+%)\\)`, 'g');
    for (const m of panel.innerText.matchAll(partOf)) triples.push([m[1]!, m[2]!, m[3]!]);
    for (const m of panel.innerText.matchAll(askedGot)) triples.push([m[2]!, m[1]!, m[3]!]);
    for (const row of panel.querySelectorAll('.dept-why tbody tr')) {
      const cells = [...row.querySelectorAll('td')].map((c) => c.textContent!.replace(/\u00a0d$/, ''));
      triples.push([cells[2]!, cells[1]!, cells[3]!]);
    }
    for (const tile of panel.querySelectorAll('.tile')) {
      const detail = tile.querySelector('.tile-detail')?.textContent?.match(new RegExp(`^${d} ${lang === 'nl' ? 'van' : 'of'} ${d}$`));
      if (detail) triples.push([detail[1]!, detail[2]!, tile.querySelector('.tile-value')!.textContent!]);
    }
    return { checked: triples.length, wrong: triples.filter(([p, w, s]) => share(p, w) !== s).map(([p, w, s]) => `${p} / ${w}: ${s}`) };
  }, lang);
}

for (const lang of ['English', 'Nederlands'] as const) {
  test(`numbers stay on the line of their units and signs, days and shares agree (${lang})`, async ({ page }) => {
    const code = lang === 'English' ? 'en' : 'nl';
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
      for (const summary of await page.locator('.dept-why details summary').all()) await summary.click();
      await expect(page.locator('.dept-why tbody tr').first()).toBeVisible();
      expect(await splitValues(page), `results ${q}`).toEqual([]);
      const results = await disagreeingShares(page, code);
      expect(results.wrong, `results ${q}`).toEqual([]);
      // The summary, a line per KAM, a sentence and a table row per request of the player's.
      expect(results.checked).toBeGreaterThan(8);
      await page.locator('.resolution .actions button').click();
      await expect(page.locator('.report table').first()).toBeVisible();
      expect(await splitValues(page), `report ${q}`).toEqual([]);
      expect(await disagreeingShares(page, code), `report ${q}`).toEqual({ checked: 1, wrong: [] });
      await page.locator('.report .actions button').click();
    }
    expect(watch.problems).toEqual([]);
  });
}

test('the note on unplanned time gives the days the meter gives, not a rounder figure', async ({ page }) => {
  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  // A fraction of a day more lobbying leaves more than ten days with a fraction unplanned (written 20.4 d, never 20 d).
  await page.getByRole('group', { name: 'Lobbying department heads' }).getByLabel('Solution Engineering').fill('1.6');
  const meter = page.getByText(/ of 60\u00a0d planned · /);
  await expect(meter).toHaveText(/ · \d+\.\d\u00a0d left$/);
  const left = (await meter.textContent())!.match(/ · (\d+\.\d\u00a0d) left$/)![1]!;
  expect(Number.parseFloat(left)).toBeGreaterThan(10);
  await expect(page.locator('.plan-footer .issues')).toContainText(`${left} not planned yet.`);
  // A screen reader hears the note's kind as a word of its own ("Note: 20.4 d …", not "Note:20.4 d …").
  await expect(page.locator('.plan-footer .issues li').first()).toHaveText(/^\S+ Note: \d/);
  expect(watch.problems).toEqual([]);
});
