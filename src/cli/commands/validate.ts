/**
 * `two-fronts validate FILE...`: checks scenario and experiment files; exit 0
 * when all are valid. `--lang nl` words the problems and the verdicts in Dutch.
 */
import { t, tn } from '../../i18n/index.js';
import { FileError, issueLine, warningLine } from '../../scenario/document.js';
import { parseLang } from '../lang.js';
import { EXIT_INVALID, EXIT_OK, UserError } from '../errors.js';
import { validateText } from '../formats.js';
import { readUserFile } from '../io.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export function validateCommand(files: string[], opts: { quiet?: boolean; lang?: string }, io: Output): number {
  const lang = parseLang(opts.lang);
  let failed = 0;
  for (const path of files) {
    try {
      const file = readUserFile(path, lang);
      const { kind, warnings } = validateText(file.text, path, file.bytes, lang);
      // Warnings go with the problems (stderr) even with --quiet; they do not make the file invalid.
      for (const w of warnings) io.err(warningLine(w, lang));
      const what = t(`cli.validate.kind.${kind}`, {}, lang);
      if (!opts.quiet) io.out(warnings.length ? tn('cli.validate.valid-warned', warnings.length, { file: path, kind: what }, lang) : t('cli.validate.valid', { file: path, kind: what }, lang));
    } catch (e) {
      failed++;
      if (e instanceof FileError) for (const issue of e.issues) io.err(issueLine(issue, lang));
      else if (e instanceof UserError) io.err(e.message);
      else throw e;
    }
  }
  if (files.length > 1 && !opts.quiet) io.out(t('cli.validate.summary', { valid: files.length - failed, files: files.length }, lang));
  return failed > 0 ? EXIT_INVALID : EXIT_OK;
}
