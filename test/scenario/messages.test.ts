import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keys } from '../../src/i18n/index.js';
import { validateExperimentDocument } from '../../src/experiment/load.js';
import { decodeText, FileError, issueMessage, readDocument, unclosedBracket, type FileIssue } from '../../src/scenario/document.js';
import { loadScenario } from '../../src/scenario/load.js';
import { KEY_DOCS } from '../../src/scenario/key-docs.js';
import { closest } from '../../src/scenario/schema.js';
import { MODEL_PARAMS } from '../../src/sim/params.js';
import { parse, stringify } from 'yaml';
import { ROOT, SMALL_SCENARIO } from '../helpers.js';

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
    expect(nl).toMatch(/afdeling "enginering" is onbekend \(bedoel je "engineering"\?\)/);
    expect(nl).toMatch(/verwacht een getal/);
    expect(nl).toMatch(/hoort bij geen enkele KAM/);
  });
});

const BASE = SMALL_SCENARIO;

/** Each problem as `LINE:COL: path: message`, in the given language. */
function lines(text: string, lang: 'en' | 'nl' = 'en'): string[] {
  return issuesOf(text).map((i) => `${i.line}:${i.col}: ${i.path ? `${i.path}: ` : ''}${issueMessage(i, lang)}`);
}

describe('messages name the problem at its node', () => {
  it('the base file is valid', () => {
    expect(lines(BASE)).toEqual([]);
  });

  it('common YAML mistakes are worded for a trainer, in English and Dutch, not in the words of the parser', () => {
    const first = (text: string, lang: 'en' | 'nl' = 'en') => lines(text, lang)[0];
    expect(first(BASE.replace('title: "Base"', 'title: "Base"\ntitle: "Again"'))).toBe('4:1: YAML/JSON syntax: this key is already given above in the same mapping; give each key once');
    expect(first(BASE.replace('  - { id: service', '\t- { id: service'))).toMatch(/a tab is used to indent; indent with spaces$/);
    expect(first(BASE.replace('title: "Base"', 'title: "Base'))).toMatch(/a quoted text is not closed; add the closing quote$/);
    expect(first(BASE.replace('title: "Base"', 'title: a: b'))).toMatch(/a text that contains ": " must be written in double quotes/);
    expect(first('format: two-fronts/scenario@1\nid: base\ncompany:\n  regime: matrix\n matrixWeight: 0.5\n')).toMatch(/this line is indented differently from the other keys of its mapping/);
    expect(first(BASE.replace('title: "Base"', 'title: "Base"\ntitle: "Again"'), 'nl')).toBe('4:1: YAML/JSON-syntaxis: deze sleutel staat al eerder in dezelfde mapping; geef elke sleutel één keer');
  });

  it('an unclosed [ or { is reported where it opens, not lines later where the parser gives up', () => {
    const unclosed = 'YAML/JSON syntax: this [ is never closed: a ] is missing (or a line after it is not indented enough)';
    // The ] is missing inside a { } on the last line.
    expect(lines(BASE.replace('accounts: [globex]', 'accounts: [globex }'))).toEqual([`12:41: ${unclosed}`]);
    // A list left open on one line and a key after it: the parser notices on the next line.
    expect(lines(BASE.replace('title: "Base"', "title: \"Don't [panic]\"\ntags: [a, b\n# a comment with a [ in it\nsummary: 'it''s {fine}'"))).toEqual([`4:7: ${unclosed}`]);
    // Brackets in block texts (| and >, after a key or a dash) open nothing, even where the parser reads on;
    // what it says after the open bracket only repeats it and is left out.
    const blocks = 'tags: [a, b,\n  c,\n  notes: |\n    Pick [one of the two\n  more: >-\n    Kies [een\n  - |\n    a [ in a list item\n';
    expect(lines(BASE.replace('title: "Base"', `title: "Base"\n${blocks}`))).toEqual([`4:7: ${unclosed}`]);
    // Block texts after an anchor, a tag or a ? count too; a plain value ending in "->" is no block text.
    for (const text of ['tags: [a,\n  note: &n |\n    x [y\n', 'tags: [a,\n  note: !!str >\n    x [y\n', 'tags: [a,\n  ? |\n    x [y\n']) expect(unclosedBracket(text, text.length, '[')).toBe(6);
    expect(unclosedBracket('a: go ->\n  b: [c\n', 18, '[')).toBe(14);
    // Where the parser gives up on the bracket and reads on, what it finds is reported too: two brackets, a duplicate key.
    const codes = (text: string) => issuesOf(text).map((i) => `${i.line}:${i.col} ${i.code}`);
    expect(codes('a: [1, 2\nb: 3\nb: 4\n')).toEqual(['1:4 file.unclosed', '3:1 file.duplicate-key']);
    expect(codes('a: [1, 2\nb: {x: 1\nc: 3\n')).toEqual(['1:4 file.unclosed', '2:4 file.unclosed']);
    expect(lines(BASE.replace('accounts: [globex]', 'accounts: [globex }'), 'nl')).toEqual([
      '12:41: YAML/JSON-syntaxis: deze [ wordt nooit gesloten: er ontbreekt een ] (of een regel erna springt niet ver genoeg in)',
    ]);
  });

  it('a missing required number names its key, in both languages; a misspelt one is named at the misspelling only', () => {
    const typo = BASE.replace('capacity: 60', 'capacty: 60');
    expect(lines(typo)).toEqual(['5:45: departments[0].capacty: unknown key "capacty" (did you mean "capacity"?)']);
    expect(lines(BASE.replace('wallet: 400, ', ''))).toEqual([
      '8:5: accounts[0].wallet: "wallet" (k€ per quarter the account could spend with us) is required',
    ]);
    expect(lines(BASE.replace('wallet: 400, ', ''), 'nl')[0]).toBe('8:5: accounts[0].wallet: "wallet" (k€ per kwartaal die het account bij ons zou kunnen besteden) is verplicht');
  });

  const questions = (yaml: string) => `${BASE}debrief:\n  questions: ${yaml}\n`;
  const many = (n: number) => `[${Array.from({ length: n }, (_, i) => `q${i}`).join(', ')}]`;

  it('a mistake inside debrief.questions is reported at the item or language that has it', () => {
    expect(lines(questions(many(50)))).toEqual([]);
    expect(lines(questions(many(51)))).toEqual(['14:14: debrief.questions: this list has more than 50 items']);
    expect(lines(questions('["a", 5]'))).toEqual(['14:20: debrief.questions[1]: expected a text, found 5']);
    expect(lines(questions(`{ en: ${many(51)} }`))).toEqual(['14:20: debrief.questions.en: this list has more than 50 items']);
    expect(lines(questions('{ en: ["a"], nl: "x y" }'))).toEqual(['14:31: debrief.questions.nl: expected a list, found "x y"; for a list of one, write ["x y"]']);
    expect(lines(questions('"just one"'))).toEqual([
      '14:14: debrief.questions: expected a list of texts, or one list per language ({ en: [...], nl: [...] }), found "just one"',
    ]);
    expect(lines(questions('"just one"'), 'nl')[0]).toMatch(/verwacht een lijst teksten, of een lijst per taal/);
  });

  it('a mistake inside a text given per language is reported at that language', () => {
    const title = (yaml: string) => BASE.replace('title: "Base"', `title: ${yaml}`);
    expect(lines(title('{ en: 5 }'))).toEqual(['3:14: title.en: expected a text, found 5']);
    expect(lines(title('{ en: "Base", nl: [a] }'))).toEqual(['3:26: title.nl: expected a text, found a list']);
    expect(lines(title('{ en: "Base", nl: null }'))).toEqual(['3:26: title.nl: expected a text, found nothing (null)']);
    expect(lines(title('5'))).toEqual(['3:8: title: expected a text, found 5, which YAML reads as a number or true/false; for the text, put it in double quotes: "5"']);
    expect(lines(title('[Base]'))).toEqual(['3:8: title: expected a text or one text per language ({ en: "...", nl: "..." }), found a list']);
  });
});

describe('reserved words', () => {
  it('constructor and prototype are refused where they are defined as ids, with the reason', () => {
    expect(lines(BASE.replace('id: service', 'id: prototype'))).toEqual([
      '6:11: departments[1].id: "prototype" cannot be an id: it is a reserved word in the program that reads this file, and ids are used as keys (in needs and relationships); choose another id',
    ]);
    expect(lines(BASE.replace('id: bram', 'id: constructor'), 'nl')).toEqual([
      '12:11: kams[1].id: "constructor" kan geen id zijn: het is een gereserveerd woord in het programma dat dit bestand leest, en ids worden als sleutel gebruikt (in needs en relationships); kies een ander id',
    ]);
  });

  it('a reserved key is reported with its path and the reason', () => {
    expect(lines(BASE.replace('needs: { engineering: 1 }', 'needs: { engineering: 1, prototype: 2 }'))).toEqual([
      '8:69: accounts[0].needs.prototype: the key "prototype" is not allowed: __proto__, constructor and prototype are reserved words in the program that reads this file, so no key may be one of them',
    ]);
    expect(lines(BASE.replace('persona: heavyweight }', 'persona: heavyweight, relationships: { constructor: 1 } }'))[0]).toMatch(
      /^12:90: kams\[1\]\.relationships\.constructor: the key "constructor" is not allowed: /,
    );
  });
});

describe('syntax problems in a trainer\'s words', () => {
  it('a second YAML document in the file is named as a second scenario', () => {
    expect(lines(`${BASE}---\n${BASE}`)).toEqual([
      '13:1: a file holds one scenario or experiment, but a line "---" here starts a second one; put each in a file of its own',
    ]);
    expect(lines(`---\n${BASE}`)).toEqual([]);
  });

  it('nesting deep enough to exhaust the parser is reported as too deep, not as a stack overflow', () => {
    const deep = lines(`${BASE}x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^13:\d+: the file is nested more than 64 levels deep$/);
  });

  it('a format line without a version says what to write', () => {
    expect(lines(BASE.replace('scenario@1', 'scenario'))).toEqual(['1:9: format: the format line lacks a version: write "format: two-fronts/scenario@1"']);
    expect(lines(BASE.replace('scenario@1', 'scenario'), 'nl')).toEqual(['1:9: format: de format-regel mist een versie: schrijf "format: two-fronts/scenario@1"']);
  });
});

describe('"did you mean" and reference messages', () => {
  it('a key that is the start of a longer key suggests it', () => {
    expect(lines(BASE.replace('wallet: 700', 'wallet: 700, opportunities: 3, share: 0.2'))).toEqual([
      '9:48: accounts[1].opportunities: unknown key "opportunities" (did you mean "opportunitiesPerQuarter"?)',
      '9:66: accounts[1].share: unknown key "share" (did you mean "shareOfWallet"?)',
    ]);
    expect(lines(BASE.replace('title: "Base"', 'title: "Base"\ncompany: { interventions: { kaAgenda: true } }'))).toEqual([
      '4:29: company.interventions.kaAgenda: unknown key "kaAgenda" (did you mean "kaAgendaItem"?)',
    ]);
  });

  it('a two-letter key is not "corrected" into an unrelated one', () => {
    expect(lines(BASE.replace('title: "Base"', 'title: { en: "Base", fr: "x" }'))).toEqual(['3:22: title.fr: unknown key "fr" (expected one of: en, nl)']);
    expect(closest('fr', ['en', 'nl'])).toBeUndefined();
    expect(closest('nll', ['en', 'nl'])).toBe('nl');
  });

  it('an account listed twice under one KAM is called that, not owned by that KAM already', () => {
    expect(lines(BASE.replace('accounts: [acme]', 'accounts: [acme, acme]'))).toEqual([
      '11:46: kams[0].accounts[1]: account "acme" is listed twice under KAM "you"; list it once',
    ]);
    expect(lines(BASE.replace('accounts: [globex]', 'accounts: [globex, acme]'))).toEqual([
      '12:50: kams[1].accounts[1]: account "acme" already belongs to KAM "you"; every account belongs to exactly one KAM',
    ]);
  });

  it('a reference with nothing to refer to says there is nothing, not "known: "', () => {
    const none = BASE.replace('  - { id: engineering, name: "Engineering", capacity: 60 }\n  - { id: service, name: "Service", capacity: 50 }\n', '').replace('departments:', 'departments: []');
    expect(lines(none)).toEqual([
      '4:14: departments: a scenario needs at least one department',
      '6:53: accounts[0].needs.engineering: unknown department "engineering" (the file defines no department at all)',
    ]);
    expect(lines(none, 'nl')[1]).toBe('6:53: accounts[0].needs.engineering: afdeling "engineering" is onbekend (het bestand definieert helemaal geen afdeling)');
  });
});

describe('refused instead of accepted silently', () => {
  it('debrief.compareRegimes names each regime once, and at most all five', () => {
    const compare = (yaml: string) => `${BASE}debrief:\n  compareRegimes: ${yaml}\n`;
    expect(lines(compare('[matrix, account-pnl]'))).toEqual([]);
    expect(lines(compare('[matrix, account-pnl, matrix]'))).toEqual([
      '14:41: debrief.compareRegimes[2]: regime "matrix" is already listed (at debrief.compareRegimes[0]); the debrief replays each regime once, so list it once',
    ]);
    expect(lines(compare('[matrix, account-pnl, matrix]'), 'nl')[0]).toBe(
      '14:41: debrief.compareRegimes[2]: regime "matrix" staat er al (bij debrief.compareRegimes[0]); de nabespreking speelt elk regime één keer opnieuw, dus noem het één keer',
    );
    expect(lines(compare('[matrix, account-pnl, utilization, exec-sponsored, departmental-pnl, matrix]'))).toEqual([
      '14:19: debrief.compareRegimes: at most 5 regimes: there are only 5, and the debrief replays each one once',
      '14:88: debrief.compareRegimes[5]: regime "matrix" is already listed (at debrief.compareRegimes[0]); the debrief replays each regime once, so list it once',
    ]);
  });

  it('a second player seat is valid, with a warning at it: the game seats one person, at the first', () => {
    const two = BASE.replace('persona: heavyweight }', 'persona: heavyweight, control: player }');
    expect(lines(two)).toEqual([]);
    const { warnings } = loadScenario(two, 'x.yaml');
    expect(warnings.map((w) => `${w.line}:${w.col}: ${w.path}: ${w.message}`)).toEqual([
      '12:82: kams[1].control: KAM "you" is already the player seat; the game seats the player there and plays this KAM by its persona',
    ]);
    expect(issueMessage(warnings[0]!, 'nl')).toBe('KAM "you" is al de rol van de speler; het spel zet de speler daar en speelt deze KAM met zijn persona');
    // No player seat at all is valid too, without a warning: the game gives the person the first KAM.
    expect(lines(BASE.replace('control: player, ', ''))).toEqual([]);
    expect(loadScenario(BASE.replace('control: player, ', ''), 'x.yaml').warnings).toEqual([]);
  });

  it('company settings that no regime of the file uses are valid, with a warning at them: matrixWeight outside the matrix, sponsorship with no board', () => {
    const warned = (company: string, debrief = '', lang: 'en' | 'nl' = 'en') =>
      loadScenario(BASE.replace('title: "Base"', `title: "Base"\ncompany: ${company}${debrief}`), 'x.yaml').warnings.map((w) => `${w.line}:${w.col}: ${w.path}: ${issueMessage(w, lang)}`);
    expect(warned('{ matrixWeight: 0.7 }')).toEqual([
      '4:26: company.matrixWeight: matrixWeight counts only under the matrix regime; this company plays departmental-pnl and its debrief replays no matrix, so the value changes nothing',
    ]);
    expect(warned('{ sponsorship: { maxSponsored: 3 } }')).toEqual([
      '4:25: company.sponsorship: sponsorship counts only where the board sponsors accounts (regime exec-sponsored, or interventions.boardAccountPlans: true); in this file the board never does, so these settings change nothing',
    ]);
    expect(warned('{ matrixWeight: 0.7 }', '', 'nl')[0]).toMatch(/: company\.matrixWeight: matrixWeight telt alleen in het matrixregime; dit bedrijf speelt departmental-pnl/);
    // Used by the file's own regime, by a regime its debrief replays, or by account plans at the board: no warning.
    expect(warned('{ regime: matrix, matrixWeight: 0.7 }')).toEqual([]);
    expect(warned('{ matrixWeight: 0.7 }', '\ndebrief: { compareRegimes: [matrix] }')).toEqual([]);
    expect(warned('{ regime: exec-sponsored, sponsorship: { boost: 2 } }')).toEqual([]);
    expect(warned('{ sponsorship: { boost: 2 } }', '\ndebrief: { compareRegimes: [exec-sponsored] }')).toEqual([]);
    expect(warned('{ sponsorship: { boost: 2 }, interventions: { boardAccountPlans: true } }')).toEqual([]);
  });

  it('the seat the person plays with no accounts is valid, with a warning at its list: there would be nothing to plan for', () => {
    const warned = (text: string) => loadScenario(text, 'x.yaml').warnings.map((w) => `${w.line}:${w.col}: ${w.path}: ${issueMessage(w, 'en')}`);
    const empty = BASE.replace('accounts: [acme], control: player', 'accounts: [], control: player').replace('accounts: [globex]', 'accounts: [acme, globex]');
    expect(lines(empty)).toEqual([]);
    expect(warned(empty)).toEqual(['11:39: kams[0].accounts: KAM "you" is the seat the person plays, and has no accounts: there would be nothing to plan for; give it at least one account']);
    expect(issueMessage(loadScenario(empty, 'x.yaml').warnings[0]!, 'nl')).toMatch(/^KAM "you" is de rol die de speler speelt, en heeft geen accounts/);
    // Without a player seat the person plays the first KAM; a colleague without accounts is no one's concern.
    expect(warned(empty.replace('control: player, ', ''))).toHaveLength(1);
    expect(warned(BASE.replace('accounts: [globex]', 'accounts: []').replace('accounts: [acme]', 'accounts: [acme, globex]'))).toEqual([]);
  });

  it('needs that name no department, or only zeros, are refused: the account would need nothing', () => {
    const needs = (yaml: string) => BASE.replace('needs: { engineering: 1 }', `needs: ${yaml}`);
    const empty = 'needs names no department, so the account would need nothing: give at least one department a need above 0, or leave needs out and the account needs every department equally';
    expect(lines(needs('{}'))).toEqual([`8:51: accounts[0].needs: ${empty}`]);
    expect(lines(needs('{ engineering: 0, service: 0 }'))).toEqual([
      '8:51: accounts[0].needs: an account needs at least one department (all needs are 0): give one a need above 0, or leave needs out and the account needs every department equally',
    ]);
    expect(lines(needs('{}'), 'nl')[0]).toMatch(/^8:51: accounts\[0\]\.needs: needs noemt geen enkele afdeling, dus het account zou niets nodig hebben/);
    // Reported with the file's other problems, not only once they are fixed.
    expect(lines(needs('{}').replace('capacity: 60', 'capacity: -60'))).toEqual([
      '5:55: departments[0].capacity: must be at least 0 (expert-days per quarter)',
      `8:51: accounts[0].needs: ${empty}`,
    ]);
    // Left out, the account needs every department equally.
    const { input } = loadScenario(BASE, 'x.yaml');
    expect(input.accounts[1]!.needs).toEqual({ engineering: 0.5, service: 0.5 });
  });

  it('questions per language must be as many in every language', () => {
    const q = (yaml: string) => `${BASE}debrief:\n  questions: ${yaml}\n`;
    expect(lines(q('{ en: ["a", "b"], nl: ["x"] }'))).toEqual([
      '14:36: debrief.questions.nl: every language needs the same number of questions: en has 2, nl has 1',
    ]);
    expect(lines(q('{ en: ["a", "b"], nl: ["x"] }'), 'nl')[0]).toBe('14:36: debrief.questions.nl: elke taal heeft evenveel vragen nodig: en heeft er 2, nl heeft er 1');
    expect(lines(q('{ en: ["a", "b"], nl: ["x", "y"] }'))).toEqual([]);
    expect(lines(q('{ en: ["a", "b"] }'))).toEqual([]);
  });

  it('an empty or blank title is refused, in either form', () => {
    const title = (yaml: string) => BASE.replace('title: "Base"', `title: ${yaml}`);
    expect(lines(title('""'))).toEqual(['3:8: title: this text is required, so it cannot be empty']);
    expect(lines(title('"   "'))).toEqual(['3:8: title: this text is required, so it cannot be empty']);
    expect(lines(title('{ en: "", nl: "Basis" }'))).toEqual(['3:14: title.en: this text is required, so it cannot be empty']);
    expect(lines(title('""'), 'nl')[0]).toBe('3:8: title: deze tekst is verplicht en mag dus niet leeg zijn');
    expect(lines(BASE.replace('id: base', 'id: base\nsummary: ""'))).toEqual([]);
  });

  it('an empty or blank name of a department, account or KAM is refused: the game shows names everywhere', () => {
    const named = BASE.replace('name: "Engineering"', 'name: ""').replace('name: "Globex"', 'name: "  "').replace('name: "Bram"', 'name: { en: "Bram", nl: "" }');
    expect(lines(named)).toEqual([
      '5:30: departments[0].name: this text is required, so it cannot be empty',
      '9:25: accounts[1].name: this text is required, so it cannot be empty',
      '12:41: kams[1].name.nl: this text is required, so it cannot be empty',
    ]);
  });
});

describe('a value that fits no form of a choice of types', () => {
  it('an experiment\'s set value names the types it may have, in both languages', () => {
    let found: FileIssue[] = [];
    try {
      validateExperimentDocument(readDocument('format: two-fronts/experiment@1\nid: e\nscenario: a.yaml\nset: { quarters: [1] }\n', 'e.yaml'));
    } catch (e) {
      if (e instanceof FileError) found = e.issues;
    }
    expect(found.map((i) => `${i.line}:${i.col}: ${i.path}: ${i.message}`)).toEqual(['4:18: set.quarters: expected a number / a text / true or false, found a list']);
    expect(issueMessage(found[0]!, 'nl')).toBe('verwacht een getal / een tekst / true of false, gevonden: een lijst');
  });
});

describe('one mistake, one message', () => {
  it('a value of the wrong type or out of range gets one message, not also the checks that follow from it', () => {
    expect(lines(BASE.replace('title: "Base"', 'title: "Base"\ndebrief:\n  compareRegimes: account-pnl'))).toEqual([
      '5:19: debrief.compareRegimes: expected a list, found "account-pnl"; for a list of one, write [account-pnl]',
    ]);
    expect(lines(BASE.replace('title: "Base"', 'title: "Base"\nseed: 99999999999999999999'))).toEqual(['4:7: seed: must be at most 4294967295 (default seed)']);
    expect(lines(BASE.replace('id: base', 'id: Base_Id_That_Is_Far_Too_Long_For_An_Id_Because_Ids_Have_At_Most_64_Characters'))).toEqual([
      '2:5: id: an id has at most 64 characters',
    ]);
  });

  it('a required key that is misspelt is named once, at the misspelling', () => {
    expect(lines(BASE.replace('title: "Base"', 'titel: "Base"'))).toEqual(['3:1: titel: unknown key "titel" (did you mean "title"?)']);
    expect(lines(BASE.replace('title: "Base"', 'titel: "Base"'), 'nl')).toEqual(['3:1: titel: onbekende sleutel "titel" (bedoel je "title"?)']);
  });

  it('a list that is missing, or misspelt, is named once: references into it are not also called unknown', () => {
    expect(lines(BASE.replace('departments:', 'department:'))).toEqual(['4:1: department: unknown key "department" (did you mean "departments"?)']);
    const noDepartments = BASE.replace(/departments:\n( {2}- .*\n){2}/, '');
    expect(lines(noDepartments)).toEqual(['1:1: departments: "departments" is required']);
    expect(lines(noDepartments, 'nl')).toEqual(['1:1: departments: "departments" is verplicht']);
  });

  it('one id where a list of ids belongs suggests the list of one, and no account is called ownerless because of it', () => {
    expect(lines(BASE.replace('accounts: [globex]', 'accounts: globex'))).toEqual([
      '12:41: kams[1].accounts: expected a list, found "globex"; for a list of one, write [globex]',
    ]);
    expect(lines(BASE.replace('accounts: [globex]', 'accounts: globex'), 'nl')).toEqual([
      '12:41: kams[1].accounts: verwacht een lijst, gevonden: "globex"; schrijf voor een lijst met één element [globex]',
    ]);
    // Without any KAMs, no account is reported as ownerless either: the one problem is the missing list.
    expect(lines(BASE.replace(/kams:\n( {2}- .*\n){2}/, ''))).toEqual(['1:1: kams: "kams" is required']);
    // Nor while an id in a KAM's accounts is written wrongly.
    expect(lines(BASE.replace('accounts: [acme]', 'accounts: [Acme]'))).toEqual([
      '11:40: kams[0].accounts[0]: an id is kebab-case: lower-case letters and digits joined by single hyphens, starting with a letter; found "Acme", write acme',
    ]);
  });

  it('an id that is no id is quoted, with the id meant where it is clear: commas between ids in a list, kebab-case for a name', () => {
    expect(lines(BASE.replace('accounts: [acme]', 'accounts: [acme globex]').replace('accounts: [globex]', 'accounts: []'))).toEqual([
      '11:40: kams[0].accounts[0]: an id has no spaces (found "acme globex"); if these are several ids, separate them with commas: acme, globex',
    ]);
    expect(lines(BASE.replace('id: base', 'id: Base_Case Één'))[0]).toMatch(/^2:5: id: an id is kebab-case: .*; found "Base_Case Één", write base-case-een$/);
    // Nothing kebab-case can be made of it: the value is quoted, and no id suggested.
    expect(lines(BASE.replace('id: base', 'id: "2024"'))[0]).toMatch(/^2:5: id: an id is kebab-case: .*\(e\.g\. "solution-engineering"\); found "2024"$/);
    expect(lines(BASE.replace('accounts: [acme]', 'accounts: [acme globex]').replace('accounts: [globex]', 'accounts: []'), 'nl')[0]).toBe(
      "11:40: kams[0].accounts[0]: een id heeft geen spaties (gevonden: \"acme globex\"); zijn dit meerdere ids, scheid ze dan met komma's: acme, globex",
    );
  });
});

describe('a value written another way says how to write it', () => {
  const weight = (yaml: string) => BASE.replace('title: "Base"', `title: "Base"\ncompany:\n  matrixWeight: ${yaml}`);

  it('a number with a decimal comma, a percentage or quotes shows what was found and how to write it', () => {
    const expected = 'expected a number (matrix only: weight on account value), found';
    expect(lines(weight('0,4'))).toEqual([`5:17: company.matrixWeight: ${expected} "0,4"; write 0.4, with a decimal point`]);
    expect(lines(weight('40%'))).toEqual([`5:17: company.matrixWeight: ${expected} "40%"; write a percentage as a fraction: 0.4`]);
    expect(lines(weight('"0.4"'))).toEqual([`5:17: company.matrixWeight: ${expected} the text "0.4"; write the number without quotes`]);
    expect(lines(weight('lots'))).toEqual([`5:17: company.matrixWeight: ${expected} "lots"`]);
    expect(lines(weight('0,4'), 'nl')).toEqual([
      '5:17: company.matrixWeight: verwacht een getal (alleen matrix: gewicht van de accountwaarde), gevonden: "0,4"; schrijf 0.4, met een decimale punt',
    ]);
  });

  it('a decimal comma inside braces, which ends the number and makes the decimals a key, is named as such', () => {
    expect(lines(BASE.replace('wallet: 700 }', 'wallet: 700, margin: 0,1, }'))).toEqual([
      '9:58: accounts[1].1: unknown key "1": in "margin: 0,1" the comma ends the number and starts a new key; write a decimal point: margin: 0.1',
    ]);
    expect(lines(BASE.replace('wallet: 700 }', 'wallet: 700, margin: 0,1 }'), 'nl')).toEqual([
      '9:58: accounts[1].1: onbekende sleutel "1": in "margin: 0,1" beëindigt de komma het getal en begint een nieuwe sleutel; schrijf een decimale punt: margin: 0.1',
    ]);
  });

  it('a question with ": " in it, read as a key and its value, is to be quoted', () => {
    expect(lines(`${BASE}debrief:\n  questions:\n    - Why: explain\n`)).toEqual([
      '15:7: debrief.questions[0]: expected a text, found "Why: explain", read as a key and its value; a text that contains ": " must be written in double quotes',
    ]);
  });
});

describe('a percentage is advice only where the value is a share', () => {
  const acme = '  - { id: acme, name: "Acme", wallet: 400, needs: { engineering: 1 } }';

  it('a value in another unit written with a % sign is asked for as a plain number in its unit', () => {
    const capacity = BASE.replace('capacity: 60 }', 'capacity: 40 % }');
    expect(lines(capacity)).toEqual(['5:55: departments[0].capacity: expected a plain number (expert-days per quarter), found "40 %"; this value is not a percentage']);
    expect(lines(capacity, 'nl')).toEqual(['5:55: departments[0].capacity: verwacht een gewoon getal (expertdagen per kwartaal), gevonden: "40 %"; deze waarde is geen percentage']);
    expect(lines(BASE.replace('needs: { engineering: 1 }', 'needs: { engineering: 50% }'))).toEqual([
      '8:66: accounts[0].needs.engineering: expected a plain number (relative need for the department), found "50%"; this value is not a percentage',
    ]);
  });

  it('a value on a scale from 0 to 1 that is too big is not taken for a percentage; a share is', () => {
    const relationships = BASE.replace('persona: heavyweight }', 'persona: heavyweight, relationships: { service: 1.5 } }');
    expect(lines(relationships)).toEqual(['12:99: kams[1].relationships.service: must be at most 1 (starting relationship capital, 0..1)']);
    expect(lines(relationships, 'nl')).toEqual(['12:99: kams[1].relationships.service: mag hoogstens 1 zijn (relatiekapitaal bij de start, 0..1)']);
    // A department misspelt as well: both problems in one round, the name at its key and the value at the value.
    const both = BASE.replace('persona: heavyweight }', 'persona: heavyweight, relationships: { enginering: 50 } }');
    expect(lines(both)).toEqual([
      '12:90: kams[1].relationships.enginering: unknown department "enginering" (did you mean "engineering"?)',
      '12:102: kams[1].relationships.enginering: must be at most 1 (starting relationship capital, 0..1)',
    ]);
    expect(lines(BASE.replace('needs: { engineering: 1 }', 'needs: { enginering: -1 }'), 'nl')).toEqual([
      '8:53: accounts[0].needs.enginering: afdeling "enginering" is onbekend (bedoel je "engineering"?)',
      '8:65: accounts[0].needs.enginering: moet minstens 0 zijn (relatieve behoefte aan de afdeling)',
    ]);
    expect(lines(BASE.replace(acme, '  - { id: acme, name: "Acme", wallet: 400, satisfaction: 62, needs: { engineering: 1 } }'))).toEqual([
      '8:58: accounts[0].satisfaction: must be at most 1 (starting satisfaction, 0..1)',
    ]);
    expect(lines(BASE.replace(acme, '  - { id: acme, name: "Acme", wallet: 400, margin: 22, needs: { engineering: 1 } }'))).toEqual([
      '8:52: accounts[0].margin: must be at most 1 (gross margin on revenue); a share is written as a part of 1: 22 % is 0.22',
    ]);
  });

  it('every number gets the percentage advice exactly when the guide gives its unit as a share', () => {
    type Tree = Record<string | number, unknown>;
    const base = parse(BASE) as Tree;
    /** Every numeric key of the guide and the model table, a value at it and whether its unit is a share. */
    const keysOf: [string, (string | number)[], boolean][] = [];
    for (const [key, doc] of Object.entries(KEY_DOCS)) {
      const path = key.split(/\.|\[\]/).filter((x) => x !== '').flatMap((x, i, all) => (key.includes(`${x}[]`) && i < all.length - 1 ? [x, 0] : [x]));
      const record = key === 'accounts[].needs' || key === 'kams[].relationships';
      keysOf.push([key, record ? [...path, 'engineering'] : path, doc.unit.startsWith('share')]);
    }
    for (const [name, p] of Object.entries(MODEL_PARAMS)) keysOf.push([`model.${name}`, ['model', name], p.unit.startsWith('share')]);
    const at = (path: (string | number)[], value: unknown) => {
      const file = structuredClone(base);
      let node = file;
      for (const seg of path.slice(0, -1)) node = (node[seg] ??= {}) as Tree;
      node[path[path.length - 1]!] = value;
      return issuesOf(stringify(file)).find((i) => i.path === path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '['));
    };
    let numbers = 0;
    let shares = 0;
    for (const [key, path, share] of keysOf) {
      const percent = at(path, '40 %');
      if (!percent?.code.startsWith('number.percent')) continue;
      numbers++;
      if (share) shares++;
      expect(`${key}: ${percent.code}`).toBe(`${key}: ${share ? 'number.percent' : 'number.percent-plain'}`);
      const big = at(path, 30);
      if (!share) expect(`${key}: ${big?.code}`).not.toBe(`${key}: number.max-percent`);
    }
    expect(numbers).toBeGreaterThan(40);
    expect(shares).toBeGreaterThan(8);
  });
});

describe('syntax mistakes named by their cause, in a trainer\'s words', () => {
  const title = (yaml: string) => BASE.replace('title: "Base"', `title: ${yaml}`);
  const syntax = 'YAML/JSON syntax: ';
  /** Words of the YAML parser that mean nothing to a trainer. */
  const parserWords = /implicit|flow (map|seq|collection)|scalar|token|stringKeys|block collection|compact mapping|reserved character|node end/i;

  it('a colon and a space in a text asks for quotes; a key indented too little or too much is named at that key', () => {
    expect(lines(title('Acme: the company'))).toEqual([`3:8: ${syntax}a text that contains ": " must be written in double quotes ("..."); if a key was meant, put it on a line of its own`]);
    expect(lines(title('Acme: the company'), 'nl')).toEqual([
      '3:8: YAML/JSON-syntaxis: een tekst met ": " erin moet tussen dubbele aanhalingstekens staan ("..."); was een sleutel bedoeld, zet die dan op een eigen regel',
    ]);
    const misindented = `${syntax}this line is indented differently from the other keys of its mapping; line them up`;
    expect(lines(title('"Base"\ncompany:\n  regime: matrix\nmatrixWeight: 0.4\n  fixedCostPerQuarter: 60'))).toEqual([`6:1: ${misindented}`]);
    expect(lines(title('"Base"\ncompany:\n  regime: matrix\n   fixedCostPerQuarter: 60'))).toEqual([`6:4: ${misindented}`]);
    // The last key of a block, indented too little, is read as a key of the mapping above: named as such.
    expect(lines(title('"Base"\ncompany:\n  regime: matrix\nmatrixWeight: 0.4'))).toEqual([
      '6:1: matrixWeight: unknown key "matrixWeight" here: it belongs under "company"; indent it like the other keys of company',
    ]);
    expect(lines(title('"Base"\ncompany:\n  regime: matrix\nmatrixWeight: 0.4'), 'nl')).toEqual([
      '6:1: matrixWeight: onbekende sleutel "matrixWeight" hier: hij hoort onder "company"; laat hem inspringen zoals de andere sleutels van company',
    ]);
  });

  it('a quote left open inside braces is reported at the quote; a [ left open inside braces only at the [', () => {
    expect(lines(BASE.replace('name: "Globex",', 'name: "Globex,'))).toEqual([`9:25: ${syntax}a quoted text is not closed; add the closing quote`]);
    expect(lines(BASE.replace('accounts: [globex], persona', 'accounts: [globex, persona'))).toEqual([
      `12:41: ${syntax}this [ is never closed: a ] is missing (or a line after it is not indented enough)`,
    ]);
    expect(unclosedBracket('a: { b: [c }\n', 12, '[')).toBe(8);
    expect(unclosedBracket('a: { b: [c }\n', 12, '{')).toBeUndefined();
  });

  it('the parser\'s words become what to write instead, in English and Dutch', () => {
    const json = JSON.stringify({ format: 'two-fronts/scenario@1', id: 'j', title: 'J' }, null, 2).replace('"j",', '"j",,');
    const cases: [string, string][] = [
      [title('"Base"').replace('title: ', 'title:'), '3:6: a key needs a space after its colon: write "title: ..."'],
      [title('"He said "hi""'), '3:17: this quote ends the text, but more follows; inside "...", write a quote as \\" (or put the whole text in single quotes)'],
      [title("'it's'"), "3:11: this quote ends the text, but more follows; inside '...', write a quote twice: '' (or put the whole text in double quotes)"],
      [
        BASE.replace('name: "Service"', 'name: { en: Service, nl: Techniek: afdeling }'),
        '6:45: inside { } or [ ], a text that contains ": " must be written in double quotes ("..."); if "Techniek" is a key, put a comma before it',
      ],
      [BASE.replace('name: "You", ', 'name: "You" '), '11:28: a comma is missing before this; separate the items inside { } and [ ] with commas'],
      [json, '3:13: a comma too many (two in a row, or one right after an opening bracket); remove it'],
      [BASE.replace('accounts: [acme]', 'accounts: [, acme]'), '11:40: a comma too many (two in a row, or one right after an opening bracket); remove it'],
      [BASE.replace('  - { id: globex', '  -{ id: globex'), '9:3: put a space after the dash: a list item starts with "- "'],
      [title('"C:\\Users\\base"'), '3:11: inside "...", a backslash starts an escape such as \\n; write \\\\ for a backslash, or put the text in single quotes'],
      [title('@base'), '3:8: a text that starts with @ must be written in double quotes ("@...")'],
      [title('*Base* edition'), '3:8: a text that starts with * must be written in double quotes ("*...")'],
      [title('!Base'), '3:8: a text that starts with ! must be written in double quotes; YAML tags such as !Base are not allowed'],
      [title('"Base"\njust some words'), '4:1: this line is not a "key: value" pair; add ": " after the key, or, if it goes on from the text above, indent it as far as that text'],
      [BASE.replace('persona: heavyweight }', 'persona: heavyweight }}'), '12:73: this } closes nothing; remove it, or add the opening bracket it belongs to'],
      [title('"Base"# note'), '3:14: a # that starts a comment needs a space before it; if the # belongs to the text, put the text in double quotes'],
    ];
    for (const [text, expected] of cases) {
      const [line, ...more] = lines(text);
      expect(more).toEqual([]);
      expect(line).toBe(`${expected.slice(0, expected.indexOf(' ') + 1)}${syntax}${expected.slice(expected.indexOf(' ') + 1)}`);
      const nl = lines(text, 'nl')[0]!;
      expect(nl).toMatch(/^\d+:\d+: YAML\/JSON-syntaxis: /);
      expect(`${line}\n${nl}`).not.toMatch(parserWords);
    }
    expect(lines(title('"Base"').replace('title: ', 'title:'), 'nl')).toEqual(['3:6: YAML/JSON-syntaxis: na de dubbele punt van een sleutel hoort een spatie: schrijf "title: ..."']);
    // Inside braces, a key without the space after its colon reads as one odd key.
    expect(lines(BASE.replace('name: "You", ', 'name:"You", '))).toEqual(['11:16: kams[0].name:"You": unknown key "name:"You"": a key needs a space after its colon: write name: "You"']);
  });
});

describe('one syntax mistake, one message', () => {
  const tutorial = readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8');

  it('a tab, a list item out of line or a dash without its space is reported once, not on every line after it', () => {
    expect(lines(BASE.replace('  - { id: service', '\t- { id: service'))).toEqual(['6:1: YAML/JSON syntax: a tab is used to indent; indent with spaces']);
    const outOfLine = 'YAML/JSON syntax: this list item is not lined up with the other items of its list; start their dashes in the same column';
    expect(lines(BASE.replace('  - { id: service', '   - { id: service'))).toEqual([`6:4: ${outOfLine}`]);
    // The first item out of line, not the second that agrees with the rest.
    expect(lines(BASE.replace('  - { id: engineering', '   - { id: engineering'))).toEqual([`5:4: ${outOfLine}`]);
    expect(lines(tutorial.replace('  - { id: engineering', '   - { id: engineering'))).toEqual([`27:4: ${outOfLine}`]);
    expect(lines(tutorial.replace('  - { id: service', '\t- { id: service'))).toEqual(['28:1: YAML/JSON syntax: a tab is used to indent; indent with spaces']);
    expect(lines(tutorial.replace('  - { id: borealis', '  -{ id: borealis'))).toEqual(['33:3: YAML/JSON syntax: put a space after the dash: a list item starts with "- "']);
    expect(lines(tutorial.replace('  - { id: borealis', '  -{ id: borealis'), 'nl')).toEqual(['33:3: YAML/JSON-syntaxis: zet een spatie na het streepje: een lijstelement begint met "- "']);
  });

  it('a tab before a list item\'s dash is named as the tab, in English and Dutch, not as an item out of line', () => {
    const questions = (first: string) => `${BASE}debrief:\n  questions:\n${first}- "Who got the most?"\n    - "Why?"\n`;
    expect(lines(questions('\t'))).toEqual(['15:1: YAML/JSON syntax: a tab is used to indent; indent with spaces']);
    expect(lines(questions('\t'), 'nl')).toEqual(['15:1: YAML/JSON-syntaxis: er wordt met een tab ingesprongen; spring in met spaties']);
    expect(lines(questions('  \t'))).toEqual(['15:3: YAML/JSON syntax: a tab is used to indent; indent with spaces']);
    expect(lines(questions('    '))).toEqual([]);
  });

  it('a key indented unlike the keys around it is named at that key, not at the keys that are right', () => {
    const misindented = 'YAML/JSON syntax: this line is indented differently from the other keys of its mapping; line them up';
    // The first key under company: one space in, the keys after it two.
    expect(lines(`${BASE}company:\n regime: matrix\n  fixedCostPerQuarter: 60\n  interventions:\n    kaAgendaItem: true\n  matrixWeight: 0.5\n`)).toEqual([`14:2: ${misindented}`]);
    expect(lines(`${BASE}company:\n regime: matrix\n  fixedCostPerQuarter: 60\n`, 'nl')).toEqual([
      '14:2: YAML/JSON-syntaxis: deze regel springt anders in dan de andere sleutels van zijn mapping; zet ze onder elkaar',
    ]);
    // A key of a list item one space short of the item's other keys: a key, not a list item, at its own column.
    const you = '  - { id: you, name: "You", accounts: [acme], control: player, persona: analyst }';
    const kam = BASE.replace(you, '  - id: you\n    name: "You"\n   accounts: [acme]\n    control: player\n    persona: analyst');
    expect(lines(kam)).toEqual([`13:4: ${misindented}`]);
    expect(lines(kam, 'nl')).toEqual(['13:4: YAML/JSON-syntaxis: deze regel springt anders in dan de andere sleutels van zijn mapping; zet ze onder elkaar']);
  });

  it('a text continued on a line that is not indented is one problem at its bracket, not one per line after it', () => {
    const broken = tutorial.replace('name: { en: "Legal & Contracts"', 'name: {\nen: "Legal & Contracts"');
    expect(lines(broken)).toEqual(['30:24: YAML/JSON syntax: this { is never closed: a } is missing (or a line after it is not indented enough)']);
  });

  it('independent mistakes on later lines are still each reported', () => {
    const two = BASE.replace('  - { id: service', '\t- { id: service').replace('  - { id: globex', '  -{ id: globex');
    expect(lines(two)).toEqual([
      '6:1: YAML/JSON syntax: a tab is used to indent; indent with spaces',
      '9:3: YAML/JSON syntax: put a space after the dash: a list item starts with "- "',
    ]);
  });
});

describe('encodings and line ends from other systems', () => {
  const decoded = (bytes: number[]): FileIssue[] | string => {
    try {
      return decodeText(new Uint8Array(bytes), 'x.yaml');
    } catch (e) {
      if (e instanceof FileError) return e.issues;
      throw e;
    }
  };
  const bytesOf = (text: string) => [...new TextEncoder().encode(text)];

  it('a file saved in Latin-1 is reported at its first such character, with the way out', () => {
    // "Café" with the é as the one Latin-1 byte 0xE9, on line 3 after a UTF-8 é on the same line.
    const issues = decoded([...bytesOf('format: two-fronts/scenario@1\nid: base\ntitle: "é Caf'), 0xe9, ...bytesOf('"\n')]) as FileIssue[];
    expect(issues.map((i) => `${i.line}:${i.col}: ${i.message}`)).toEqual([
      '3:14: this character is not UTF-8: the file was saved in another encoding (such as Latin-1 or Windows-1252); save it as UTF-8 (in most editors: Save As, encoding UTF-8)',
    ]);
    expect(issueMessage(issues[0]!, 'nl')).toMatch(/^dit teken is geen UTF-8: .*sla het op als UTF-8/);
    expect(decoded([...bytesOf('a: 1\r\nb: '), 0x96, 0x0d, 0x0a])).toMatchObject([{ line: 2, col: 4, code: 'file.encoding' }]);
    // A binary file is not text at all.
    expect(decoded([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])).toMatchObject([{ line: 1, col: 1, code: 'file.not-utf8' }]);
    expect(decoded(bytesOf('title: "Café"\n'))).toBe('title: "Café"\n');
  });

  it('a file saved as UTF-16 (Notepad\'s "Unicode") is named as such, with the way out', () => {
    const utf16 = (text: string, big: boolean) => [big ? 0xfe : 0xff, big ? 0xff : 0xfe, ...[...text].flatMap((c) => (big ? [0, c.charCodeAt(0)] : [c.charCodeAt(0), 0]))];
    for (const big of [false, true]) {
      for (const mark of [true, false]) {
        // Without its byte-order mark too (as some editors save it): every other byte is NUL, yet it is no binary file.
        const bytes = utf16('format: two-fronts/scenario@1\nid: x\n', big).slice(mark ? 0 : 2);
        const issues = decoded(bytes) as FileIssue[];
        expect(issues.map((i) => `${i.line}:${i.col}: ${i.message}`), `big-endian ${big}, mark ${mark}`).toEqual(['1:1: this text file is saved as UTF-16 ("Unicode" in Notepad); save it as UTF-8 (in most editors: Save As, encoding UTF-8)']);
      }
    }
    // A binary file with NUL bytes here and there is still a binary file.
    expect((decoded([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]) as FileIssue[]).map((i) => i.message)).not.toContain('this text file is saved as UTF-16 ("Unicode" in Notepad); save it as UTF-8 (in most editors: Save As, encoding UTF-8)');
  });

  it('old Mac line ends (a lone CR) are line breaks', () => {
    expect(lines(BASE.replace(/\n/g, '\r'))).toEqual([]);
    expect(lines(BASE.replace('capacity: 60', 'capacity: -60').replace(/\n/g, '\r'))).toEqual(['5:55: departments[0].capacity: must be at least 0 (expert-days per quarter)']);
  });

  it('a trainer\'s number habits get the fix they need: shares as percentages, thousands separators, decimal commas in needs', () => {
    const acme = '  - { id: acme, name: "Acme", wallet: 400, needs: { engineering: 1 } }';
    expect(lines(BASE.replace(acme, '  - { id: acme, name: "Acme", wallet: 400, shareOfWallet: 30, needs: { engineering: 1 } }'))).toEqual([
      '8:59: accounts[0].shareOfWallet: must be at most 0.999 (share of the wallet we win, 0..1); a share is written as a part of 1: 30 % is 0.3',
    ]);
    expect(lines(BASE.replace(acme, '  - id: acme\n    name: "Acme"\n    wallet: 1,500\n    needs: { engineering: 1 }'))).toEqual([
      '10:13: accounts[0].wallet: expected a number (k€ per quarter the account could spend with us), found "1,500"; write 1500 if the comma separates thousands, or 1.5 if it is a decimal comma (a number takes no separators, and a decimal point)',
    ]);
    // Two or more commas can only separate thousands.
    expect(lines(BASE.replace(acme, '  - id: acme\n    name: "Acme"\n    wallet: 12,500,000\n    needs: { engineering: 1 }'))).toEqual([
      '10:13: accounts[0].wallet: expected a number (k€ per quarter the account could spend with us), found "12,500,000"; write 12500000: a number takes no thousands separators',
    ]);
    expect(lines(BASE.replace('wallet: 400,', 'wallet: 12,500,'))[0]).toBe(
      '8:42: accounts[0].500: unknown key "500": in "wallet: 12,500" the comma ends the number and starts a new key; write wallet: 12500 if the comma separates thousands, or wallet: 12.5 if it is a decimal comma',
    );
    const needs = BASE.replace('needs: { engineering: 1 } }', 'needs: { engineering: 0,6, service: 0,4 } }');
    expect(lines(needs)).toEqual([
      '8:68: accounts[0].needs.6: unknown key "6": in "engineering: 0,6" the comma ends the number and starts a new key; write a decimal point: engineering: 0.6',
      '8:82: accounts[0].needs.4: unknown key "4": in "service: 0,4" the comma ends the number and starts a new key; write a decimal point: service: 0.4',
    ]);
    expect(lines(needs, 'nl')[0]).toContain('schrijf een decimale punt: engineering: 0.6');
    // In Dutch the percentage is a Dutch number and the value to write keeps the file's point.
    expect(lines(BASE.replace(acme, '  - { id: acme, name: "Acme", wallet: 400, margin: 12.5, needs: { engineering: 1 } }'), 'nl')).toEqual([
      '8:52: accounts[0].margin: mag hoogstens 1 zijn (brutomarge op de omzet); een aandeel schrijf je als deel van 1, met een punt: 12,5% wordt 0.125',
    ]);
    // A limit is written as the file takes it, in Dutch too, so it can be copied in: 0.999, not 0,999.
    const share = (x: string, lang: 'en' | 'nl') => lines(BASE.replace(acme, `  - { id: acme, name: "Acme", wallet: 400, shareOfWallet: ${x}, needs: { engineering: 1 } }`), lang)[0];
    expect(share('1', 'nl')).toMatch(/accounts\[0\]\.shareOfWallet: mag hoogstens 0\.999 zijn/);
    expect(share('0', 'nl')).toMatch(/accounts\[0\]\.shareOfWallet: moet minstens 0\.001 zijn/);
    expect(share('1', 'en')).toMatch(/accounts\[0\]\.shareOfWallet: must be at most 0\.999/);
  });

  it('a list written without brackets is put in brackets item by item; an id that is no id is never suggested', () => {
    expect(lines(BASE.replace('accounts: [acme], control: player', 'accounts: "acme, globex", control: player'))[0]).toBe(
      '11:39: kams[0].accounts: expected a list, found "acme, globex"; put the items in square brackets: [acme, globex]',
    );
    expect(lines(BASE.replace('{ id: globex,', '{ id: Globex Corp,').replace('accounts: [globex]', 'accounts: [globex-corp]'))).toEqual([
      '9:11: accounts[1].id: an id is kebab-case: lower-case letters and digits joined by single hyphens, starting with a letter; found "Globex Corp", write globex-corp',
      '12:42: kams[1].accounts[0]: unknown account "globex-corp" (known: acme)',
    ]);
  });

  it('text pasted from a word processor: its spaces, bullets and curly quotes are named where they stand', () => {
    expect(lines(BASE.replace('  - { id: service', '\u00a0\u00a0- { id: service'))).toEqual([
      '6:1: YAML/JSON syntax: a space that is not an ordinary space (U+00A0, as word processors put in) stands here; delete it and type an ordinary space',
    ]);
    expect(lines(BASE.replace('  - { id: globex', '  • { id: globex'))).toEqual(['9:3: YAML/JSON syntax: a list item starts with "- ", not with "•" (as word processors write lists); replace it with -']);
    // List items that hold only a text: YAML reads the bulleted lines as one text, where a list belongs.
    const questions = (bullet: string) => `${BASE}debrief:\n  questions:\n    ${bullet} "Who got the most?"\n    ${bullet} "Why?"\n`;
    expect(lines(questions('•'))).toEqual(['15:5: debrief.questions: YAML/JSON syntax: a list item starts with "- ", not with "•" (as word processors write lists); replace it with -']);
    expect(lines(questions('–'), 'nl')).toEqual([
      '15:5: debrief.questions: YAML/JSON-syntaxis: een lijstelement begint met "- ", niet met "–" (zoals tekstverwerkers lijsten schrijven); vervang het door -',
    ]);
    expect(lines(`${BASE}debrief:\n  questions:\n    en:\n      • "Who got the most?"\n    nl: ["Wie kreeg het meest?"]\n`)).toEqual([
      '16:7: debrief.questions.en: YAML/JSON syntax: a list item starts with "- ", not with "•" (as word processors write lists); replace it with -',
    ]);
    const bram = BASE.replace('  - { id: bram, name: "Bram", accounts: [globex], persona: heavyweight }', '  - id: bram\n    name: "Bram"\n    accounts:\n      · globex\n');
    expect(lines(bram)).toEqual(['15:7: kams[1].accounts: YAML/JSON syntax: a list item starts with "- ", not with "·" (as word processors write lists); replace it with -']);
    expect(lines(BASE.replace('title: "Base"', 'title: { en: “Base: one” }'))).toEqual(['3:14: YAML/JSON syntax: “ is a curly quote (as word processors put in), not a quote for YAML; write straight quotes "…"']);
    expect(lines(BASE.replace('title: "Base"', 'title: { en: “Base: one” }'), 'nl')[0]).toContain('is een gekruld aanhalingsteken');
    // Curly quotes that start a plain text elsewhere are the text's own: a real mistake on another line is what is reported.
    expect(lines(BASE.replace('name: "Acme"', 'name: “Acme”').replace('  - { id: service', '\t- { id: service'))).toEqual(['6:1: YAML/JSON syntax: a tab is used to indent; indent with spaces']);
    // An invisible character is shown as what it is.
    expect(lines(BASE.replace('persona: heavyweight', 'persona: heavyweight\u00a0'))[0]).toMatch(/^12:60: kams\[1\]\.persona: "heavyweight<U\+00A0>" is not one of /);
    // Curly quotes around a plain text are part of it: valid, with a warning.
    const curly = loadScenario(BASE.replace('name: "Acme"', 'name: “Acme”'), 'x.yaml').warnings;
    expect(curly.map((i) => `${i.line}:${i.col}: ${i.path}: ${issueMessage(i, 'en')}`)).toEqual([
      '8:23: accounts[0].name: the text is “Acme” with its curly quotes (as word processors put in): they show in the game; remove them, or write straight quotes "…"',
    ]);
  });

  it('a dotted key from the guide, an empty section, a JSON comment and "-id:" get the fix they need', () => {
    expect(lines(BASE + 'company.regime: matrix\n')).toEqual(['13:1: company.regime: unknown key "company.regime": the guide\'s company.regime is a path; write it nested, regime indented under company:']);
    expect(lines(BASE + 'model:\n')).toEqual(['13:7: model: nothing is given under "model:"; remove that line, or write "model: {}"']);
    expect(lines(BASE + 'model:\n', 'nl')).toEqual(['13:7: model: onder "model:" staat niets; haal die regel weg, of schrijf "model: {}"']);
    const json = JSON.stringify({ format: 'two-fronts/scenario@1', id: 'base', title: 'Base', '// six quarters': 1, departments: [{ id: 'e', name: 'E', capacity: 5 }], accounts: [{ id: 'a', name: 'A', wallet: 4, needs: { e: 1 } }], kams: [{ id: 'k', name: 'K', accounts: ['a'] }] });
    expect(lines(json)).toEqual(['1:62: // six quarters: unknown key "// six quarters": JSON has no comments, so this is read as a key; remove it (in a YAML file a comment starts with #)']);
    expect(lines(BASE.replace('  - { id: globex, name: "Globex", wallet: 700 }', '  -id: globex\n    name: "Globex"\n    wallet: 700'))[0]).toBe('9:3: YAML/JSON syntax: put a space after the dash: a list item starts with "- "');
  });

  it('keys given twice in one list item suggest the "- " a new item needs; elsewhere they are just given twice', () => {
    const items = '  - { id: acme, name: "Acme", wallet: 400, needs: { engineering: 1 } }\n  - { id: globex, name: "Globex", wallet: 700 }';
    const forgot = lines(BASE.replace(items, '  - id: acme\n    name: "Acme"\n    wallet: 400\n    needs: { engineering: 1 }\n    id: globex\n    name: "Globex"\n    wallet: 700'));
    expect(forgot[0]).toBe('12:5: YAML/JSON syntax: this key is already given above in the same list item; if a new item starts here, put "- " before its first key');
    expect(forgot.every((l) => l.includes('if a new item starts here'))).toBe(true);
    expect(lines(BASE + 'title: "Again"\n')).toEqual(['13:1: YAML/JSON syntax: this key is already given above in the same mapping; give each key once']);
    // A key given twice hides nothing else: the file is checked with its last value, and that value's problems are where it stands.
    expect(lines(BASE.replace('capacity: 60', 'capacity: -60') + 'title: 5\n')).toEqual([
      '5:55: departments[0].capacity: must be at least 0 (expert-days per quarter)',
      '13:1: YAML/JSON syntax: this key is already given above in the same mapping; give each key once',
      '13:8: title: expected a text, found 5, which YAML reads as a number or true/false; for the text, put it in double quotes: "5"',
    ]);
    expect(lines(BASE.replace('capacity: 60', 'capacity: -60') + 'title: "Again"\n', 'nl')).toEqual([
      '5:55: departments[0].capacity: moet minstens 0 zijn (expertdagen per kwartaal)',
      '13:1: YAML/JSON-syntaxis: deze sleutel staat al eerder in dezelfde mapping; geef elke sleutel één keer',
    ]);
  });

  it('a persona or regime written by the name the game shows (in Dutch too) is pointed to its id', () => {
    expect(lines(BASE.replace('persona: heavyweight', 'persona: zwaargewicht'))[0]).toMatch(/kams\[1\]\.persona: "zwaargewicht" is not one of .* \(did you mean "heavyweight"\?\)$/);
    expect(lines(BASE.replace('persona: heavyweight', 'persona: Teamspeler'))[0]).toMatch(/\(did you mean "team-player"\?\)$/);
    expect(lines(BASE + 'company: { regime: Bezettingsdoelen }\n')[0]).toMatch(/company\.regime: "Bezettingsdoelen" is not one of .* \(did you mean "utilization"\?\)$/);
  });

  it('a name YAML reads as a number or true/false is told to be quoted, as written', () => {
    expect(lines(BASE.replace('name: "Acme"', 'name: 2024').replace('name: "Globex"', 'name: true'))).toEqual([
      '8:23: accounts[0].name: expected a text, found 2024, which YAML reads as a number or true/false; for the text, put it in double quotes: "2024"',
      '9:25: accounts[1].name: expected a text, found true, which YAML reads as a number or true/false; for the text, put it in double quotes: "true"',
    ]);
  });

  it('a file with very many problems shows the first fifty and counts the rest', () => {
    const accounts = Array.from({ length: 80 }, (_, i) => `  - { id: a${i}, name: "A", wallet: 4, needs: { engineering: 1 } }`).join('\n');
    const many = lines(BASE.replace('accounts:\n', `accounts:\n${accounts}\n`));
    expect(many).toHaveLength(51);
    expect(many[50]).toMatch(/^\d+:\d+: … and 30 more problems after this point, not shown; fix these first and validate again$/);
  });
});

