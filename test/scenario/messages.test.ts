import { describe, expect, it } from 'vitest';
import { keys } from '../../src/i18n/index.js';
import { FileError, issueMessage, type FileIssue } from '../../src/scenario/document.js';
import { loadScenario } from '../../src/scenario/load.js';

function issuesOf(text: string): FileIssue[] {
  try {
    loadScenario(text, 'x.yaml');
  } catch (e) {
    if (e instanceof FileError) return e.issues;
    throw e;
  }
  return [];
}

const BROKEN = `format: two-fronts/scenario@1
id: Broken_Id
title: 5
company: { regim: matrix }
departments:
  - { id: engineering, name: Engineering, capacity: -1 }
accounts:
  - { id: acme, name: Acme, wallet: lots, needs: { enginering: 1 } }
  - { id: lonely, name: Lonely, wallet: 10 }
kams:
  - { id: you, name: You, accounts: [acme], persona: charmr }
`;

describe('file problems in two languages', () => {
  it('every issue message exists in English and Dutch', () => {
    const en = keys('en').filter((k) => k.startsWith('issue.') || k.startsWith('unit.'));
    const nl = keys('nl').filter((k) => k.startsWith('issue.') || k.startsWith('unit.'));
    expect(nl).toEqual(en);
  });

  it('a broken scenario\'s problems read as sentences in Dutch, with no codes or markers left', () => {
    const issues = issuesOf(BROKEN);
    expect(issues.length).toBeGreaterThanOrEqual(7);
    for (const i of issues) {
      const nl = issueMessage(i, 'nl');
      const en = issueMessage(i, 'en');
      expect(en).toBe(i.message);
      expect(nl).not.toMatch(/issue\.|unit\.|@|\{\w+\}/);
      expect(nl.includes(String.fromCharCode(0))).toBe(false);
      expect(en).not.toMatch(/issue\.|unit\.|@|\{\w+\}/);
    }
    const nl = issues.map((i) => issueMessage(i, 'nl')).join('\n');
    expect(nl).toMatch(/onbekende sleutel "regim" \(bedoel je "regime"\?\)/);
    expect(nl).toMatch(/moet minstens 0 zijn \(expertdagen per kwartaal\)/);
    expect(nl).toMatch(/onbekend\(e\) afdeling "enginering" \(bedoel je "engineering"\?\)/);
    expect(nl).toMatch(/verwacht een getal/);
    expect(nl).toMatch(/hoort bij geen enkele KAM/);
  });
});

const BASE = `format: two-fronts/scenario@1
id: base
title: "Base"
departments:
  - { id: engineering, name: "Engineering", capacity: 60 }
  - { id: service, name: "Service", capacity: 50 }
accounts:
  - { id: acme, name: "Acme", wallet: 400, needs: { engineering: 1 } }
  - { id: globex, name: "Globex", wallet: 700 }
kams:
  - { id: you, name: "You", accounts: [acme], control: player, persona: analyst }
  - { id: bram, name: "Bram", accounts: [globex], persona: heavyweight }
`;

/** Each problem as `LINE:COL: path: message`, in the given language. */
function lines(text: string, lang: 'en' | 'nl' = 'en'): string[] {
  return issuesOf(text).map((i) => `${i.line}:${i.col}: ${i.path ? `${i.path}: ` : ''}${issueMessage(i, lang)}`);
}

describe('messages name the problem at its node', () => {
  it('the base file is valid', () => {
    expect(lines(BASE)).toEqual([]);
  });

  it('a missing or misspelt required number names its key, in both languages', () => {
    const typo = BASE.replace('capacity: 60', 'capacty: 60');
    expect(lines(typo)).toEqual([
      '5:5: departments[0].capacity: "capacity" (expert-days per quarter) is required',
      '5:45: departments[0].capacty: unknown key "capacty" (did you mean "capacity"?)',
    ]);
    expect(lines(typo, 'nl')[0]).toBe('5:5: departments[0].capacity: "capacity" (expertdagen per kwartaal) is verplicht');
    expect(lines(BASE.replace('wallet: 400, ', ''))).toEqual([
      '8:5: accounts[0].wallet: "wallet" (k€ per quarter the account could spend with us) is required',
    ]);
  });
});
