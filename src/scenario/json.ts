/**
 * Strict JSON, as JSON.parse reads it, for files whose name ends in .json.
 * The YAML parser, which reads the file afterwards for the positions of its
 * values, would take much that JSON does not allow (comments, a comma after
 * the last item, texts and keys without quotes, single quotes); JSON.parse
 * refuses it, but says where only for some mistakes, and in the words of the
 * engine that runs it (Node and every browser differently). So the text is
 * checked here, by hand: the first mistake, where it is, in a trainer's
 * words, the same everywhere. Imports nothing that needs Node.
 */
import type { Params } from '../i18n/index.js';

/** A mistake in a JSON text: where it is (an offset), and its message code and parameters. */
export interface JsonProblem {
  at: number;
  code: string;
  params: Params;
}

/** The whitespace JSON allows between tokens. */
const SPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
/** A value written without quotes (a number, true, false, null, or a word in error), however long, from lastIndex on. */
const TOKEN = /[^\s,:[\]{}"]*/y;
const CURLY = new Set(['“', '”', '„', '‘', '’']);
/** The characters that may start a value (or a key): after a value in a list or mapping, a comma is missing before them. */
const STARTS_VALUE = /^[-"{[0-9A-Za-z]$/;

const code = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A character that starts no JSON token but is something a writer may mean as one: a comment, a quote of another kind, a space of another kind. */
function special(src: string, at: number): JsonProblem | undefined {
  const c = src[at]!;
  if (c === '#' || (c === '/' && (src[at + 1] === '/' || src[at + 1] === '*'))) return { at, code: 'file.json-comment', params: {} };
  if (c === "'") return { at, code: 'file.json-single-quote', params: {} };
  if (CURLY.has(c)) return { at, code: 'file.json-curly-quote', params: { char: c } };
  if (/\s/.test(c) || /[\u200b-\u200d\u2060\ufeff]/.test(c)) return { at, code: 'file.odd-space', params: { char: code(c) } };
  return undefined;
}

/** A character where JSON has no use for it, named by what it most likely is. */
function stray(src: string, at: number): JsonProblem {
  return special(src, at) ?? { at, code: 'file.json-unexpected', params: { char: String.fromCodePoint(src.codePointAt(at)!) } };
}

/**
 * The first mistake that makes `src` other than strict JSON, or undefined
 * when JSON.parse would read it.
 */
export function jsonProblem(src: string): JsonProblem | undefined {
  const n = src.length;
  let i = 0;
  /** The brackets open at `i`, innermost last. */
  const open: { bracket: '{' | '['; at: number }[] = [];
  /** What may come at `i`: a value, a key, the colon after a key, or what follows a value (a comma, a closing bracket, the end). */
  let want: 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after' = 'value';
  let comma = -1;
  /** Where the colon before the value wanted now stands, or −1 when the value wanted follows no colon. */
  let colon = -1;
  /** Where the last number read starts and ends, for a decimal comma that makes its decimals a key. */
  let number = { from: -1, to: -1 };
  const ended = (): JsonProblem => {
    const inner = open[open.length - 1];
    return inner ? { at: inner.at, code: 'file.json-unclosed', params: { open: inner.bracket, close: inner.bracket === '{' ? '}' : ']' } } : { at: n, code: 'file.json-unexpected-end', params: {} };
  };
  /** The text from `i` up to where a value in a list or mapping ends. */
  const token = () => {
    TOKEN.lastIndex = i;
    return TOKEN.exec(src)![0];
  };
  /** Reads a text in double quotes at `i`; a problem inside it, or undefined with `i` past its closing quote. */
  const text = (): JsonProblem | undefined => {
    const start = i;
    for (let j = i + 1; j < n; j++) {
      const c = src[j]!;
      if (c === '"') {
        i = j + 1;
        return undefined;
      }
      if (c === '\\') {
        const e = src[j + 1];
        if (e === 'u' ? !/^[0-9a-fA-F]{4}$/.test(src.slice(j + 2, j + 6)) : e === undefined || !ESCAPES.has(e)) return { at: j, code: 'file.json-escape', params: {} };
        j += e === 'u' ? 5 : 1;
      } else if (c === '\n' || c === '\r') return { at: start, code: 'file.json-line-break', params: {} };
      else if (c < ' ') return { at: j, code: 'file.json-control', params: { char: code(c) } };
    }
    return { at: start, code: 'file.unclosed-quote', params: {} };
  };
  /** Reads a number, true, false or null at `i`; a problem, or undefined with `i` past it. */
  const word = (): JsonProblem | undefined => {
    const odd = special(src, i);
    if (odd) return odd;
    const found = token();
    if (/^[-+.\d]/.test(found) || /^-?(NaN|Infinity)$/.test(found)) {
      if (!NUMBER.test(found)) return { at: i, code: 'file.json-number', params: { found } };
      number = { from: i, to: i + found.length };
    } else if (!['true', 'false', 'null'].includes(found)) {
      if (['true', 'false', 'null'].includes(found.toLowerCase())) return { at: i, code: 'file.json-literal', params: { found, fixed: found.toLowerCase() } };
      return found === '' ? stray(src, i) : { at: i, code: 'file.json-unquoted', params: { found } };
    }
    i += found.length;
    return undefined;
  };
  for (;;) {
    while (i < n && SPACE.has(src[i]!)) i++;
    const c = src[i];
    if (want === 'value' || want === 'first-value') {
      if (c === undefined) return ended();
      if (c === '{' || c === '[') {
        colon = -1;
        open.push({ bracket: c, at: i++ });
        want = c === '{' ? 'first-key' : 'first-value';
        continue;
      }
      if (c === ']' && want === 'first-value') {
        open.pop();
        i++;
        want = 'after';
        continue;
      }
      // { "id": } or { "id": , ... }: a key with nothing after its colon.
      if ((c === ']' || c === '}' || c === ',') && colon >= 0) return { at: i, code: 'file.json-missing-value', params: {} };
      if ((c === ']' || c === '}') && want === 'value' && open.length > 0) return { at: comma, code: 'file.json-trailing-comma', params: { close: c } };
      if (c === ',') return { at: i, code: 'file.extra-comma', params: {} };
      const problem = c === '"' ? text() : word();
      if (problem) return problem;
      want = 'after';
      colon = -1;
    } else if (want === 'key' || want === 'first-key') {
      if (c === undefined) return ended();
      if (c === '}' && want === 'first-key') {
        open.pop();
        i++;
        want = 'after';
        continue;
      }
      if (c === '}' || c === ']') return { at: comma, code: 'file.json-trailing-comma', params: { close: c } };
      if (c === ',') return { at: i, code: 'file.extra-comma', params: {} };
      if (c === '"') {
        const problem = text();
        if (problem) return problem;
        want = 'colon';
        continue;
      }
      // { "margin": 0,22 }: the comma ended the number, and its decimals stand where a key belongs.
      if (/\d/.test(c) && number.to === comma && comma === i - 1) {
        const decimals = /^\d+/.exec(src.slice(i))![0];
        const written = `${src.slice(number.from, number.to)},${decimals}`;
        return { at: number.from, code: 'file.json-decimal-comma', params: { written, fixed: written.replace(',', '.') } };
      }
      const key = special(src, i) ? '' : token();
      return key === '' ? stray(src, i) : { at: i, code: 'file.json-unquoted-key', params: { key } };
    } else if (want === 'colon') {
      if (c === undefined) return ended();
      if (c !== ':') return { at: i, code: 'file.json-colon', params: {} };
      colon = i++;
      want = 'value';
    } else {
      const inner = open[open.length - 1];
      if (!inner) {
        if (c === undefined) return undefined;
        if (c === '}' || c === ']') return { at: i, code: 'file.stray-closer', params: { close: c } };
        return special(src, i) ?? { at: i, code: 'file.json-after', params: {} };
      }
      if (c === undefined) return ended();
      const close = inner.bracket === '{' ? '}' : ']';
      if (c === ',') {
        comma = i++;
        want = inner.bracket === '{' ? 'key' : 'value';
      } else if (c === close) {
        open.pop();
        i++;
      } else if (c === '}' || c === ']') return { at: i, code: 'file.json-mismatch', params: { close: c, open: inner.bracket, expected: close } };
      else if (STARTS_VALUE.test(c)) return { at: i, code: 'file.missing-comma', params: {} };
      else return stray(src, i);
    }
  }
}

/**
 * Where JSON.parse says it stopped, as an offset, from its message ("at
 * position 12" in Node, "at line 2 column 5" in Firefox); undefined when it
 * does not say. For a mistake jsonProblem does not know by name.
 */
export function parsePosition(message: string, src: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), src.length);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (!lineCol) return undefined;
  let at = 0;
  for (let line = 1; line < Number(lineCol[1]); line++) {
    const next = src.indexOf('\n', at);
    if (next < 0) return undefined;
    at = next + 1;
  }
  return Math.min(at + Number(lineCol[2]) - 1, src.length);
}
