/** `two-fronts validate FILE...`: checks scenario and experiment files; exit 0 when all are valid. */
import { FileError, formatIssue } from '../../scenario/document.js';
import { EXIT_INVALID, EXIT_OK, UserError } from '../errors.js';
import { validateText } from '../formats.js';
import { readUserFile } from '../io.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export function validateCommand(files: string[], opts: { quiet?: boolean }, io: Output): number {
  let failed = 0;
  for (const path of files) {
    try {
      const file = readUserFile(path);
      const { kind, warnings } = validateText(file.text, path, file.bytes);
      // Warnings go with the problems (stderr) even with --quiet; they do not make the file invalid.
      for (const w of warnings) io.err(formatIssue(w));
      if (!opts.quiet) io.out(`${path}: valid ${kind}${warnings.length ? ` (${warnings.length} warning${warnings.length > 1 ? 's' : ''})` : ''}`);
    } catch (e) {
      failed++;
      if (e instanceof FileError) for (const issue of e.issues) io.err(formatIssue(issue));
      else if (e instanceof UserError) io.err(e.message);
      else throw e;
    }
  }
  if (files.length > 1 && !opts.quiet) io.out(`${files.length - failed} of ${files.length} files valid`);
  return failed > 0 ? EXIT_INVALID : EXIT_OK;
}
