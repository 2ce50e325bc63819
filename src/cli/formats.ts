/**
 * The file formats the command line reads, told apart by their `format` key.
 * Each entry validates a parsed document and throws FileError on problems.
 */
import { readDocument, type FileIssue, type SourceDocument } from '../scenario/document.js';
import { scenarioWarnings } from '../scenario/warnings.js';
import { validateScenarioDocument } from '../scenario/load.js';
import { SCENARIO_FORMAT } from '../scenario/schema.js';
import { experimentKeysOf, type LoadedExperiment } from '../experiment/load.js';
import { EXPERIMENT_FORMAT } from '../experiment/schema.js';
import { validateExperimentFile } from './experiment-file.js';
import type { Lang } from './lang.js';

export interface FileFormat {
  /** The `format` value, e.g. two-fronts/scenario@1. */
  id: string;
  kind: string;
  /** Problems in the file itself are thrown as FileError; others (a file it names cannot be read) as UserError worded in `lang`. */
  validate(doc: SourceDocument, lang: Lang): unknown;
  /** What is allowed but probably not meant, once the file is valid (`value` is what validate gave). */
  warnings?(doc: SourceDocument, value: unknown): FileIssue[];
}

export const FORMATS: FileFormat[] = [
  {
    id: SCENARIO_FORMAT,
    kind: 'scenario',
    validate: (doc) => validateScenarioDocument(doc),
    warnings: (doc) => scenarioWarnings(doc),
  },
  { id: EXPERIMENT_FORMAT, kind: 'experiment', validate: (doc, lang) => validateExperimentFile(doc, lang), warnings: (_doc, value) => (value as LoadedExperiment).notes },
];

/**
 * The format a document declares; a file without `format` that has only
 * experiment keys (scenario, design, factors, ...) is checked as an
 * experiment, other files without a known format as scenarios (which names
 * the problem).
 */
export function formatOf(doc: SourceDocument): FileFormat {
  const declared = (doc.value as { format?: unknown }).format;
  if (experimentKeysOf(doc).length) return FORMATS.find((f) => f.kind === 'experiment')!;
  const byId = FORMATS.find((f) => f.id === declared);
  if (byId) return byId;
  const kind = typeof declared === 'string' ? /^two-fronts\/([a-z]+)@/.exec(declared)?.[1] : undefined;
  return FORMATS.find((f) => f.kind === kind) ?? FORMATS[0]!;
}

export function validateText(text: string, file: string, bytes?: number, lang: Lang = 'en'): { kind: string; value: unknown; warnings: FileIssue[] } {
  const doc = readDocument(text, file, bytes);
  const format = formatOf(doc);
  const value = format.validate(doc, lang);
  return { kind: format.kind, value, warnings: format.warnings?.(doc, value) ?? [] };
}
