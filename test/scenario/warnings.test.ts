import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueMessage, warningLine } from '../../src/scenario/document.js';
import { loadScenario } from '../../src/scenario/load.js';
import { textIn } from '../../src/scenario/resolve.js';
import { cli } from '../cli-process.js';
import { ROOT, SMALL_SCENARIO } from '../helpers.js';

const warningsOf = (text: string) => loadScenario(text, 'w.yaml').warnings;

describe('texts in one language in a bilingual file', () => {
  it('are warned about at the text, in English and Dutch, for either missing language', () => {
    const text = SMALL_SCENARIO.replace('title: "Base"', 'title: { en: "Base" }\nsummary: { en: "Two accounts.", nl: "Twee accounts." }').replace(
      'name: "Service"',
      'name: { nl: "Dienstverlening" }',
    );
    const w = warningsOf(text);
    expect(w.map((i) => warningLine(i, 'en'))).toEqual([
      'w.yaml:3:8: warning: title: no Dutch text (nl) here, though the file has Dutch elsewhere; Dutch players see the English',
      'w.yaml:7:26: warning: departments[1].name: no English text (en) here, though the file has English elsewhere; English players see the Dutch',
    ]);
    expect(issueMessage(w[0]!, 'nl')).toBe('hier staat geen Nederlandse tekst (nl), terwijl het bestand elders wel Nederlands heeft; Nederlandstalige spelers zien het Engels');
  });

  it('a blank text counts as missing: warned about, and the other language shown in its place', () => {
    const text = SMALL_SCENARIO.replace('title: "Base"', 'title: { en: "Base", nl: "Basis" }\nsummary: { en: "Two accounts.", nl: "" }');
    expect(warningsOf(text).map((i) => warningLine(i, 'en'))).toEqual(['w.yaml:4:10: warning: summary: no Dutch text (nl) here, though the file has Dutch elsewhere; Dutch players see the English']);
    const { scenario } = loadScenario(text, 'w.yaml');
    expect(textIn(scenario.summary, 'nl')).toBe('Two accounts.');
    expect(textIn(scenario.title, 'nl')).toBe('Basis');
  });

  it('are not warned about in a file that is all one language, nor are plain texts', () => {
    expect(warningsOf(SMALL_SCENARIO)).toEqual([]);
    expect(warningsOf(SMALL_SCENARIO.replace('title: "Base"', 'title: { en: "Base" }'))).toEqual([]);
    expect(warningsOf(SMALL_SCENARIO.replace('title: "Base"', 'title: { en: "Base", nl: "Basis" }'))).toEqual([]);
  });

  it('a plain text cut short by a # meant as part of it is warned about at the #; a comment after a space is not', () => {
    const text = SMALL_SCENARIO.replace('title: "Base"', 'title: Team #1 story').replace('name: "Acme"', 'name: Acme').replace('needs: { engineering: 1 } }', 'needs: { engineering: 1 } } # a real comment');
    const w = warningsOf(text);
    expect(w.map((i) => warningLine(i, 'en'))).toEqual([
      'w.yaml:3:13: warning: title: the text is "Team": YAML reads "#1 story" as a comment, because a # after a space starts one; to keep it, put the whole text in double quotes',
    ]);
    expect(issueMessage(w[0]!, 'nl')).toContain('zet de hele tekst tussen dubbele aanhalingstekens');
  });

  it('validate prints warnings and still exits 0; the shipped scenarios have none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-lang-'));
    const file = join(dir, 'w.yaml');
    writeFileSync(file, SMALL_SCENARIO.replace('title: "Base"', 'title: { en: "Base" }\nsummary: { en: "Two accounts.", nl: "Twee accounts." }'));
    const r = cli(['validate', file], ROOT);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${file}:3:8: warning: title: no Dutch text (nl)`);
    expect(r.out).toContain(`${file}: valid scenario (1 warning)`);
    const shipped = cli(['validate', '--quiet', ...['tutorial', 'pnl-trap', 'growth-market', 'mature-market', 'board-sponsorship', 'arms-race', 'alignment-journey'].map((s) => join(ROOT, 'scenarios', `${s}.yaml`))], ROOT);
    expect(shipped.code).toBe(0);
    expect(shipped.err).toBe('');
  });
});

describe('an account with no wallet and no ceiling', () => {
  it('is warned about at its wallet, in English and Dutch; with a maxWallet (a prospect) it is not', () => {
    const text = SMALL_SCENARIO.replace('wallet: 700', 'wallet: 0');
    const w = warningsOf(text);
    expect(w.map((i) => warningLine(i, 'en'))).toEqual([
      'w.yaml:9:43: warning: accounts[1].wallet: with wallet 0 and no maxWallet this account never spends anything (maxWallet is wallet × walletCap by default, here 0); for a prospect that could grow, give maxWallet, what it could spend once won',
    ]);
    expect(issueMessage(w[0]!, 'nl')).toContain('geef voor een prospect dat kan groeien een maxWallet');
    expect(warningsOf(SMALL_SCENARIO.replace('wallet: 700', 'wallet: 0, maxWallet: 300'))).toEqual([]);
  });
});
