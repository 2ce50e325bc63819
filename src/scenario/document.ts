/**
 * Reading a user's YAML or JSON file safely and reporting problems where they
 * are: `FILE:LINE:COL: path: message`. Rejects what a text editor could not
 * have meant (too big, binary, empty, alias bombs, prototype keys, absurd
 * nesting) before any schema sees it, and maps zod issues back to positions
 * in the file with "did you mean" suggestions. Shared by scenarios and
 * experiments; runs in Node and the browser (no Node imports).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Lang, Params } from '../i18n/index.js';
import { jsonProblem, parsePosition } from './json.js';
import { optionNamed, uncode, word } from './messages.js';
import { closest, ID } from './schema.js';

export const MAX_FILE_BYTES = 1_000_000;
export const MAX_ALIASES = 100;
export const MAX_DEPTH = 64;
/** Keys that could reach JavaScript's object machinery; refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface FileIssue {
  file: string;
  line: number;
  col: number;
  /** Dotted path into the document, e.g. `departments[1].capacity`; empty for the whole file. */
  path: string;
  /** Message code (an `issue.*` message without the prefix) and its parameters, for wording in any language. */
  code: string;
  params: Params;
  /** The problem in English. */
  message: string;
}

/** `FILE:LINE:COL: path: message`, in English. */
export function formatIssue(i: FileIssue): string {
  return issueLine(i, 'en');
}

/** The problem itself (without place), worded in the given language. */
export function issueMessage(i: FileIssue, lang: Lang): string {
  return lang === 'en' ? i.message : word(i.code, i.params, lang);
}

/** `FILE:LINE:COL: path: message`, the message in `lang`. */
export function issueLine(i: FileIssue, lang: Lang): string {
  return `${i.file}:${i.line}:${i.col}: ${i.path ? `${i.path}: ` : ''}${issueMessage(i, lang)}`;
}

/** `FILE:LINE:COL: warning: path: message`: a warning of a valid file, marked as one, the message in `lang`. */
export function warningLine(i: FileIssue, lang: Lang): string {
  return `${i.file}:${i.line}:${i.col}: ${word('warning', {}, lang)}: ${i.path ? `${i.path}: ` : ''}${issueMessage(i, lang)}`;
}

/**
 * The one error type the loaders throw: a list of problems, each with its
 * place in the file, and the language a command wants them worded in (its
 * message is English).
 */
export class FileError extends Error {
  constructor(
    readonly issues: FileIssue[],
    readonly lang: Lang = 'en',
  ) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'FileError';
  }
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** The segments of a path formatPath wrote: `kams[2].charisma` → ['kams', 2, 'charisma']. */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(index !== undefined ? Number(index) : key!);
  return out;
}

/** A parsed file that still knows where every value came from. */
export interface SourceDocument {
  file: string;
  value: unknown;
  /** Position of the value at `path`, or of its nearest ancestor that exists. */
  positionOf(path: readonly PathSegment[], key?: boolean): { line: number; col: number };
  /** The value at `path` (its key, with `key`) as written in the file, if it is there. */
  writtenAt?(path: readonly PathSegment[], key?: boolean): { text: string; before: string } | undefined;
  /** Warnings noticed while reading (a text a # cut short), for files that turn out valid. */
  notes?: FileIssue[];
  /**
   * Problems noticed while reading that leave the data readable (a key given
   * twice, read with its last value): reported with the schema's problems,
   * so one round of fixing is enough. validateDocument throws them.
   */
  problems?: FileIssue[];
}

export function issueAt(file: string, line: number, col: number, code: string, params: Params = {}, path = ''): FileIssue {
  return { file, line, col, path, code, params, message: word(code, params, 'en') };
}

/** Looks like text a person wrote: no NUL bytes, no control characters, no undecodable bytes. */
function binaryReason(text: string): string | null {
  let control = 0;
  let replacement = 0;
  const n = Math.min(text.length, 65_536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'file.nul';
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) control++;
    if (c === 0xfffd) replacement++;
  }
  if (control > 0) return 'file.control';
  if (replacement > 8 && replacement > n / 100) return 'file.not-utf8';
  return null;
}

const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, stringKeys: true } as const;

/**
 * The YAML parser's reading of `text`. A broken file can give an error per
 * token; their stack traces, never shown, would cost most of the time. The
 * parser's own check for keys given twice compares every key with all keys
 * before it (minutes for a mapping of 100,000 keys): keys given twice are
 * found here instead, in one pass, and reported as the parser reports them.
 */
function parseYaml(text: string, lineCounter?: LineCounter): Document.Parsed {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const doc = parseDocument(text, { ...PARSE_OPTIONS, ...(lineCounter ? { lineCounter } : {}) });
    const twice = duplicateKeys(doc);
    if (twice.length > 0) doc.errors = withErrors(doc.errors, twice);
    return doc;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A DUPLICATE_KEY error, where the parser's own check puts it, for each key given again in the same mapping; in file order. */
function duplicateKeys(doc: Document.Parsed): YAMLParseError[] {
  const at: number[] = [];
  visit(doc, {
    Map(_, map) {
      // Keys compared as the parser compares them: scalars by their value.
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) at.push(pair.key.range?.[0] ?? 0);
        else seen.add(pair.key.value);
      }
    },
  });
  return at.sort((a, b) => a - b).map((i) => new YAMLParseError([i, i + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
}

/** The parser's errors with `more` (in file order) put among them by position: each before the first error that comes after it. */
function withErrors(errors: YAMLParseError[], more: YAMLParseError[]): YAMLParseError[] {
  const out: YAMLParseError[] = [];
  let k = 0;
  for (const e of errors) {
    while (k < more.length && more[k]!.pos[0] < e.pos[0]) out.push(more[k++]!);
    out.push(e);
  }
  while (k < more.length) out.push(more[k++]!);
  return out;
}

/**
 * Parses YAML (or JSON, which is YAML too) into plain data with positions.
 * A file whose name ends in .json must be strict JSON, as JSON.parse reads
 * it. Throws FileError for anything that is not a clean mapping.
 */
export function readDocument(text: string, file: string, bytes = byteLength(text)): SourceDocument {
  if (bytes > MAX_FILE_BYTES) throw tooBig(file, bytes);
  if (text.trim() === '') throw new FileError([issueAt(file, 1, 1, 'file.empty')]);
  const binary = binaryReason(text);
  if (binary) throw new FileError([issueAt(file, 1, 1, binary)]);
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Old Mac files end lines with a lone \r: a line break, as YAML has it (and the same length, so offsets hold).
  const src = unmarked.includes('\r') ? unmarked.replace(/\r(?!\n)/g, '\n') : unmarked;
  // A .json file is JSON: what JSON.parse refuses (comments, a comma after the last item, ...) is refused
  // where it is, before the YAML parser, which reads all that and more, reads the file for its positions.
  const json = /\.json$/i.test(file) ? strictJson(src, file) : undefined;
  const lineCounter = new LineCounter();
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  let doc: Document.Parsed;
  try {
    doc = parseYaml(src, lineCounter);
  } catch (e) {
    throw new FileError([unreadable(file, e)]);
  }
  const errors = [...doc.errors, ...doc.warnings];
  let duplicates: FileIssue[] = [];
  if (errors.length > 0) {
    // Characters a word processor puts in, where YAML needs its own: the cause, named, rather than what the parser makes of them.
    const pasted = wordProcessorProblems(src, errors.map((e) => e.pos[0]));
    if (pasted.length > 0) throw new FileError(pasted.map((p) => issueAt(file, pos(p.at).line, pos(p.at).col, p.code, p.params)));
    const problems = confirmedProblems(src, syntaxProblems(src, errors)).map((p) => {
      const at = pos(p.at);
      return issueAt(file, at.line, at.col, p.code, p.params);
    });
    // Keys given twice in a mapping (not in a list item, where a "- " may be missing) are the only problem: the file
    // is read with the last value of each, as YAML tools do, so that its other problems are found in the same round.
    if (!errors.every((e) => e.code === 'DUPLICATE_KEY') || !problems.every((p) => p.code === 'file.duplicate-key')) throw new FileError(problems);
    duplicates = problems;
  }

  const structural: FileIssue[] = [];
  // Plain texts cut short by a # that was meant as part of them (see SourceDocument.notes).
  const notes: FileIssue[] = [];
  // The anchors (&name) met so far: an alias stands for the last one of its name before it.
  const anchors = new Set<string>();
  visit(doc, {
    Map(_, node) {
      if (node.anchor) anchors.add(node.anchor);
    },
    Seq(_, node) {
      if (node.anchor) anchors.add(node.anchor);
    },
    Pair(_, pair, path) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      if (FORBIDDEN_KEYS.has(k)) {
        const p = pos((pair.key as Node).range?.[0] ?? 0);
        structural.push(issueAt(file, p.line, p.col, 'file.forbidden-key', { key: k }, formatPath([...pathOf(path, pair), k])));
      }
      if (path.length > MAX_DEPTH * 2) {
        const p = pos((pair.key as Node | null)?.range?.[0] ?? 0);
        structural.push(issueAt(file, p.line, p.col, 'file.too-deep', { depth: MAX_DEPTH }));
        return visit.BREAK;
      }
      return undefined;
    },
    Alias(_, node) {
      // `*Important*` is an alias to nothing: a text meant to start with *.
      if (!anchors.has(node.source)) {
        const p = pos(node.range?.[0] ?? 0);
        structural.push(issueAt(file, p.line, p.col, 'file.special-start', { char: '*' }));
      }
    },
    Scalar(_, node, path) {
      if (node.anchor) anchors.add(node.anchor);
      if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
        const p = pos(node.range?.[0] ?? 0);
        structural.push(issueAt(file, p.line, p.col, 'file.custom-tag', { tag: node.tag }));
      }
      // `title: Team #1 story` is the text "Team" and a comment "1 story": a comment written
      // without a space after its # is most likely part of the text.
      const parent = path[path.length - 1];
      const isValue = (isPair(parent) && parent.value === node) || isSeq(parent);
      // “Zeeland Water”: curly quotes from a word processor are part of the text, and show in the game.
      if (isValue && node.type === 'PLAIN' && typeof node.value === 'string' && /^[“‘„].*[”’“]$/s.test(node.value) && node.range) {
        const p = pos(node.range[0]);
        notes.push(issueAt(file, p.line, p.col, 'file.curly-quoted', { text: node.value.length > 40 ? `${node.value.slice(0, 39)}…` : node.value }, formatPath(pathOf(path, node))));
      }
      if (isValue && node.type === 'PLAIN' && typeof node.value === 'string' && node.comment && !/^\s/.test(node.comment) && node.range) {
        const hash = src.indexOf('#', node.range[1]);
        const p = pos(hash >= 0 ? hash : node.range[1]);
        const rest = `#${node.comment.split('\n')[0]!.trimEnd()}`;
        notes.push(issueAt(file, p.line, p.col, 'file.hash-comment', { text: node.value, rest: rest.length > 40 ? `${rest.slice(0, 39)}…` : rest }, formatPath(pathOf(path, node))));
      }
    },
  });
  if (structural.length > 0) throw new FileError(shownProblems([...duplicates, ...structural].sort((a, b) => a.line - b.line || a.col - b.col)));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    // The same data (JSON is YAML too), as JSON.parse has it.
    if (json) value = json.value;
  } catch (e) {
    throw new FileError([
      /alias/i.test((e as Error).message)
        ? issueAt(file, 1, 1, 'file.alias-bomb', { max: MAX_ALIASES })
        : unreadable(file, e),
    ]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = Array.isArray(value) ? '@found.list' : value === null ? '@found.nothing' : JSON.stringify(value).slice(0, 40);
    throw new FileError([issueAt(file, 1, 1, 'file.not-mapping', { found })]);
  }

  const start = (n: unknown) => (n as Node | null)?.range?.[0];
  // The pairs of each mapping by key, made when first asked: a file with thousands of unknown keys asks for each.
  const pairs = new WeakMap<object, Map<string, Pair>>();
  const pairsOf = (map: { items: unknown[] }): Map<string, Pair> => {
    let byKey = pairs.get(map);
    if (!byKey) {
      byKey = new Map();
      // The last pair with the key: the one whose value a key given twice has (see `problems`).
      for (const p of map.items) if (isPair(p) && isScalar(p.key)) byKey.set(String(p.key.value), p);
      pairs.set(map, byKey);
    }
    return byKey;
  };
  /**
   * Follows `path` (to the key itself when `key`) through the document: the
   * node it names, undefined when the path leaves what is written, and where
   * the deepest node reached starts.
   */
  const follow = (path: readonly PathSegment[], key: boolean): { node: unknown; at: number } => {
    let node: unknown = doc.contents;
    let at = start(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(node)) {
        const pair = pairsOf(node).get(String(seg));
        if (!pair) return { node: undefined, at };
        node = key && i === path.length - 1 ? pair.key : pair.value;
        at = start(node) ?? start(pair.key) ?? at;
      } else if (isSeq(node) && typeof seg === 'number' && start(node.items[seg]) !== undefined) {
        node = node.items[seg];
        at = start(node)!;
      } else return { node: undefined, at };
    }
    return { node, at };
  };
  const positionOf = (path: readonly PathSegment[], key = false) => pos(follow(path, key).at);
  const writtenAt = (path: readonly PathSegment[], key = false) => {
    const range = (follow(path, key).node as Node | null)?.range;
    if (!range) return undefined;
    return { text: src.slice(range[0], range[1]), before: src.slice(src.lastIndexOf('\n', range[0] - 1) + 1, range[0]) };
  };
  return { file, value, positionOf, writtenAt, notes, ...(duplicates.length > 0 ? { problems: duplicates } : {}) };
}

/** Where an offset of `src` is, as line and column (from 1), counted as the YAML parser counts them. */
function lineAndColumn(src: string, at: number): { line: number; col: number } {
  let line = 1;
  for (let i = src.indexOf('\n'); i >= 0 && i < at; i = src.indexOf('\n', i + 1)) line++;
  return { line, col: at - (src.lastIndexOf('\n', at - 1) + 1) + 1 };
}

/** The data of a strict JSON text; its first mistake, where it is, as a FileError. */
function strictJson(src: string, file: string): { value: unknown } {
  const problem = jsonProblem(src);
  if (problem) {
    const p = lineAndColumn(src, problem.at);
    throw new FileError([issueAt(file, p.line, p.col, problem.code, problem.params)]);
  }
  try {
    return { value: JSON.parse(src) as unknown };
  } catch (e) {
    // A mistake jsonProblem does not know by name: said where JSON.parse says it is.
    const detail = (e as Error).message;
    const p = lineAndColumn(src, parsePosition(detail, src) ?? 0);
    throw new FileError([issueAt(file, p.line, p.col, 'file.json-syntax', { detail })]);
  }
}

/** Spaces that look like spaces and are not: a word processor's no-break spaces, and characters that show as nothing. */
const INVISIBLE: Readonly<Record<string, string>> = { '\u00a0': 'U+00A0', '\u202f': 'U+202F', '\u200b': 'U+200B', '\u200c': 'U+200C', '\u200d': 'U+200D', '\u2060': 'U+2060', '\ufeff': 'U+FEFF' };
/** A bullet or dash where a list item's "- " belongs. */
const BULLET_ITEM = /^ *([•◦‣▪·–—])[ \u00a0]/;
/** The same at the start of a plain text (lines of a pasted list that YAML reads as one text). */
const BULLET_TEXT = /^([•◦‣▪·–—])[ \u00a0]/;
/** A curly quote where a quote would open a text: at the start, or after ":", ",", "[", "{" or "-". */
const CURLY_OPENING = /(?:^|[:,[{-]\s*)([“”„‘’])/;
/** Text up to the first ": " of a line outside quotes and comments. */
const KEY_COLON = /^[^#"']*?:/;

/**
 * Characters pasted from a word processor where YAML needs its own, on the
 * lines the parser complained about (at `complaints`) or just above them: a
 * no-break or invisible space in the indentation or around a ": ", a bullet
 * or dash where a list item's "- " belongs, curly quotes where quotes
 * delimit a text. At most one per line, in file order. Elsewhere such
 * characters are the text's own (a curly quote may start a plain text).
 */
function wordProcessorProblems(src: string, complaints: readonly number[]): { at: number; code: string; params: Params }[] {
  const out: { at: number; code: string; params: Params }[] = [];
  const suspect = new Set<number>();
  for (const at of complaints) {
    const l = lineStart(src, Math.min(Math.max(0, at), src.length));
    suspect.add(l);
    const above = previousContentLine(src, l);
    if (above !== undefined) suspect.add(above);
  }
  let start = 0;
  for (const line of src.split('\n')) {
    if (!suspect.has(start)) {
      start += line.length + 1;
      continue;
    }
    let n = 0;
    while (n < line.length && (line[n] === ' ' || line[n] === '\t' || INVISIBLE[line[n]!])) n++;
    const lead = line.slice(0, n);
    const odd = [...lead].findIndex((c) => INVISIBLE[c]);
    const colon = KEY_COLON.exec(line)?.[0].length;
    const afterColon = colon !== undefined ? INVISIBLE[line[colon] ?? ''] : undefined;
    const bullet = BULLET_ITEM.exec(line);
    const curly = CURLY_OPENING.exec(line.slice(lead.length));
    if (odd >= 0) out.push({ at: start + odd, code: 'file.odd-space', params: { char: INVISIBLE[lead[odd]!]! } });
    else if (afterColon) out.push({ at: start + colon!, code: 'file.odd-space', params: { char: afterColon } });
    else if (bullet) out.push({ at: start + bullet[0].length - 2, code: 'file.bullet', params: { char: bullet[1]! } });
    else if (curly) out.push({ at: start + lead.length + curly.index + curly[0].length - 1, code: 'file.curly-quote', params: { char: curly[1]! } });
    start += line.length + 1;
    if (out.length >= MAX_SYNTAX_PROBLEMS) break;
  }
  return out;
}

/** The data path (keys and list indices) of a pair, from the YAML visitor's ancestors. */
function pathOf(ancestors: readonly unknown[], self: unknown): PathSegment[] {
  const out: PathSegment[] = [];
  ancestors.forEach((node, i) => {
    if (isPair(node)) out.push(isScalar(node.key) ? String(node.key.value) : '?');
    else if (isSeq(node)) out.push(itemIndex(node.items, (ancestors[i + 1] ?? self) as never));
  });
  return out;
}

/** The items of each list by their place, made when first asked: a list of thousands of items asks for each. */
const itemPlaces = new WeakMap<readonly unknown[], Map<unknown, number>>();

function itemIndex(items: readonly unknown[], item: unknown): number {
  let places = itemPlaces.get(items);
  if (!places) {
    places = new Map();
    for (let i = items.length - 1; i >= 0; i--) places.set(items[i], i);
    itemPlaces.set(items, places);
  }
  return places.get(item) ?? -1;
}

/**
 * A file over the size limit. Its size is a number, so each language writes
 * it its own way (1.7 MB, 1,7 MB): to one decimal, or as many more as it
 * takes not to round down to the limit itself.
 */
export function tooBig(file: string, bytes: number): FileError {
  const limit = MAX_FILE_BYTES / 1e6;
  let digits = 1;
  const mb = () => Math.round((bytes / 1e6) * 10 ** digits) / 10 ** digits;
  while (mb() <= limit && digits < 6) digits++;
  return new FileError([issueAt(file, 1, 1, 'file.too-big', { mb: mb(), limit })]);
}

export function notUtf8(file: string): FileError {
  return new FileError([issueAt(file, 1, 1, 'file.not-utf8')]);
}

/**
 * UTF-16 saved without its byte-order mark: text in the Latin range is every
 * other byte NUL (after each character in little-endian order, before it in
 * big-endian). Read over the first 512 bytes: at least nine in ten of one
 * side NUL, none of the other.
 */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  return (oddNul >= 0.9 * half && evenNul === 0) || (evenNul >= 0.9 * half && oddNul === 0);
}

/**
 * The text of a file's bytes, which must be UTF-8. A text file saved in
 * another encoding (Latin-1, Windows-1252: an é as one byte) is reported at
 * its first such character, with the way out; a binary file as not text.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  // Notepad's "Unicode" is UTF-16, marked by FF FE (or FE FF) at the start: a text file, in another encoding.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw new FileError([issueAt(file, 1, 1, 'file.utf16')]);
  if (looksUtf16(bytes)) throw new FileError([issueAt(file, 1, 1, 'file.utf16')]);
  const bad = firstBadByte(bytes);
  if (bad < 0) return new TextDecoder('utf-8').decode(bytes);
  let invalid = 0;
  for (let i = bad; i >= 0 && invalid <= 8; i = nextBadByte(bytes, i + 1)) invalid++;
  if (bytes.includes(0) || (invalid > 8 && invalid > bytes.length / 100)) throw notUtf8(file);
  // Lines end at \n, \r\n or a lone \r, as readDocument counts them.
  let line = 1;
  let start = 0;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  const col = new TextDecoder('utf-8').decode(bytes.subarray(start, bad)).length + 1;
  throw new FileError([issueAt(file, line, col, 'file.encoding')]);
}

/** The offset of the first byte from `from` on that does not belong to a valid UTF-8 character, or -1. */
function nextBadByte(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const next = b[i + 1]!;
    if ((c === 0xe0 && next < 0xa0) || (c === 0xed && next > 0x9f) || (c === 0xf0 && next < 0x90) || (c === 0xf4 && next > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

function firstBadByte(b: Uint8Array): number {
  return nextBadByte(b, 0);
}

/** A file the parser gave up on: nested too deep for its stack, or something it could not read at all. */
function unreadable(file: string, e: unknown): FileIssue {
  return e instanceof RangeError && /call stack/i.test(e.message)
    ? issueAt(file, 1, 1, 'file.too-deep', { depth: MAX_DEPTH })
    : issueAt(file, 1, 1, 'file.unreadable', { detail: (e as Error).message });
}

/** A parser complaint in a trainer's words, and where the mistake behind it is. */
interface SyntaxProblem {
  /** Offset the message points at: the mistake, which may be on another line than the complaint. */
  at: number;
  /** Offset the parser complained at: what it says about one line is one problem. */
  origin: number;
  code: string;
  params: Params;
  /** 0: names the mistake; 1: names what is wrong, not why; 2: says only where reading failed. One line's best is shown. */
  rank: number;
  /** The same complaint when the file is read again with other lines blanked. */
  key: string;
  /** The text that holds the mistake, blanked to see what else is wrong. */
  span: [number, number];
}

/**
 * Reports at most this many syntax problems, and stops re-reading the file
 * for more once the reads would cost more than this: fixing the first ones is
 * the next step anyway. A read costs its length plus, since the parser slows
 * down with every complaint, 50 per complaint (a tab early in a long file
 * makes the parser complain about every line after it). A budget of work
 * rather than of time, so a file gives the same messages on every machine.
 */
const MAX_SYNTAX_PROBLEMS = 20;
const SYNTAX_BUDGET = 1_500_000;
const readCost = (text: string, complaints: number) => text.length + 50 * complaints;

/** The parser's complaints about `src` as problems in a trainer's words, knock-ons of an unclosed bracket left out. */
function syntaxProblems(src: string, errors: readonly YAMLError[]): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  // What the parser read as inside a bracket left open: from the bracket to where it gave up (each, and all of them).
  const insideOpen = new Map<number, number[]>();
  const inside = new Spans();
  const withinOpen = (at: number) => inside.has(at);
  let unclosed = false;
  let deep = false;
  for (const err of errors) {
    const origin = err.pos[0];
    // An unclosed [ or { is noticed lines later, where the parser gives up; point at the bracket itself.
    const closer = /end with an? ([\]}])/.exec(err.message)?.[1] as ']' | '}' | undefined;
    if (closer) {
      const open = closer === ']' ? '[' : '{';
      const opener = unclosedBracket(src, origin, open);
      if (opener !== undefined) {
        // A bracket inside one already reported is the same problem.
        if (!withinOpen(opener) && !insideOpen.has(opener)) {
          out.push({ at: opener, origin, code: 'file.unclosed', params: { open, close: closer }, rank: 0, key: `open@${opener}`, span: bracketSpan(src, opener, origin) });
          unclosed = true;
        }
        const ends = insideOpen.get(opener);
        if (ends) ends.push(origin);
        else insideOpen.set(opener, [origin]);
        inside.add(opener, origin);
        continue;
      }
      // Closed after all: by a closer meant for an outer bracket ({ [a }, where the [ is reported), or on a line not indented enough.
      if (unclosedBracket(src, origin, closer === ']' ? '{' : '[') !== undefined || unclosed) continue;
      out.push({ at: origin, origin, code: 'file.flow-indent', params: {}, rank: 1, key: `${err.code}@${origin}`, span: lineSpan(src, origin) });
      continue;
    }
    // The YAML library's own words for this name its API and its stack; a trainer needs the cause.
    if (err.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(err.message)) {
      if (!deep) out.push({ at: origin, origin, code: 'file.too-deep', params: { depth: MAX_DEPTH }, rank: 0, key: 'deep', span: lineSpan(src, origin) });
      deep = true;
      continue;
    }
    out.push(trainerProblem(src, err));
  }
  // Inside a bracket left open the parser reads on as if it were closed later: what it says there only repeats that.
  // What it says after giving up on the bracket is a problem of its own. A quote left open inside the
  // bracket is the one problem: it swallowed the closing bracket.
  const quotes = out.filter((p) => p.code === 'file.unclosed-quote').map((p) => p.at).sort((x, y) => x - y);
  const quoteIn = (from: number, to: number) => {
    const i = firstAfter(quotes, from);
    return i < quotes.length && quotes[i]! <= to;
  };
  return out.filter((p) =>
    p.code === 'file.unclosed' ? !(insideOpen.get(p.at) ?? []).some((to) => quoteIn(p.at, to)) : p.code === 'file.unclosed-quote' || !withinOpen(p.origin),
  );
}

/** The index of the first number in `sorted` greater than `x` (its length if there is none). */
function firstAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A union of stretches of a text, each from just after `from` up to and including `to`: whether an offset is in one. */
class Spans {
  /** Disjoint stretches, in order. */
  private readonly from: number[] = [];
  private readonly to: number[] = [];

  add(from: number, to: number): void {
    if (to <= from) return;
    let i = firstAfter(this.from, from);
    // Stretches that overlap or touch this one become one with it.
    if (i > 0 && this.to[i - 1]! >= from) {
      i--;
      from = this.from[i]!;
      to = Math.max(to, this.to[i]!);
      this.from.splice(i, 1);
      this.to.splice(i, 1);
    }
    while (i < this.from.length && this.from[i]! <= to) {
      to = Math.max(to, this.to[i]!);
      this.from.splice(i, 1);
      this.to.splice(i, 1);
    }
    this.from.splice(i, 0, from);
    this.to.splice(i, 0, to);
  }

  has(at: number): boolean {
    // The last stretch that starts before `at`.
    const i = firstAfter(this.from, at - 1) - 1;
    return i >= 0 && at <= this.to[i]!;
  }
}

/**
 * The problems worth showing: one per line, and none on a line that reads
 * well once the lines before it are right. Each problem's text is blanked in
 * turn and the file read again: what the parser still says after it is what
 * is left to report (a tab, a "-{", a list item out of line confuses it for
 * many lines; a mistake further on may only show once those are out of the
 * way). What blanking itself upsets, the lines nested under the blanked
 * text, is not reported unless the parser said it before.
 */
function confirmedProblems(src: string, found: SyntaxProblem[]): SyntaxProblem[] {
  const deep = found.find((p) => p.code === 'file.too-deep');
  if (deep) return [deep];
  const kept: SyntaxProblem[] = [];
  const said = new Set(found.map((p) => p.key));
  let pending = [...found].sort((a, b) => a.origin - b.origin);
  let text = src;
  let spent = readCost(src, found.length);
  let last = spent;
  while (pending.length > 0) {
    const line = lineStart(src, pending[0]!.origin);
    const best = pending.filter((p) => lineStart(src, p.origin) === line).reduce((a, b) => (b.rank < a.rank ? b : a));
    kept.push(best);
    // Read again even when the parser said nothing more: what it said first may have hidden the rest.
    // The next read is taken to cost what the last one did.
    if (kept.length >= MAX_SYNTAX_PROBLEMS || spent + last > SYNTAX_BUDGET) break;
    const [from, to] = best.span;
    const after = Math.max(to, endOfLine(src, best.origin));
    const nested = nestedEnd(text, from, to);
    text = text.slice(0, from) + blanked(text.slice(from, to)) + text.slice(to);
    const again = parseYaml(text);
    last = readCost(text, again.errors.length + again.warnings.length);
    spent += last;
    pending = syntaxProblems(text, [...again.errors, ...again.warnings])
      .filter((p) => p.origin > after && (p.origin > nested || said.has(p.key)))
      .sort((a, b) => a.origin - b.origin);
  }
  return kept.sort((a, b) => a.at - b.at);
}

/**
 * Lines made into comments of the same length, so that every offset stays
 * where it was: the indentation stays (in spaces), the text becomes `#   `.
 * (Blank lines of spaces would upset a block text they stand in.)
 */
function blanked(text: string): string {
  return text.replace(/^([ \t]*)(\S[^\n]*)?$/gm, (_, indent: string, rest = '') => ' '.repeat(indent.length) + (rest ? `#${' '.repeat(rest.length - 1)}` : ''));
}

/** Where the lines nested under the text from `from` to `to` (indented deeper than its first line) end. */
function nestedEnd(src: string, from: number, to: number): number {
  const indent = indentOf(src, lineStart(src, from));
  let end = to;
  for (let l = endOfLine(src, to) + 1; l < src.length; l = endOfLine(src, l) + 1) {
    if (isContent(src, l) && indentOf(src, l) <= indent) break;
    end = endOfLine(src, l);
  }
  return end;
}

/** One parser complaint (not about an unclosed bracket) in a trainer's words. */
function trainerProblem(src: string, err: YAMLError): SyntaxProblem {
  const origin = err.pos[0];
  const start = lineStart(src, origin);
  const line = src.slice(start, endOfLine(src, origin));
  const problem = (at: number, code: string, params: Params = {}, rank = 0): SyntaxProblem => {
    // A line out of line because a tab indents it: the tab is the mistake (the parser may complain on the line above).
    const tab = code === 'file.list-indent' || code === 'file.bad-indent' ? /^ *\t/.exec(src.slice(lineStart(src, at), endOfLine(src, at))) : null;
    if (tab) return { at: lineStart(src, at) + tab[0].length - 1, origin, code: 'file.tab-indent', params: {}, rank: 0, key: `${err.code}@${origin}`, span: lineSpan(src, at) };
    return { at, origin, code, params, rank, key: `${err.code}@${origin}`, span: lineSpan(src, at) };
  };
  /** A line out of line: a list item, or a key (which has no dash to line up). */
  const outOfLine = (at: number, rank = 1) => problem(at, isItem(src, lineStart(src, at)) ? 'file.list-indent' : 'file.bad-indent', {}, rank);
  // Mistakes that make the parser misread a whole line explain everything else it says about the line.
  const dash = /^ *-(?=[[{]|[A-Za-z]\w*: )/.exec(line);
  if (dash) return problem(start + dash[0].length - 1, 'file.dash-space');
  const tab = /^ *\t/.exec(line);
  if (tab) return problem(start + tab[0].length - 1, 'file.tab-indent');
  const m = err.message;
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return problem(origin, 'file.tab-indent');
    case 'MULTIPLE_DOCS':
      // Everything after the "---" is the second document: nothing in it is worth reporting as well.
      return { ...problem(origin, 'file.multiple-documents'), span: [start, src.length] };
    case 'DUPLICATE_KEY':
      return problem(origin, inListItem(src, start) ? 'file.duplicate-item-key' : 'file.duplicate-key');
    case 'BAD_DQ_ESCAPE':
      return problem(origin, 'file.bad-escape');
    case 'KEY_OVER_1024_CHARS':
      return problem(origin, 'file.key-too-long');
    case 'BAD_SCALAR_START':
      return problem(origin, 'file.special-start', { char: m.trim().slice(-1) });
    case 'TAG_RESOLVE_FAILED':
      return problem(origin, 'file.tag', { tag: /^\S+/.exec(src.slice(origin))?.[0] ?? '!' });
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'BAD_DIRECTIVE': {
      const special = specialStart(src, start, origin);
      if (special !== undefined) return problem(special, 'file.special-start', { char: src[special]! });
      break;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return keyProblem(src, origin, problem);
    case 'MISSING_CHAR':
      if (/quote/.test(m)) return problem(openingQuote(src, origin, /'quote/.test(m) ? "'" : '"'), 'file.unclosed-quote');
      if (/space after :/.test(m)) return problem(origin, 'file.colon-space', { key: keyBefore(src, origin) });
      if (/Missing , or :/.test(m)) return problem(origin, 'file.missing-comma-or-colon');
      if (/Missing ,/.test(m)) return problem(origin, 'file.missing-comma');
      if (/Comments must be separated/.test(m)) return problem(origin, 'file.comment-space');
      // A line indented between a list's dashes and its items' keys: a key out of line, or an item whose dash is.
      if (/Sequence item without/.test(m)) return outOfLine(oddLine(src, start));
      if (/Block scalar/i.test(m)) return problem(origin, 'file.block-indent');
      if (/Tags and anchors/.test(m)) {
        const special = specialStart(src, start, origin);
        if (special !== undefined) return problem(special, 'file.special-start', { char: src[special]! });
      }
      if (/Implicit map keys need to be followed/.test(m)) return keyProblem(src, origin, problem);
      break;
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // A list where a key belongs: noticed at the end of the line before it.
      if (!/Nested mappings/.test(m)) return problem(oddLine(src, /^\s*(#.*)?$/.test(src.slice(origin, endOfLine(src, origin))) ? (nextContentLine(src, start) ?? start) : start), 'file.list-indent', {}, 1);
      // `title: Acme: the company`: a colon and a space in a text.
      if (/: |:$/.test(src.slice(origin, endOfLine(src, origin)))) return problem(origin, 'file.colon-in-text');
      // The value goes on in a line indented deeper, which has a key: one of the two lines is indented wrongly.
      return problem(misindented(src, start), 'file.bad-indent');
    }
    case 'BLOCK_IN_FLOW': {
      const text = src.slice(origin, err.pos[1]);
      // `{ name: "You" accounts: [a] }`: a quoted text and then more, where a comma belongs.
      const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]+(?=[^\s,}\]])/.exec(text);
      if (quoted) return problem(origin + quoted[0].length, 'file.missing-comma');
      const colon = /(?:^|\s)([^\s:]+):(?: |$)/m.exec(text);
      if (colon) return problem(origin, 'file.colon-in-flow', { key: colon[1]! });
      return problem(origin, 'file.block-in-flow');
    }
    case 'UNEXPECTED_TOKEN': {
      if (/at node end/.test(m)) {
        // `"He said "hi""`: the text ended at a quote meant to be inside it.
        const end = src.slice(start, origin).trimEnd();
        const quote = end.slice(-1);
        if (quote === '"' || quote === "'") return problem(start + end.length - 1, quote === '"' ? 'file.quote-in-double' : 'file.quote-in-single');
        // `*Base* edition`: an alias (or anchor, or tag) and then the text meant to go with it.
        const special = specialStart(src, start, origin - 1);
        if (special !== undefined) return problem(special, 'file.special-start', { char: src[special]! });
        return problem(origin, 'file.after-value', {}, 1);
      }
      if (/Unexpected , in|empty item/.test(m)) return problem(origin, 'file.extra-comma');
      const c = src[origin];
      if (/in YAML (stream|document)/.test(m) && (c === '}' || c === ']')) return problem(origin, 'file.stray-closer', { close: c }, 1);
      return problem(origin, 'file.unexpected', {}, 2);
    }
    case 'NON_STRING_KEY':
      if ('&*!'.includes(src[origin] ?? ' ')) return problem(origin, 'file.special-start', { char: src[origin]! });
      return problem(origin, 'file.key-not-text', {}, 2);
    case 'BAD_INDENT':
      if (/sequence items/.test(m)) return problem(oddLine(src, start), 'file.list-indent', {}, 1);
      if (/Block scalar/i.test(m)) return problem(origin, 'file.block-indent');
      if (/Flow end indicator/.test(m)) return problem(origin, 'file.flow-indent', {}, 1);
      return problem(oddLine(src, start), 'file.bad-indent', {}, 1);
  }
  return problem(origin, 'file.syntax', { detail: cleanYamlMessage(m) }, 2);
}

/**
 * The lines of a bracket left open, up to where the parser gave up on it:
 * from its line to the first line after it that starts a key or a list item
 * of its own, no deeper than the bracket's line (what comes from there on is
 * read anew, and its problems are its own).
 */
function bracketSpan(src: string, opener: number, gaveUp: number): [number, number] {
  const first = lineStart(src, opener);
  const indent = indentOf(src, first);
  let end = endOfLine(src, opener);
  for (let l = end + 1; l < src.length && l <= gaveUp; l = endOfLine(src, l) + 1) {
    const text = src.slice(l, endOfLine(src, l));
    if (indentOf(src, l) <= indent && /^ *(- |[^\s:#][^:#]*:(\s|$)|"[^"]*" *:(\s|$)|'[^']*' *:(\s|$))/.test(text) && !closesMore(text)) break;
    end = endOfLine(src, l);
  }
  return [first, end];
}

/** Whether a line closes a bracket it does not open (so goes on from a line above). */
function closesMore(line: string): boolean {
  let depth = 0;
  for (const c of line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|\s#.*$/g, '')) {
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth < 0) return true;
  }
  return false;
}

/**
 * A key the parser could not end (it reads on into the next line): one
 * without a space after its colon (`title:"No space"`), a line without any
 * colon, or only a symptom of another problem on the line.
 */
function keyProblem(src: string, at: number, problem: (at: number, code: string, params?: Params, rank?: number) => SyntaxProblem): SyntaxProblem {
  const text = src.slice(at, endOfLine(src, at)).replace(/\s+#.*$/, '');
  if (/:(\s|$)/.test(text)) return problem(at, 'file.unexpected', {}, 2);
  const colon = text.indexOf(':');
  if (colon > 0) return problem(at + colon, 'file.colon-space', { key: text.slice(0, colon).trim() });
  return problem(at, 'file.no-colon');
}

/** Where the anchor (&), alias (*), tag (!) or directive (%) that the writer meant as text starts, on the line up to `at`. */
function specialStart(src: string, start: number, at: number): number | undefined {
  const special = /(?:^|[\s[{,])([&*!%])[^\s]*\s*$/.exec(src.slice(start, at + 1));
  return special ? start + special.index + special[0].indexOf(special[1]!) : undefined;
}

/** The key just before a colon at `at`, e.g. `name` in `{ name:"x" }`. */
function keyBefore(src: string, at: number): string {
  return /([^\s{},[\]]+)\s*:?\s*$/.exec(src.slice(lineStart(src, at), at))?.[1] ?? 'key';
}

/** Where the text whose closing `quote` is missing at `end` opens. */
function openingQuote(src: string, end: number, quote: '"' | "'"): number {
  for (let i = Math.min(end, src.length) - 1; i >= 0; i--) {
    if (src[i] !== quote) continue;
    if (quote === '"') {
      let backslashes = 0;
      while (src[i - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) return i;
    } else if (src[i - 1] === "'") i--;
    else return i;
  }
  return end;
}

/**
 * Of a key line whose value goes on in a deeper indented line with a key of
 * its own: the one indented wrongly. If the lines before the key line are
 * indented like the deeper line, the key line is too little indented;
 * otherwise the deeper line too much. Returns where its text starts.
 */
function misindented(src: string, keyLine: number): number {
  const next = nextContentLine(src, keyLine);
  if (next === undefined) return keyLine + indentOf(src, keyLine);
  const before = previousContentLine(src, keyLine);
  if (before !== undefined && indentOf(src, before) === indentOf(src, next)) return keyLine + indentOf(src, keyLine);
  // The key line is the first of its block (under `company:`) and the deeper line stands where that block's keys
  // usually do (two spaces in): the key line is the one out of line.
  const opens = before !== undefined && indentOf(src, before) < indentOf(src, keyLine) && /:[ \t]*(#.*)?$/.test(src.slice(before, endOfLine(src, before)));
  if (opens && indentOf(src, next) === usualIndent(src, before) && indentOf(src, keyLine) !== indentOf(src, next)) return keyLine + indentOf(src, keyLine);
  return next + indentOf(src, next);
}

/** Where the lines under the line at `parent` usually start: two spaces in from a key; a key under a list item where the item's text does. */
function usualIndent(src: string, parent: number): number {
  const text = src.slice(parent, endOfLine(src, parent));
  return /^ *- /.test(text) ? /^(?: *- +)+/.exec(text)![0].length : indentOf(src, parent) + 2;
}

/** Whether the line at `line` is a list item ("- ..."). */
function isItem(src: string, line: number): boolean {
  return /^ *-( |$)/.test(src.slice(line, endOfLine(src, line)));
}

/**
 * The line out of line when the parser finds the line at `line` indented
 * unlike the lines before it: usually that line, but the first line of the
 * block (first key, first item) when it alone is indented otherwise and this
 * line is indented as the line after it, or as usual (two spaces in from the
 * key above). Returns where the text of the line out of line starts.
 */
function oddLine(src: string, line: number): number {
  const indent = indentOf(src, line);
  const here = line + indent;
  // The block's first line: the first after the nearest line indented less than this one (its parent).
  let first = line;
  let parent: number | undefined;
  for (let l = previousContentLine(src, line); l !== undefined; l = previousContentLine(src, l)) {
    const at = indentOf(src, l);
    // A line before this one indented as this one: this one is not alone in being so.
    if (at === indent) return here;
    if (at < indent) {
      parent = l;
      break;
    }
    first = l;
  }
  const firstIndent = indentOf(src, first);
  if (first === line || firstIndent <= indent) return here;
  // Everything between the first line and this one must belong to the first line (be indented deeper).
  for (let l = nextContentLine(src, first); l !== undefined && l < line; l = nextContentLine(src, l)) if (indentOf(src, l) <= firstIndent) return here;
  const item = (l: number) => /^ *- /.test(src.slice(l, endOfLine(src, l)));
  if (item(first) !== item(line)) return here;
  let after = nextContentLine(src, line);
  while (after !== undefined && indentOf(src, after) > indent) after = nextContentLine(src, after);
  const agrees = after !== undefined && indentOf(src, after) === indent && item(after) === item(line);
  // Two spaces in from a key; a key under a list item starts where the item's text does.
  const usual = parent === undefined ? 0 : usualIndent(src, parent);
  return agrees || indent === usual ? first + firstIndent : here;
}

const isContent = (src: string, l: number) => !/^\s*(#.*)?$/.test(src.slice(l, endOfLine(src, l)));

function previousContentLine(src: string, line: number): number | undefined {
  for (let l = line; l > 0; ) {
    l = lineStart(src, l - 1);
    if (isContent(src, l)) return l;
  }
  return undefined;
}

function nextContentLine(src: string, line: number): number | undefined {
  for (let l = endOfLine(src, line) + 1; l < src.length; l = endOfLine(src, l) + 1) if (isContent(src, l)) return l;
  return undefined;
}

/**
 * Whether the key on the line starting at `line` belongs to a block list
 * item: the nearest line above it that is indented less, or opens a "- "
 * item whose first key stands where this one does, is that item's dash.
 */
function inListItem(src: string, line: number): boolean {
  // Asked of many lines of a file (every key given twice), the nearest line above indented less is looked up, not sought.
  if (itemLines?.src !== src) itemLines = { src, inItem: listItemLines(src) };
  const known = itemLines.inItem.get(line);
  if (known !== undefined) return known;
  const indent = indentOf(src, line);
  for (let l = previousContentLine(src, line); l !== undefined; l = previousContentLine(src, l)) {
    const dash = /^( *)- +(?=\S)/.exec(src.slice(l, endOfLine(src, l)));
    if (dash && dash[0].length === indent) return true;
    if (indentOf(src, l) < indent) return false;
  }
  return false;
}

let itemLines: { src: string; inItem: Map<number, boolean> } | undefined;

/**
 * inListItem of every line with content, in one pass. A line indented
 * deeper than another cannot hold a dash as wide as that one's indent, so the
 * answer is in the first line above indented less: whether it is a list item
 * whose dash is as wide.
 */
function listItemLines(src: string): Map<number, boolean> {
  const out = new Map<number, boolean>();
  // Lines with content above the current one, each indented deeper than the one before it.
  const open: { indent: number; dash: number }[] = [];
  for (let l = 0; l < src.length; l = endOfLine(src, l) + 1) {
    if (!isContent(src, l)) continue;
    const text = src.slice(l, endOfLine(src, l));
    const indent = /^ */.exec(text)![0].length;
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
    const parent = open[open.length - 1];
    out.set(l, parent !== undefined && parent.dash === indent);
    open.push({ indent, dash: /^( *)- +(?=\S)/.exec(text)?.[0].length ?? -1 });
  }
  return out;
}

function indentOf(src: string, line: number): number {
  return /^ */.exec(src.slice(line, endOfLine(src, line)))![0].length;
}

/** Where the line holding `i` starts. */
function lineStart(src: string, i: number): number {
  return src.lastIndexOf('\n', i - 1) + 1;
}

/** The line holding `i`, without its line break. */
function lineSpan(src: string, i: number): [number, number] {
  return [lineStart(src, i), endOfLine(src, i)];
}

/**
 * Where the innermost `open` bracket still open at `end` starts, or
 * undefined. Skips quoted scalars, block scalars and comments; a closer of the other kind
 * does not close it (in `[acme }` the [ stays open), but closes an outer bracket of its
 * own kind, and the bracket it skips stays unclosed (in `{ a: [b }` the [).
 */
export function unclosedBracket(src: string, end: number, open: '[' | '{'): number | undefined {
  // A file with many brackets left open asks about one after another, further on each time: the scan goes on from
  // where it stopped, rather than from the start (which took minutes for a file of 50,000 of them).
  if (bracketScan?.src !== src || bracketScan.i > end) bracketScan = { src, i: 0, stack: [], abandoned: [], last: '\n' };
  const scan = bracketScan;
  scanBrackets(scan, end);
  const lastOf = (list: number[], bracket: string) => {
    for (let k = list.length - 1; k >= 0; k--) if (src[list[k]!] === bracket) return k;
    return -1;
  };
  const k = lastOf(scan.stack, open);
  if (k >= 0) return scan.stack[k];
  const j = lastOf(scan.abandoned, open);
  return j >= 0 ? scan.abandoned[j] : undefined;
}

/**
 * How far unclosedBracket has read a text: up to `i`, where the brackets in
 * `stack` are open and those in `abandoned` will never be closed; `last` is
 * the last character that was not a space.
 */
interface BracketScan {
  src: string;
  i: number;
  stack: number[];
  abandoned: number[];
  last: string;
}

let bracketScan: BracketScan | undefined;

/**
 * Reads `scan` on up to `end`. A comment, quoted text or block scalar that
 * goes on past `end` opens and closes no bracket before it: the scan stops at
 * its start, so that a later read with a further end reads it whole.
 */
function scanBrackets(scan: BracketScan, end: number): void {
  const { src, stack, abandoned } = scan;
  const stop = Math.min(end, src.length);
  while (scan.i < stop) {
    let i = scan.i;
    const c = src[i]!;
    if (c === '#' && (i === 0 || /\s/.test(src[i - 1]!))) {
      const eol = src.indexOf('\n', i);
      if (eol < 0 || eol >= end) return;
      scan.i = eol + 1;
      scan.last = '\n';
      continue;
    }
    // A quote starts a quoted scalar only where a value can start (not in "don't").
    if ((c === '"' || c === "'") && /[\n:\-[{,?]/.test(scan.last)) {
      for (i++; i < src.length; i++) {
        if (c === '"' && src[i] === '\\') i++;
        else if (src[i] === c) {
          if (c === "'" && src[i + 1] === "'") i++;
          else break;
        }
      }
      if (i >= end || i >= src.length) return;
      scan.i = i + 1;
      scan.last = c;
      continue;
    }
    // A block scalar (| or > after a key, a dash or a ?) is text: brackets in it open nothing.
    if (c === '|' || c === '>') {
      const after = blockScalarEnd(src, i, src.length);
      if (after !== undefined) {
        if (after >= end) return;
        scan.i = after;
        scan.last = '\n';
        continue;
      }
    }
    if (c === '[' || c === '{') stack.push(i);
    else if (c === ']' || c === '}') {
      // A closer closes the innermost bracket of its kind; brackets still open inside that one are never closed.
      const bracket = c === ']' ? '[' : '{';
      let k = stack.length - 1;
      while (k >= 0 && src[stack[k]!] !== bracket) k--;
      if (k >= 0) {
        for (let m = k + 1; m < stack.length; m++) abandoned.push(stack[m]!);
        stack.length = k;
      }
    }
    if (c === '\n' || !/\s/.test(c)) scan.last = c;
    scan.i = i + 1;
  }
}

/**
 * Where the block scalar whose indicator is at `at` ends (the start of the
 * first line indented no deeper than its key, or of a sequence entry's dash),
 * or undefined when `at` is no block indicator.
 */
function blockScalarEnd(src: string, at: number, end: number): number | undefined {
  const lineEnd = endOfLine(src, at);
  if (!/^[|>][1-9+-]{0,2}[ \t]*(#.*)?\r?$/.test(src.slice(at, lineEnd))) return undefined;
  const lineStart = src.lastIndexOf('\n', at - 1) + 1;
  // Before the indicator: dashes, a ? or a key and its colon, then any anchors and tags; nothing else.
  const before = src.slice(lineStart, at);
  if (before.trim() === '' || !/^ *(?:- +)*(?:\? +)?(?:[^\s#][^#]*:[ \t]+)?(?:[&!]\S*[ \t]+)*$/.test(before)) return undefined;
  const lead = /^( *)((?:- +)*)/.exec(before)![0];
  // `key: |` belongs to the key's column; `- |` to its dash's.
  const parent = lineStart + lead.length === at && lead.includes('-') ? lead.lastIndexOf('-') : lead.length;
  let i = lineEnd + 1;
  while (i < end && i < src.length) {
    const next = endOfLine(src, i);
    const line = src.slice(i, next);
    const indent = /^ */.exec(line)![0].length;
    if (line.trim() !== '' && indent <= parent) break;
    i = next + 1;
  }
  return Math.min(i, src.length);
}

/** Where the line holding `i` ends: its newline, or the end of the text. */
function endOfLine(src: string, i: number): number {
  const n = src.indexOf('\n', i);
  return n < 0 ? src.length : n;
}

function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  values?: unknown[];
  params?: { at?: string };
  expected?: string;
  /** invalid_union: the issues of each branch, with paths relative to the union. */
  errors?: ZodIssueLike[][];
}

/** The object keys a schema accepts at `path` (for "did you mean"), if it is an object there. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  const unwrap = (x: unknown): unknown => {
    for (;;) {
      const def = (x as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } } })._zod?.def;
      if (!def) return x;
      if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault') x = def.innerType;
      else if (def.type === 'pipe') x = def.in;
      else return x;
    }
  };
  type Def = { type: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown; options?: unknown[] };
  const defOf = (x: unknown): Def => (x as { _zod: { def: Def } })._zod.def;
  /** Of a union (a text, a question list), the branch that has keys or items. */
  const branch = (x: unknown, want: 'object' | 'array'): unknown => {
    const def = defOf(x);
    if (def.type !== 'union') return x;
    return def.options?.map(unwrap).find((o) => defOf(o).type === want || (want === 'object' && defOf(o).type === 'record')) ?? x;
  };
  s = unwrap(s);
  for (const seg of path) {
    s = branch(s, typeof seg === 'number' ? 'array' : 'object');
    const def = defOf(s);
    if (def.type === 'object' && typeof seg === 'string' && def.shape) s = unwrap(def.shape[seg]);
    else if (def.type === 'array' && typeof seg === 'number') s = unwrap(def.element);
    else if (def.type === 'record') s = unwrap(def.valueType);
    else return [];
    if (!s) return [];
  }
  const def = defOf(branch(s, 'object'));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/**
 * The key of the mapping at `path` that an unknown key `key` belongs under,
 * when it is a key one level down (a key indented too little): the key
 * written just before it if that one fits, else the only one that does.
 * Made for one document: what it learns of a mapping (the keys one level
 * down, the order of its keys) it keeps for the next key asked about, as a
 * file with thousands of unknown keys asks about each.
 */
function ownerFinder(schema: z.ZodType, root: unknown): (path: readonly PathSegment[], key: string) => string | undefined {
  const below = new Map<string, { name: string; keys: Set<string> }[]>();
  const order = new WeakMap<object, { keys: string[]; index: Map<string, number> }>();
  return (path, key) => {
    const holder = valueAt(root, path);
    if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) return undefined;
    const id = JSON.stringify(path);
    let children = below.get(id);
    if (!children) {
      children = keysAt(schema, path).map((name) => ({ name, keys: new Set([...keysAt(schema, [...path, name]), ...keysAt(schema, [...path, name, 0])]) }));
      below.set(id, children);
    }
    const owners = children.filter((c) => c.keys.has(key)).map((c) => c.name);
    let written = order.get(holder);
    if (!written) {
      const keys = Object.keys(holder);
      written = { keys, index: new Map(keys.map((k, i) => [k, i])) };
      order.set(holder, written);
    }
    const before = written.keys[(written.index.get(key) ?? -1) - 1];
    if (before !== undefined && owners.includes(before)) return before;
    return owners.length === 1 ? owners[0] : undefined;
  };
}

/**
 * Whether the object holding the missing key at `path` has an unknown key
 * that is a misspelling of it. Made for one document: the misspellings of a
 * mapping are worked out once, for all the keys it misses.
 */
function misspeltFinder(schema: z.ZodType, root: unknown): (path: readonly PathSegment[]) => boolean {
  const meant = new WeakMap<object, { guesses: Set<string>; glued: string[] }>();
  return (path) => {
    const parent = path.slice(0, -1);
    const holder = valueAt(root, parent);
    if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) return false;
    let unknown = meant.get(holder);
    if (!unknown) {
      // The known keys the unknown ones are misspellings of, and the unknown keys with a colon in them ("name:You").
      const known = keysAt(schema, parent);
      unknown = { guesses: new Set(), glued: [] };
      for (const k of Object.keys(holder)) {
        if (known.includes(k)) continue;
        const guess = closest(k, known);
        if (guess !== undefined) unknown.guesses.add(guess);
        if (k.includes(':')) unknown.glued.push(k);
      }
      meant.set(holder, unknown);
    }
    const missing = String(path[path.length - 1]);
    return unknown.guesses.has(missing) || unknown.glued.some((k) => k.startsWith(`${missing}:`));
  };
}

const TYPE_NAMES: Record<string, string> = {
  array: '@type.list',
  object: '@type.mapping',
  record: '@type.mapping',
  number: '@type.number',
  string: '@type.text',
  boolean: '@type.boolean',
};

/** A quoted text with the spaces that look like nothing or like a space named: "heavyweight<U+00A0>". */
function visible(quoted: string): string {
  return [...quoted].map((c) => (INVISIBLE[c] ? `<${INVISIBLE[c]}>` : c)).join('');
}

/** What the file has where something else was expected; quoted values stay as written. */
function describe(v: unknown): string {
  if (v === null) return '@found.null';
  if (Array.isArray(v)) return '@found.list';
  if (typeof v === 'object') return '@found.mapping';
  if (typeof v === 'string') return visible(JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v));
  return JSON.stringify(v) ?? String(v);
}

/**
 * What to say of a value that is no id: what the file has and, where it is
 * clear, the id meant. In a list, words separated by spaces ("delta orion")
 * are ids that lack their commas; elsewhere, a name ("Three_KAMs") gets its
 * kebab-case form.
 */
function badId(actual: string, inList: boolean): { code: string; params: Params } {
  const found = describe(actual);
  const words = actual.trim().split(/\s+/);
  if (inList && words.length > 1 && words.every((w) => ID.test(w))) return { code: 'id.format-space', params: { found, fix: words.join(', ') } };
  const fix = actual
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ID.test(fix) && fix.length <= 64 ? { code: 'id.format-fix', params: { found, fix } } : { code: 'id.format', params: { found } };
}

/**
 * What to say of a value where a number belongs: what the file has and, where
 * it is clear, how to write it: 0,4 as 0.4, "0.4" without quotes, 40% as 0.4
 * where the value is a `share` (elsewhere a percentage is no way to write it).
 */
function notANumber(actual: unknown, written: string | undefined, what: string, share = false): { code: string; params: Params } {
  const found = describe(actual);
  if (typeof actual === 'string') {
    const s = actual.trim();
    // 1,500 may be fifteen hundred (a thousands separator) or one and a half (a Dutch decimal comma): both ways are shown.
    if (/^[-+]?[1-9]\d{0,2},\d{3}$/.test(s)) return { code: 'number.thousands-comma', params: { what, found, whole: s.replace(',', ''), fixed: String(Number(s.replace(',', '.'))) } };
    // 12,500,000: with two or more commas, thousands only.
    if (/^[-+]?[1-9]\d{0,2}(,\d{3}){2,}$/.test(s)) return { code: 'number.separators', params: { what, found, whole: s.replace(/,/g, '') } };
    if (/^[-+]?\d+,\d+$/.test(s)) return { code: 'number.decimal-comma', params: { what, found, fixed: s.replace(',', '.') } };
    const percent = /^([-+]?\d+(?:[.,]\d+)?) *%$/.exec(s);
    if (percent && share) return { code: 'number.percent', params: { what, found, fixed: String(+(Number(percent[1]!.replace(',', '.')) / 100).toPrecision(12)) } };
    if (percent) return { code: 'number.percent-plain', params: { what, found } };
    if (s !== '' && Number.isFinite(Number(s)) && /^["']/.test(written ?? '')) return { code: 'number.quoted', params: { what, found } };
  }
  return { code: 'number.type-found', params: { what, found } };
}

/** `Why: explain` of a mapping with one key and a plain value: a text with ": " in it, read as a key and its value. */
function keyAndValue(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const entries = Object.entries(v);
  if (entries.length !== 1) return undefined;
  const [k, x] = entries[0]!;
  return x === null || ['string', 'number', 'boolean'].includes(typeof x) ? `${k}: ${x ?? ''}`.trim() : undefined;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/**
 * Checks the `format` key first: a file of another kind or version would
 * otherwise bury the one problem that matters under a list of symptoms.
 */
export function checkFormat(doc: SourceDocument, expected: string): void {
  const format = (doc.value as Record<string, unknown>).format;
  if (format === undefined || format === expected) return;
  const p = doc.positionOf(['format']);
  const [kind, version] = typeof format === 'string' ? format.split('@') : [];
  const [expectedKind] = expected.split('@');
  const issue =
    typeof format !== 'string'
      ? issueAt(doc.file, p.line, p.col, 'format.not-text', { expected }, 'format')
      : kind === expectedKind && !version
        ? issueAt(doc.file, p.line, p.col, 'format.no-version', { expected }, 'format')
        : kind === expectedKind
          ? issueAt(doc.file, p.line, p.col, 'format.version', { version: version ?? '', expected }, 'format')
          : kind === 'two-fronts/experiment' && expectedKind === 'two-fronts/scenario'
            ? issueAt(doc.file, p.line, p.col, 'format.experiment-for-scenario', { format, expected, file: shellWord(doc.file) }, 'format')
            : issueAt(doc.file, p.line, p.col, 'format.other', { format, expected }, 'format');
  throw new FileError([issue]);
}

/** A word for a POSIX shell, as commands in messages name files: as it is when it is safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A problem found outside the schema (e.g. cross-references), placed like a schema issue. */
export interface ExtraIssue {
  path: PathSegment[];
  code: string;
  params: Params;
  at?: 'key';
}

/**
 * Validates a document with a zod schema; every problem becomes a FileIssue
 * at its place. `extra` are checks zod would skip while the file has other
 * problems (its refinements run only on otherwise valid data): they are
 * reported together, so one round of fixing is enough.
 */
/** A form of a choice (invalid_union) that the value has: its problems are inside it, not in its type. */
const fitting = (branch: ZodIssueLike[]) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0);

export function validateDocument<S extends z.ZodType>(
  doc: SourceDocument,
  schema: S,
  extra: (value: unknown) => ExtraIssue[] = () => [],
  /** Problems that only follow from another one the file has (said by the schema's own checks or by `extra`): left out. */
  followsFrom: (code: string, params: Params) => boolean = () => false,
): z.output<S> {
  const result = schema.safeParse(doc.value);
  if (result.success && !doc.problems?.length) return result.data;
  if (result.success) throw new FileError(doc.problems!);
  const issues: FileIssue[] = [...(doc.problems ?? [])];
  const seen = new Set<string>();
  const ownerOf = ownerFinder(schema, doc.value);
  const misspelt = misspeltFinder(schema, doc.value);
  // Paths that already have a message about their value: whatever else is said there follows from it
  // (a text where a list belongs is not also "too long"; a number too big for a whole number is not also "not whole").
  const settled = new Set<string>();
  // Paths whose key already has a message (a number cut by its comma made it): nothing more is said of the key.
  const keyed = new Set<string>();
  const push = (path: PathSegment[], code: string, params: Params, key = false) => {
    if (followsFrom(code, params)) return;
    if (key) keyed.add(formatPath(path));
    const p = doc.positionOf(path, key);
    const issue = issueAt(doc.file, p.line, p.col, code, params, formatPath(path));
    const id = formatIssue(issue);
    if (!seen.has(id)) {
      seen.add(id);
      issues.push(issue);
    }
  };
  /** In { margin: 0,1 } the comma ends the value 0 and makes 1 a key: the key's name and the number before the comma, or null. */
  const decimalComma = (keyPath: PathSegment[]): RegExpExecArray | null => {
    const k = keyPath[keyPath.length - 1];
    return typeof k === 'string' && /^\d+$/.test(k) ? /([^\s{},:]+): *([-+]?\d+),$/.exec(doc.writtenAt?.(keyPath, true)?.before ?? '') : null;
  };
  /** The problem of a number cut by its comma ("wallet: 1,500" or "margin: 0,22"), at the key the comma made. */
  const pushComma = (keyPath: PathSegment[], comma: RegExpExecArray) => {
    const k = String(keyPath[keyPath.length - 1]);
    const [, name, before] = comma as unknown as [string, string, string];
    const written = `${before},${k}`;
    if (/^[-+]?[1-9]\d{0,2}$/.test(before) && /^\d{3}$/.test(k))
      push(keyPath, 'key.thousands-comma', { key: k, name, written, whole: `${before}${k}`, fixed: String(Number(`${before}.${k}`)) }, true);
    else push(keyPath, 'key.decimal-comma', { key: k, name, written, fixed: `${before}.${k}` }, true);
  };
  /**
   * In needs: { engineering: 0,6 } the comma makes 6 a key of its own with no
   * value, where a number belongs: said as such, at the key. True when it was.
   */
  const commaKey = (path: PathSegment[], actual: unknown): boolean => {
    const comma = actual === null ? decimalComma(path) : null;
    if (!comma) return false;
    pushComma(path, comma);
    return true;
  };
  /**
   * Lines of a list pasted from a word processor, `• "Who got …"` under
   * `questions:`: YAML reads them as one plain text. The bullet (or dash) it
   * starts with, where a list belongs.
   */
  const bulleted = (path: PathSegment[]): string | undefined => {
    if (typeof valueAt(doc.value, path) !== 'string') return undefined;
    return BULLET_TEXT.exec(doc.writtenAt?.(path)?.text ?? '')?.[1];
  };
  const report = (raw: ZodIssueLike, prefix: PathSegment[]): void => {
    const path = [...prefix, ...raw.path.filter((s): s is PathSegment => typeof s === 'string' || typeof s === 'number')];
    const actual = valueAt(doc.value, path);
    if (raw.code !== 'unrecognized_keys') {
      if (settled.has(formatPath(path))) return;
      // A choice of forms settles its path only when no form fits (else the fitting form speaks, below it).
      if (raw.code !== 'invalid_union' || actual === undefined || !raw.errors?.some(fitting)) settled.add(formatPath(path));
    }
    if (raw.code === 'unrecognized_keys' && raw.keys) {
      const known = keysAt(schema, path);
      // Of thousands of unknown keys in one mapping, only the first written can be among the problems shown: the others
      // are counted (as unknown, at their places) without looking for what they may mean.
      let keys = raw.keys;
      let counted: { k: string; at: { line: number; col: number } }[] = [];
      if (keys.length > MAX_PROBLEMS_SHOWN + 1) {
        const placed = keys.map((k) => ({ k, at: doc.positionOf([...path, k], true) })).sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col);
        keys = placed.slice(0, MAX_PROBLEMS_SHOWN + 1).map((x) => x.k);
        counted = placed.slice(MAX_PROBLEMS_SHOWN + 1);
      }
      for (const k of keys) {
        const guess = closest(k, known);
        const comma = decimalComma([...path, k]);
        // In { name:"You" } the missing space makes one key of it all.
        const glued = /^([^:\s]+):(\S.*)$/.exec(k);
        const dotted = /^([A-Za-z]\w*)\.(.+)$/.exec(k);
        if (comma) pushComma([...path, k], comma);
        // JSON has no comments: "// …" in JSON saved as a .yaml file is read as a key (a .json file is refused before).
        else if (/^\s*(\/\/|\/\*)/.test(k)) push([...path, k], 'key.json-comment', { key: k.length > 40 ? `${k.slice(0, 39)}…` : k }, true);
        // company.regime: matrix, copied from the guide's tables: the dotted name is a path, written nested.
        else if (dotted && known.includes(dotted[1]!)) push([...path, k], 'key.dotted', { key: k, parent: dotted[1]!, child: dotted[2]! }, true);
        else if (glued && known.includes(glued[1]!)) push([...path, k], 'key.colon-space', { key: k, name: glued[1]!, value: glued[2]! }, true);
        else if (guess) push([...path, k], 'key.unknown-guess', { key: visible(k), guess }, true);
        else if (ownerOf(path, k)) push([...path, k], 'key.belongs-under', { key: k, parent: ownerOf(path, k)! }, true);
        else if (known.length > 0) push([...path, k], 'key.unknown-list', { key: k, known: known.join(', ') }, true);
        else push([...path, k], 'key.unknown', { key: k }, true);
      }
      for (const { k, at } of counted) {
        const issue = issueAt(doc.file, at.line, at.col, 'key.unknown', { key: k }, formatPath([...path, k]));
        keyed.add(issue.path);
        seen.add(formatIssue(issue));
        issues.push(issue);
      }
      return;
    }
    // A required key that is missing because it is misspelt: the "did you mean" at the misspelt key says it all.
    if (actual === undefined && path.length > 0 && misspelt(path)) return;
    const own = uncode(raw.message);
    if (own) {
      // A check cannot see its own key; the messages that name it get it here.
      const params = own.code === 'number.required' ? { ...own.params, name: String(path[path.length - 1] ?? '') } : own.params;
      if (own.code === 'id.format' && typeof actual === 'string') {
        const idIssue = badId(actual, typeof path[path.length - 1] === 'number');
        push(path, idIssue.code, idIssue.params);
      } else if (own.code === 'number.type') {
        if (commaKey(path, actual)) return;
        const n = notANumber(actual, doc.writtenAt?.(path)?.text, String(own.params.what ?? ''), own.params.share === 1);
        push(path, n.code, n.params);
      } else push(path, own.code, params, raw.params?.at === 'key');
      return;
    }
    if (raw.code === 'invalid_value' && raw.values && raw.values.length > 1) {
      const options = raw.values.map(String);
      // A near spelling, or the name the game shows for an option ("zwaargewicht" for heavyweight).
      const guess = typeof actual === 'string' ? (closest(actual, options) ?? optionNamed(actual, options)) : undefined;
      const value = actual === undefined ? '@found.nothing' : visible(JSON.stringify(actual));
      if (guess) push(path, 'value.not-one-of-guess', { value, options: options.join(' | '), guess });
      else push(path, 'value.not-one-of', { value, options: options.join(' | ') });
      return;
    }
    if ((raw.code === 'invalid_type' || raw.code === 'invalid_union') && actual === undefined) {
      push(path, 'value.required', { name: path.length ? String(path[path.length - 1]) : '' });
      return;
    }
    if (raw.code === 'invalid_union' && raw.errors) {
      // A text is a string or { en, nl }; a question list is a list or { en: [...], nl: [...] }.
      // The branch whose shape the file has tells what is wrong inside it, at its own place.
      const fits = raw.errors.filter(fitting);
      if (fits.length > 0) {
        for (const i of fits[0]!) report(i, path);
        return;
      }
      const expected = raw.errors.flatMap((branch) => branch.map((i) => i.expected ?? ''));
      if (expected.includes('array') && bulleted(path)) push(path, 'file.bullet', { char: bulleted(path)! });
      else if (expected.includes('array') && expected.includes('object')) push(path, 'value.text-list', { found: describe(actual) });
      // name: 2024 or name: yes: YAML reads a number or true/false, which a text in quotes keeps as written.
      else if (expected.includes('string') && expected.includes('object') && (typeof actual === 'number' || typeof actual === 'boolean'))
        push(path, 'value.text-unquoted', { found: describe(actual), written: doc.writtenAt?.(path)?.text ?? String(actual) });
      else if (expected.includes('string') && expected.includes('object')) push(path, 'value.text', { found: describe(actual) });
      else {
        const names = [...new Set(expected.map((e) => TYPE_NAMES[e]))];
        if (names.every((n) => n !== undefined)) push(path, 'value.one-of-types', { expected: names.join('|'), found: describe(actual) });
        else push(path, 'value.invalid', {});
      }
      return;
    }
    if (raw.code === 'invalid_type') {
      const expected = raw.expected ?? '';
      if (expected === 'number' && commaKey(path, actual)) return;
      if (expected === 'array' && bulleted(path)) push(path, 'file.bullet', { char: bulleted(path)! });
      // One value where a list belongs: show the list of one.
      else if (expected === 'array' && (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean')) {
        const item = (x: string) => (/^[\w.-]+$/.test(x) ? x : JSON.stringify(x));
        // "acme, initech" without brackets: the items of a list, not one item with a comma in it.
        const items = typeof actual === 'string' && actual.includes(',') ? actual.split(',').map((x) => x.trim()).filter((x) => x !== '') : [];
        if (items.length > 1) push(path, 'value.list-commas', { found: describe(actual), fix: `[${items.map(item).join(', ')}]` });
        else push(path, 'value.list-single', { found: describe(actual), fix: `[${typeof actual === 'string' ? item(actual) : String(actual)}]` });
      } else if (expected === 'number') {
        const n = notANumber(actual, doc.writtenAt?.(path)?.text, '');
        push(path, n.code, n.params);
      } else if (expected === 'string' && keyAndValue(actual)) push(path, 'value.text-colon', { found: JSON.stringify(keyAndValue(actual)) });
      // model: with nothing under it.
      else if (expected === 'object' && actual === null) push(path, 'value.empty-section', { name: String(path[path.length - 1] ?? '') });
      else push(path, 'value.type', { expected: TYPE_NAMES[expected] ?? expected, found: describe(actual) });
      return;
    }
    if (raw.code === 'too_big' && Array.isArray(actual)) {
      push(path, 'list.too-long', { max: (raw as { maximum?: number }).maximum ?? 0 });
      return;
    }
    if (raw.code === 'too_small' && Array.isArray(actual)) {
      push(path, 'list.too-short', { min: (raw as { minimum?: number }).minimum ?? 1 });
      return;
    }
    // Limits without a message of their own (a check written without one) still say what is expected.
    const limit = (raw as { minimum?: number | bigint; maximum?: number | bigint }).minimum ?? (raw as { maximum?: number | bigint }).maximum;
    if ((raw.code === 'too_big' || raw.code === 'too_small') && limit !== undefined) {
      const n = Number(limit);
      if (typeof actual === 'string') push(path, raw.code === 'too_big' ? 'text.max' : n <= 1 ? 'text.empty' : 'text.min', { max: n, min: n });
      else if (typeof actual === 'number') push(path, raw.code === 'too_big' ? 'number.max' : 'number.min', { max: n, min: n, what: '' });
      else push(path, 'value.invalid', {});
      return;
    }
    push(path, 'value.invalid', {});
  };
  for (const raw of result.error.issues as ZodIssueLike[]) report(raw, []);
  // A check outside the schema says nothing new where the schema has already found the value wrong; a check of
  // the key itself (a department named in needs or relationships) is another problem than its value's.
  for (const x of extra(doc.value)) if (!(x.at === 'key' ? keyed : settled).has(formatPath(x.path))) push(x.path, x.code, x.params, x.at === 'key');
  issues.sort((a, b) => a.line - b.line || a.col - b.col);
  throw new FileError(shownProblems(issues));
}

/** Problems of a file shown at most; beyond them one line says how many more there are. */
export const MAX_PROBLEMS_SHOWN = 50;

/** The first MAX_PROBLEMS_SHOWN problems, and a last one counting the rest, where the first of them stands. */
function shownProblems(issues: FileIssue[]): FileIssue[] {
  if (issues.length <= MAX_PROBLEMS_SHOWN) return issues;
  const next = issues[MAX_PROBLEMS_SHOWN]!;
  return [...issues.slice(0, MAX_PROBLEMS_SHOWN), issueAt(next.file, next.line, next.col, 'file.more-problems', { count: issues.length - MAX_PROBLEMS_SHOWN })];
}
