/** What the commands say on the screen, and the command line's error messages (Dutch; see cli.en.ts). */
import type { en } from './cli.en.js';

export const nl: Record<keyof typeof en, string> = {
  'cli.usage': '(two-fronts --help toont het gebruik)',
  'cli.num.million': '{value} mln',
  'cli.num.billion': '{value} mld',
  'cli.num.trillion': '{value} bln',
  'cli.error.unknown': 'onbekende fout',
  'cli.error.error': 'fout',

  'cli.file.missing': '{path}: dit bestand bestaat niet',
  'cli.file.folder': '{path}: is een map, geen bestand',
  'cli.file.unreadable': '{path}: kan niet worden gelezen ({code})',
  'cli.folder.create': '{dir}: de uitvoermap kan niet worden gemaakt ({code})',
  'cli.folder.missing': '{dir}: deze map bestaat niet',
  'cli.folder.file': '{dir} is een bestand; summarize, report en merge werken op de uitvoermap van two-fronts batch (maak er een met two-fronts batch EXPERIMENT --out MAP)',
  'cli.folder.noManifest': '{dir}: hier staat geen manifest.json; dit is niet de uitvoermap van two-fronts batch',
  'cli.manifest.unreadable': '{path}: geen leesbaar manifest ({detail})',
  'cli.manifest.format': '{path}: geen batchmanifest (formaat {format}, verwacht {expected})',
  'cli.runs.missing': '{dir}: geen runs.csv of runs.jsonl',
  'cli.runs.header': '{path}: de kopregel klopt niet met manifest.json; de map is bewerkt',

  'cli.option.integer': '{name} moet een geheel getal zijn, niet "{value}"',
  'cli.option.range': '{name} moet tussen {min} en {max} liggen, niet {n}',
  'cli.option.positive': '{name} moet een positief getal zijn, niet "{value}"',
  'cli.option.regime': '--regime moet een van deze zijn: {regimes}',
  'cli.option.regime.guess': '--regime moet een van deze zijn: {regimes} (bedoel je "{guess}"?)',
};
