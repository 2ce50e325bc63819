/**
 * Reading an experiment for a command: the experiment file, the scenario it
 * names (relative to the experiment file), both validated with positions, and
 * the experiment made ready to run. A batch keeps both texts in its
 * manifest, so later commands (summarize --target-ci) rebuild exactly the
 * same experiment from the output folder alone.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { FileError, readDocument, formatPath, issueAt, type SourceDocument } from '../scenario/document.js';
import { loadScenario } from '../scenario/load.js';
import { closest } from '../scenario/schema.js';
import { checkExperimentFormat, loadExperiment, mergeIssues, rawPathIssues, validateExperimentDocument, type LoadedExperiment } from '../experiment/load.js';
import { readUserFile } from './io.js';
import { readIn, type Lang } from './lang.js';

export interface SourceText {
  /** As given on the command line (experiment) or as resolved from it (scenario). */
  path: string;
  sha256: string;
  text: string;
}

export interface ExperimentContext {
  loaded: LoadedExperiment;
  experimentFile: SourceText;
  scenarioFile: SourceText;
}

/** Scenario files are YAML or JSON. */
const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/**
 * The file the experiment's `written` scenario path probably meant: the
 * closest name of a YAML or JSON file in the folder it names (not the
 * experiment itself), written as the experiment writes its path; or undefined.
 */
function scenarioGuess(doc: SourceDocument, written: string, path: string): string | undefined {
  const folder = dirname(path);
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((d) => !d.isDirectory() && SCENARIO_FILE.test(d.name) && resolve(folder, d.name) !== resolve(doc.file))
      .map((d) => d.name);
  } catch {
    return undefined;
  }
  const guess = closest(basename(path), names);
  if (guess === undefined) return undefined;
  const cut = Math.max(written.lastIndexOf('/'), written.lastIndexOf('\\'));
  return written.slice(0, cut + 1) + guess;
}

/** The scenario file the experiment names does not exist (or is a folder): named by its path as the file writes it, with the closest file there. */
function scenarioMissing(doc: SourceDocument, written: string, code = 'experiment.scenario-missing'): FileError {
  const p = doc.positionOf(['scenario']);
  const guess = code === 'experiment.scenario-missing' ? scenarioGuess(doc, written, resolve(dirname(doc.file), written)) : undefined;
  const issue = guess === undefined ? issueAt(doc.file, p.line, p.col, code, { path: written }, formatPath(['scenario'])) : issueAt(doc.file, p.line, p.col, `${code}-guess`, { path: written, guess }, formatPath(['scenario']));
  return new FileError([issue]);
}

/** When the file itself has problems, the paths are still checked against the scenario if it can be read. */
function schemaProblems(doc: SourceDocument, e: FileError): FileError {
  const raw = (doc.value as { scenario?: unknown }).scenario;
  if (typeof raw !== 'string') return e;
  try {
    const path = resolve(dirname(doc.file), raw);
    if (!existsSync(path)) return mergeIssues(e.issues, scenarioMissing(doc, raw).issues);
    const file = readUserFile(path);
    const paths = rawPathIssues(doc, loadScenario(file.text, path).scenario);
    // A path that names no single value (a group, an unknown key) is the problem; the schema's complaint about its value is a symptom.
    const named = new Set(paths.map((i) => i.path));
    return mergeIssues(e.issues.filter((i) => !named.has(i.path)), paths);
  } catch {
    return e;
  }
}

function withScenario(doc: SourceDocument, lang: Lang = 'en'): { loaded: LoadedExperiment; scenarioFile: SourceText } {
  let experiment;
  try {
    experiment = validateExperimentDocument(doc);
  } catch (e) {
    if (e instanceof FileError) throw schemaProblems(doc, e);
    throw e;
  }
  const scenarioPath = resolve(dirname(doc.file), experiment.scenario);
  const shown = relative(process.cwd(), scenarioPath) || scenarioPath;
  if (!existsSync(scenarioPath)) throw scenarioMissing(doc, experiment.scenario);
  if (statSync(scenarioPath).isDirectory()) throw scenarioMissing(doc, experiment.scenario, 'experiment.scenario-folder');
  const scen = readUserFile(shown, lang);
  const { scenario } = loadScenario(scen.text, shown);
  return { loaded: loadExperiment(doc, scenario), scenarioFile: { path: shown, sha256: scen.sha256, text: scen.text } };
}

/** Reads and checks an experiment file and its scenario; throws FileError (its problems to be worded in `lang`) / UserError. */
export function readExperiment(path: string, lang: Lang = 'en'): ExperimentContext {
  return readIn(lang, () => {
    const file = readUserFile(path, lang);
    const doc = readDocument(file.text, path, file.bytes);
    checkExperimentFormat(doc, 'two-fronts batch');
    const { loaded, scenarioFile } = withScenario(doc, lang);
    return { loaded, experimentFile: { path, sha256: file.sha256, text: file.text }, scenarioFile };
  });
}

/** What `two-fronts validate` checks in an experiment file: the file, its scenario, and every factor path and value against it. */
export function validateExperimentFile(doc: SourceDocument, lang: Lang = 'en'): LoadedExperiment {
  return withScenario(doc, lang).loaded;
}

/** Rebuilds an experiment from the texts a manifest keeps. */
export function experimentFromTexts(experimentFile: SourceText, scenarioFile: SourceText): ExperimentContext {
  const doc = readDocument(experimentFile.text, experimentFile.path);
  const { scenario } = loadScenario(scenarioFile.text, scenarioFile.path);
  return { loaded: loadExperiment(doc, scenario), experimentFile, scenarioFile };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
