/**
 * Reading user files for the command line: size checked before reading,
 * bytes decoded as strict UTF-8 (a character in another encoding reported
 * where it is), missing files and folders reported by name.
 * Writing output files atomically (temp file, then rename), so an interrupted
 * command never leaves half a file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeText, MAX_FILE_BYTES, tooBig } from '../scenario/document.js';
import { UserError } from './errors.js';
import { t, type Lang } from './lang.js';

export interface UserFile {
  path: string;
  text: string;
  bytes: number;
  sha256: string;
}

export function readUserFile(path: string, lang: Lang = 'en'): UserFile {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UserError(t('cli.file.folder', { path }, lang));
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? t('cli.file.missing', { path }, lang) : t('cli.file.unreadable', { path, code: code ?? t('cli.error.unknown', {}, lang) }, lang));
  }
  if (size > MAX_FILE_BYTES) throw tooBig(path, size);
  const buf = readFileSync(path);
  const text = decodeText(buf, path);
  return { path, text, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
}

/**
 * Makes each folder of `levels` (parents first) with a plain mkdir. One that
 * another process made in the meantime (shards started at the same moment
 * into one new parent) is as good as made.
 */
export function makeLevels(levels: readonly string[], mkdir: (path: string) => void = (p) => mkdirSync(p)): void {
  for (const level of levels) {
    try {
      mkdir(level);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(level).isDirectory()) throw e;
    }
  }
}

/**
 * Makes a folder and any missing parents, one level at a time from the
 * nearest folder that exists: Node's own `recursive` mode loops for ever where
 * the parent cannot hold folders (under /proc, for one), so a refusal there
 * must come from a plain mkdir.
 */
export function ensureDir(dir: string, lang: Lang = 'en'): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError(t('cli.batch.out.notFolder', { dir }, lang));
  try {
    const missing: string[] = [];
    let at = resolve(dir);
    while (!existsSync(at)) {
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
    makeLevels(missing.reverse());
  } catch (e) {
    throw new UserError(t('cli.folder.create', { dir, code: (e as NodeJS.ErrnoException).code ?? t('cli.error.error', {}, lang) }, lang));
  }
}

/** Temp files of this process are numbered, so two writes into one folder never share one. */
let written = 0;

/**
 * Writes a whole file so that readers see the old file or the new one, never
 * half of it. A path that is a folder, or a file that cannot be written, is
 * the user's to fix: said by name, and no temp file is left behind.
 */
export function writeAtomic(path: string, content: string, lang: Lang = 'en'): void {
  ensureDir(dirname(path), lang);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UserError(t('cli.file.folder', { path }, lang));
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${written++}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(t('cli.file.unwritable', { path, code: (e as NodeJS.ErrnoException).code ?? t('cli.error.unknown', {}, lang) }, lang));
  }
}
