/**
 * What the commands `run`, `batch`, `merge` and `summarize` say on the
 * screen, and the messages of the command line's errors (English). File
 * names, column names, metric names, ids and flags inside a message are
 * written as they are in every language.
 */
export const en = {
  'cli.usage': '(run two-fronts --help for usage)',
  'cli.num.million': '{value}M',
  'cli.num.billion': '{value}bn',
  'cli.num.trillion': '{value}tn',
  'cli.error.unknown': 'unknown error',
  'cli.error.error': 'error',

  'cli.file.missing': '{path}: no such file',
  'cli.file.folder': '{path}: is a folder, not a file',
  'cli.file.unreadable': '{path}: cannot read ({code})',
  'cli.folder.create': '{dir}: cannot create the output folder ({code})',
  'cli.folder.missing': '{dir}: no such folder',
  'cli.folder.file': '{dir} is a file; summarize, report and merge take the output folder of two-fronts batch (make one with two-fronts batch EXPERIMENT --out DIR)',
  'cli.folder.noManifest': '{dir}: no manifest.json here; this is not the output folder of two-fronts batch',
  'cli.manifest.unreadable': '{path}: not a readable manifest ({detail})',
  'cli.manifest.format': '{path}: not a batch manifest (format {format}, expected {expected})',
  'cli.runs.missing': '{dir}: no runs.csv or runs.jsonl',
  'cli.runs.header': '{path}: the header does not match manifest.json; the folder has been edited',

  'cli.option.integer': '{name} must be a whole number, got "{value}"',
  'cli.option.range': '{name} must be between {min} and {max}, got {n}',
  'cli.option.positive': '{name} must be a positive number, got "{value}"',
  'cli.option.regime': '--regime must be one of {regimes}',
  'cli.option.regime.guess': '--regime must be one of {regimes} (did you mean "{guess}"?)',
} as const;
