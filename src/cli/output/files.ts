/**
 * Line-oriented files that survive `kill -9`: rows are appended with one
 * write per chunk, every row is one physical line, and a reader sees only
 * complete lines (a torn last line is ignored and cut off on resume). Lines
 * are read in fixed-size blocks, so files of any size stream through in
 * constant memory.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';

const BLOCK = 1 << 20;

export interface Line {
  text: string;
  /** Byte offset just after this line's newline. */
  end: number;
}

/**
 * Opens a file for reading. A folder in a file's place opens on Linux but
 * fails on the first read with an error that names no path; it is refused
 * here with one (EISDIR and the path, as the command line reports it).
 */
function openFile(path: string): number {
  const fd = openSync(path, 'r');
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR', path, syscall: 'read' });
  }
  return fd;
}

/** Complete lines of a file (a last line without a newline is not yielded), with their end offsets. */
export function* readLines(path: string, from = 0): Generator<Line> {
  if (!existsSync(path)) return;
  const fd = openFile(path);
  const decoder = new TextDecoder('utf-8');
  try {
    const buf = Buffer.allocUnsafe(BLOCK);
    let carry: Buffer = Buffer.alloc(0);
    let pos = from;
    /** Absolute offset of the first byte of `carry`. */
    let base = from;
    for (;;) {
      const n = readSync(fd, buf, 0, BLOCK, pos);
      if (n === 0) break;
      pos += n;
      const chunk = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(10, start);
        if (nl < 0) break;
        const endText = nl > start && chunk[nl - 1] === 13 ? nl - 1 : nl;
        const text = decoder.decode(chunk.subarray(start, endText));
        start = nl + 1;
        yield { text, end: base + start };
      }
      base += start;
      carry = Buffer.from(chunk.subarray(start));
    }
  } finally {
    closeSync(fd);
  }
}

/** How many complete lines `readLines` would yield, counted in the bytes without decoding them. */
export function countLines(path: string): number {
  if (!existsSync(path)) return 0;
  const fd = openFile(path);
  try {
    const buf = Buffer.allocUnsafe(BLOCK);
    let count = 0;
    let pos = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, BLOCK, pos);
      if (n === 0) return count;
      pos += n;
      for (let at = buf.indexOf(10, 0); at >= 0 && at < n; at = buf.indexOf(10, at + 1)) count++;
    }
  } finally {
    closeSync(fd);
  }
}

export function parseCsvLine(text: string): string[] {
  return csvParseRows(text)[0] ?? [''];
}

/** An append-only file written with whole-chunk writes. */
export class AppendFile {
  private fd: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  get size(): number {
    return fstatSync(this.fd).size;
  }

  write(text: string): void {
    if (text.length === 0) return;
    const data = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
  }

  sync(): void {
    fsyncSync(this.fd);
  }

  close(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

/** Cuts a file to `bytes` (dropping a torn or surplus tail). */
export function truncateFile(path: string, bytes: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
