import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FileError, issueLine, type FileIssue } from '../../src/scenario/document.js';
import { jsonProblem, parsePosition } from '../../src/scenario/json.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers.js';

/** The tutorial as a JSON file, two spaces to a level. */
const TUTORIAL_JSON = JSON.stringify(parse(readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8')), null, 2);

const MINIMAL = `{
  "format": "two-fronts/scenario@1",
  "id": "minimal",
  "title": "Minimal",
  "departments": [{ "id": "engineering", "name": "Engineering", "capacity": 50 }],
  "accounts": [{ "id": "acme", "name": "Acme", "wallet": 200 }],
  "kams": [{ "id": "you", "name": "You", "accounts": ["acme"] }]
}
`;

function issuesOf(text: string, file: string): FileIssue[] {
  try {
    loadScenario(text, file);
  } catch (e) {
    if (e instanceof FileError) return e.issues;
    throw e;
  }
  return [];
}

/** Each problem as `FILE:LINE:COL: path: message`, in the given language. */
const lines = (text: string, file = 'own.json', lang: 'en' | 'nl' = 'en') => issuesOf(text, file).map((i) => issueLine(i, lang));

describe('a .json file is read as strict JSON', () => {
  it('a valid JSON file loads as before, whatever the case of its extension', () => {
    expect(lines(TUTORIAL_JSON)).toEqual([]);
    expect(lines(MINIMAL, 'OWN.JSON')).toEqual([]);
    // A byte-order mark, as Windows editors write one, is not part of the text.
    expect(lines(`\ufeff${MINIMAL}`)).toEqual([]);
  });

  it('a comma after the last item and comments, which YAML reads, are refused at FILE:LINE:COL, in English and Dutch', () => {
    const trailing = MINIMAL.replace('"accounts": ["acme"] }', '"accounts": ["acme",] }');
    expect(lines(trailing)).toEqual(['own.json:7:61: JSON syntax: a comma after the last item, before the ]; JSON allows none there: remove it']);
    expect(lines(trailing, 'own.json', 'nl')).toEqual(['own.json:7:61: JSON-syntaxis: een komma na het laatste onderdeel, voor de ]; JSON staat daar geen komma toe: haal hem weg']);
    expect(lines(MINIMAL.replace('}]\n}', '}],\n}'))).toEqual(['own.json:7:65: JSON syntax: a comma after the last item, before the }; JSON allows none there: remove it']);
    expect(lines(MINIMAL.replace('  "id": "minimal",', '  // the smallest scenario\n  "id": "minimal",'))).toEqual([
      'own.json:3:3: JSON syntax: JSON has no comments; remove this one (or save the file as .yaml, where a comment starts with #)',
    ]);
    // The same texts in a YAML file are YAML, which allows the comma.
    expect(lines(trailing, 'own.yaml')).toEqual([]);
  });

  it('what else JSON does not allow is named where it stands', () => {
    const at = (from: string, to: string) => lines(MINIMAL.replace(from, to))[0];
    expect(at('"id": "minimal"', "'id': 'minimal'")).toBe('own.json:3:3: JSON syntax: JSON writes texts and keys in double quotes ("..."), not in single quotes');
    expect(at('"id": "minimal"', 'id: "minimal"')).toBe('own.json:3:3: JSON syntax: a key in JSON is written in double quotes: "id"');
    expect(at('"id": "minimal"', '"id": minimal')).toBe('own.json:3:9: JSON syntax: a text in JSON is written in double quotes: "minimal"');
    expect(at('"wallet": 200', '"wallet": 0,5')).toBe('own.json:6:58: JSON syntax: in 0,5 the comma ends the number and starts a new key; write 0.5, with a decimal point');
    expect(at('"wallet": 200', '"wallet": +200')).toMatch(/^own\.json:6:58: JSON syntax: \+200 is not a number as JSON writes it/);
    expect(at('"title": "Minimal",', '"title": "Minimal"')).toBe('own.json:5:3: YAML/JSON syntax: a comma is missing before this; separate the items inside { } and [ ] with commas');
    expect(at('"title": "Minimal"', '"title" "Minimal"')).toBe('own.json:4:11: JSON syntax: a colon is missing after the key: write "key": value');
    expect(at('"title": "Minimal"', '"title": "Minimal\nversion"')).toBe('own.json:4:12: JSON syntax: a text goes on over a line break, which JSON does not allow; close it with " on its line, or write the line break as \\n');
    expect(at('"capacity": 50 }]', '"capacity": 50 ]]')).toBe('own.json:5:80: JSON syntax: this ] does not close the { before it; a } is missing, or this bracket is one too many');
    expect(at('}]\n}', '}]\n')).toBe('own.json:1:1: JSON syntax: this { is never closed: a } is missing');
    expect(lines(`${MINIMAL}}`)[0]).toBe('own.json:9:1: YAML/JSON syntax: this } closes nothing; remove it, or add the opening bracket it belongs to');
    expect(at('"title": "Minimal"', '"title": True')).toBe('own.json:4:12: JSON syntax: JSON writes True in lower case: true');
    // A key with nothing after its colon, before a closing bracket or the next comma: named at the bracket or comma, not as a comma too many.
    const noValue = 'own.json:3:9: JSON syntax: a key with no value after its colon; write the value (a number, "text", true, false, null, [ ] or { })';
    expect(at('"id": "minimal",', '"id": ,')).toBe(noValue);
    expect(lines('{"a": }', 'own.json')[0]).toBe('own.json:1:7: JSON syntax: a key with no value after its colon; write the value (a number, "text", true, false, null, [ ] or { })');
    expect(jsonProblem('{"a": []}')).toBeUndefined();
    expect(jsonProblem('{"a": {}}')).toBeUndefined();
    // A number longer than any window still reads as one number.
    expect(jsonProblem(`{"a": 0.${'1'.repeat(300)}}`)).toBeUndefined();
    expect(lines(MINIMAL.replace('"title": "Minimal"', '"title": “Minimal”'), 'own.json', 'nl')[0]).toBe(
      'own.json:4:12: JSON-syntaxis: “ is een gekruld aanhalingsteken (zoals tekstverwerkers die invoegen); JSON schrijft teksten en sleutels tussen rechte dubbele aanhalingstekens "..."',
    );
  });

  it('a JSON file keeps the protections and the schema messages with their places', () => {
    expect(lines(MINIMAL.replace('"id": "minimal",', '"id": "minimal", "__proto__": { "polluted": true },'))).toEqual([
      'own.json:3:20: __proto__: the key "__proto__" is not allowed: __proto__, constructor and prototype are reserved words in the program that reads this file, so no key may be one of them',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(lines(MINIMAL.replace('"id": "minimal",', '"id": "minimal", "id": "again",'))).toEqual([
      'own.json:3:20: YAML/JSON syntax: this key is already given above in the same mapping; give each key once',
    ]);
    expect(lines(`${'{"a": '.repeat(100)}1${'}'.repeat(100)}`)[0]).toMatch(/^own\.json:\d+:\d+: the file is nested more than 64 levels deep$/);
    expect(lines(MINIMAL.replace('"wallet": 200', '"wallet": 200, "margin": 22'))).toEqual([
      'own.json:6:73: accounts[0].margin: must be at most 1 (gross margin on revenue); a share is written as a part of 1: 22 % is 0.22',
    ]);
    expect(lines('[1, 2]')).toEqual(['own.json:1:1: expected a mapping of keys (format, id, ...) at the top of the file, found a list']);
  });

  it('jsonProblem() finds a mistake exactly when JSON.parse refuses the text', () => {
    const parses = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const pieces = fc.constantFrom(',', ']', '}', '[', '{', '"', ':', ' ', '\n', '\t', '0', '-', '.', 'e', '+', '\\', '/', '//', '#', "'", 'true', 'True', 'nul', 'a', '\u00a0');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(fc.constantFrom(MINIMAL, TUTORIAL_JSON, '{"a": [1, -2.5e3, "x\\u00e9\\n"], "b": {"c": null}}'), fc.nat(), fc.nat(3), fc.array(pieces, { maxLength: 3 })).map(
            ([base, at, cut, insert]) => base.slice(0, at % base.length) + insert.join('') + base.slice((at % base.length) + cut),
          ),
        ),
        (text) => {
          expect(jsonProblem(text) === undefined).toBe(parses(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('parsePosition() reads where JSON.parse stopped, in the words of Node and of Firefox', () => {
    expect(parsePosition('Unexpected token } in JSON at position 12', 'x'.repeat(20))).toBe(12);
    expect(parsePosition('JSON.parse: expected double-quoted property name at line 2 column 5 of the JSON data', '{\n  "a": 1,\n}')).toBe(6);
    expect(parsePosition('Unexpected token \'/\', "{ // }" is not valid JSON', '{ // }')).toBeUndefined();
  });
});
