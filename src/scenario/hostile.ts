/**
 * Files made to be hard on the loader, each just under the 1 MB limit: the
 * shapes that once took it minutes (keys given thousands of times, thousands
 * of unknown keys, a tab or a broken bracket on every line). For the
 * benchmark (`two-fronts bench` times reading the slowest) and the tests
 * (which check what the loader says of them). Deterministic; no Node imports.
 */

/** Just under MAX_FILE_BYTES, so that the size check does not refuse them first. */
const SIZE = 990_000;
const HEAD = 'format: two-fronts/scenario@1\n';

/** `head` and then lines made by `line(i)` for i = 0, 1, … as long as the text stays within SIZE (ASCII, one byte a character). */
function filled(head: string, line: (i: number) => string): string {
  const parts = [head];
  let length = head.length;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (length + next.length > SIZE) break;
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}

export interface HostileFile {
  name: string;
  text: string;
}

export const HOSTILE_FILES: readonly HostileFile[] = [
  { name: 'one key given again on every line', text: filled('', () => 'a: 1\n') },
  { name: 'distinct unknown keys', text: filled(HEAD, (i) => `k${i}: 1\n`) },
  { name: 'keys given twice in every item of a list', text: filled(`${HEAD}accounts:\n`, (i) => `  - id: a${i}\n    id: b${i}\n`) },
  { name: 'unknown and misspelt keys in every account', text: filled(`${HEAD}accounts:\n`, (i) => `  - id: a${i}\n    walet: 1\n    nam: x\n    zz${i}: 1\n    capacity: 3\n`) },
  { name: 'a tab indenting every line', text: filled(`${HEAD}company:\n`, (i) => `\tk${i}: 1\n`) },
  { name: 'a { left open on every line', text: filled(HEAD, (i) => `k${i}: { a: 1, b\n`) },
  { name: 'a comma missing in every { }', text: filled(`${HEAD}accounts:\n`, (i) => `  - { id: a${i} b: 1 }\n`) },
  { name: 'a few syntax errors far apart', text: filled(`${HEAD}company:\n`, (i) => (i % 4000 === 3999 ? `  x${i}:"y"\n` : `  k${i}: 1\n`)) },
  { name: 'a reserved key in every item of a list', text: filled(`${HEAD}accounts:\n`, () => '  - __proto__: 1\n') },
  { name: 'an alias on every line', text: filled(`${HEAD}base: &b [x, y]\nitems:\n`, () => '  - *b\n') },
  { name: 'an alias to nothing on every line', text: filled(`${HEAD}items:\n`, (i) => `  - *n${i}\n`) },
  { name: 'custom tags on every line', text: filled(`${HEAD}items:\n`, (i) => `  - !t${i} x\n`) },
];
