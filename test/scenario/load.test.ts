import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileError, formatIssue, issueMessage, MAX_FILE_BYTES, readDocument } from '../../src/scenario/document.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers.js';

const tutorialText = readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8');

function issues(text: string, file = 'trainer.yaml'): string[] {
  try {
    loadScenario(text, file);
  } catch (e) {
    if (e instanceof FileError) return e.issues.map((i) => formatIssue(i));
    throw e;
  }
  return [];
}

const MINIMAL = `format: two-fronts/scenario@1
id: minimal
title: Minimal
departments:
  - { id: engineering, name: Engineering, capacity: 50 }
  - { id: legal, name: Legal, capacity: 10 }
accounts:
  - { id: acme, name: Acme, wallet: 200, needs: { engineering: 2, legal: 1 } }
kams:
  - { id: you, name: You, accounts: [acme] }
`;

describe('loadScenario()', () => {
  it('loadScenario() reads a minimal file and fills every default', () => {
    const { scenario, input } = loadScenario(MINIMAL, 'minimal.yaml');
    expect(scenario.quarters).toBe(8);
    expect(input.company.regime).toBe('departmental-pnl');
    expect(input.kams[0]!.relationships).toEqual({ engineering: 0.2, legal: 0.2 });
    expect(input.accounts[0]!.needs.engineering).toBeCloseTo(2 / 3, 12);
    expect(input.model.decisiveness).toBeGreaterThan(0);
  });

  it('loadScenario() reads JSON files with the same structure', () => {
    const { input } = loadScenario(MINIMAL, 'minimal.yaml');
    const json = JSON.stringify({
      format: 'two-fronts/scenario@1', id: 'minimal', title: 'Minimal',
      departments: [{ id: 'engineering', name: 'Engineering', capacity: 50 }, { id: 'legal', name: 'Legal', capacity: 10 }],
      accounts: [{ id: 'acme', name: 'Acme', wallet: 200, needs: { engineering: 2, legal: 1 } }],
      kams: [{ id: 'you', name: 'You', accounts: ['acme'] }],
    }, null, 2);
    expect(loadScenario(json, 'minimal.json').input).toEqual(input);
  });

  it('loadScenario() reports a key typo, an unknown department and a negative capacity, each with FILE:LINE:COL', () => {
    const text = tutorialText
      .replace('  regime: departmental-pnl', '  regim: departmental-pnl')
      .replace('needs: { engineering: 0.5, service: 0.3, legal: 0.2 }', 'needs: { engineering: 0.5, servce: 0.3, legal: 0.2 }')
      .replace('capacity: 55,', 'capacity: -55,');
    const found = issues(text, 'scenarios/tutorial.yaml');
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^scenarios\/tutorial\.yaml:\d+:\d+: company\.regim: unknown key "regim" \(did you mean "regime"\?\)$/);
    expect(found.some((l) => /:\d+:\d+: departments\[2\]\.capacity: must be at least 0/.test(l))).toBe(true);
    expect(found.some((l) => /:\d+:\d+: accounts\[0\]\.needs\.servce: unknown department "servce" \(did you mean "service"\?\)/.test(l))).toBe(true);
    // Lines point at the right place in the file.
    const lines = text.split('\n');
    for (const f of found) {
      const [, line, col] = /^[^:]+:(\d+):(\d+):/.exec(f)!;
      const at = lines[Number(line) - 1]!.slice(Number(col) - 1);
      expect(at).toMatch(/^(regim|servce|-55)/);
    }
  });

  it('loadScenario() suggests the closest value for a misspelt regime or persona', () => {
    const found = issues(MINIMAL.replace('title: Minimal', 'title: Minimal\ncompany: { regime: acount-pnl }').replace('accounts: [acme] }', 'accounts: [acme], persona: charmr }'));
    expect(found.join('\n')).toMatch(/company\.regime: "acount-pnl" is not one of .* \(did you mean "account-pnl"\?\)/);
    expect(found.join('\n')).toMatch(/kams\[0\]\.persona: "charmr" is not one of .* \(did you mean "charmer"\?\)/);
  });

  it('loadScenario() checks every reference, unique ids and that each account has exactly one KAM', () => {
    const text = MINIMAL.replace(
      'kams:\n  - { id: you, name: You, accounts: [acme] }',
      'kams:\n  - { id: you, name: You, accounts: [acme, acme2], relationships: { enginering: 0.5 } }\n  - { id: you, name: Twin, accounts: [acme] }',
    ).replace('  - { id: legal, name: Legal, capacity: 10 }', '  - { id: legal, name: Legal, capacity: 10 }\n  - { id: legal, name: Legal 2, capacity: 10 }');
    const all = issues(text).join('\n');
    expect(all).toMatch(/departments\[2\]\.id: duplicate department id "legal"/);
    expect(all).toMatch(/kams\[1\]\.id: duplicate KAM id "you"/);
    expect(all).toMatch(/kams\[0\]\.accounts\[1\]: unknown account "acme2" \(did you mean "acme"\?\)/);
    expect(all).toMatch(/kams\[0\]\.relationships\.enginering: unknown department "enginering" \(did you mean "engineering"\?\)/);
    expect(all).toMatch(/kams\[1\]\.accounts\[0\]: account "acme" already belongs to KAM "you"/);
    const orphan = issues(MINIMAL.replace('  - { id: acme, name: Acme, wallet: 200, needs: { engineering: 2, legal: 1 } }', '  - { id: acme, name: Acme, wallet: 200 }\n  - { id: lonely, name: Lonely, wallet: 50 }'));
    expect(orphan.join('\n')).toMatch(/accounts\[1\]\.id: account "lonely" belongs to no KAM/);
  });

  it('loadScenario() rejects numbers out of range, non-numbers and non-finite values', () => {
    const all = issues(
      MINIMAL.replace('capacity: 50', 'capacity: .inf').replace('wallet: 200', 'wallet: lots').replace('id: you, name: You,', 'id: you, name: You, charisma: 3,'),
    ).join('\n');
    expect(all).toMatch(/departments\[0\]\.capacity: expected a finite number/);
    expect(all).toMatch(/accounts\[0\]\.wallet: expected a number/);
    expect(all).toMatch(/kams\[0\]\.charisma: must be at most 1\.5/);
  });

  it('loadScenario() names an unknown format version clearly, and only that', () => {
    expect(issues(MINIMAL.replace('scenario@1', 'scenario@7'))).toEqual([
      'trainer.yaml:1:9: format: this file is in format version 7; this version of Two Fronts reads "two-fronts/scenario@1"',
    ]);
    expect(issues(MINIMAL.replace('format: two-fronts/scenario@1\n', ''))).toContain('trainer.yaml:1:1: format: format is required: write "format: two-fronts/scenario@1" at the top');
  });

  it('loadScenario() reports YAML syntax errors with their position', () => {
    const found = issues(MINIMAL.replace('title: Minimal', 'title: [unclosed'));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^trainer\.yaml:\d+:\d+: /);
  });

  describe('hostile files are refused quickly with a clear message', () => {
    const cases: [string, string, RegExp][] = [
      ['an empty file', '', /the file is empty/],
      ['whitespace only', '   \n\n\t\n', /the file is empty/],
      ['binary garbage', String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), /binary|not a text file|not UTF-8/],
      ['an alias bomb', 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n', /too many aliases/],
      ['a __proto__ key', 'format: two-fronts/scenario@1\n__proto__: { polluted: true }\n', /the key "__proto__" is not allowed/],
      ['a constructor key', 'format: two-fronts/scenario@1\ncompany: { constructor: { prototype: 1 } }\n', /the key "constructor" is not allowed/],
      ['a custom tag', 'format: !!js/function "x"\n', /custom YAML tags|tag/],
      ['a list at the top', '- 1\n- 2\n', /expected a mapping of keys/],
      ['deep nesting', `${'['.repeat(500)}${']'.repeat(500)}`, /nested more than|expected a mapping|cannot read/],
      ['a file over 1 MB', `# ${'x'.repeat(MAX_FILE_BYTES + 10)}\n`, /over 1 MB are refused/],
    ];
    for (const [name, text, expected] of cases) {
      it(`loadScenario() refuses ${name}`, () => {
        const t0 = performance.now();
        const found = issues(text, 'hostile.yaml');
        expect(performance.now() - t0).toBeLessThan(2000);
        expect(found.length).toBeGreaterThan(0);
        expect(found.join('\n')).toMatch(expected);
        for (const f of found) expect(f).toMatch(/^hostile\.yaml:\d+:\d+: /);
      });
    }

    it('readDocument() gives the size of a file over 1 MB in the reader\'s numbers, never rounded down to the limit', () => {
      const refused = (bytes: number) => {
        try {
          readDocument('format: two-fronts/scenario@1\n', 'big.yaml', bytes);
        } catch (e) {
          if (e instanceof FileError) return e.issues[0]!;
        }
        throw new Error('not refused');
      };
      expect(formatIssue(refused(1_700_000))).toBe('big.yaml:1:1: the file is 1.7 MB; files over 1 MB are refused');
      expect(issueMessage(refused(1_700_000), 'nl')).toBe('het bestand is 1,7 MB; bestanden boven 1 MB worden geweigerd');
      expect(issueMessage(refused(1_000_001), 'en')).toBe('the file is 1.000001 MB; files over 1 MB are refused');
      expect(issueMessage(refused(1_040_000), 'nl')).toBe('het bestand is 1,04 MB; bestanden boven 1 MB worden geweigerd');
    });

    it('loadScenario() leaves Object.prototype untouched by a __proto__ file', () => {
      issues('format: two-fronts/scenario@1\n__proto__: { polluted: true }\n');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('loadScenario() throws nothing but FileError for arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(MINIMAL, tutorialText).chain((base) => fc.tuple(fc.nat(base.length), fc.nat(40), fc.string()).map(([at, cut, insert]) => base.slice(0, at) + insert + base.slice(at + cut)))), (text) => {
        try {
          loadScenario(text, 'fuzz.yaml');
        } catch (e) {
          expect(e).toBeInstanceOf(FileError);
          for (const i of (e as FileError).issues) {
            expect(i.line).toBeGreaterThanOrEqual(1);
            expect(i.col).toBeGreaterThanOrEqual(1);
            expect(i.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
