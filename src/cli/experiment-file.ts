/**
 * Reading an experiment for a command: the experiment file, the scenario it
 * names (relative to the experiment file), both validated with positions, and
 * the experiment made ready to run. A batch keeps both texts in its
 * manifest, so later commands (summarize --target-ci) rebuild exactly the
 * same experiment from the output folder alone.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { FileError, readDocument, formatPath, issueAt, type SourceDocument } from '../scenario/document.js';
import { loadScenario } from '../scenario/load.js';
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

/** The scenario file the experiment names does not exist; `shown` is its path from the working folder. */
function scenarioMissing(doc: SourceDocument, shown: string, code = 'experiment.scenario-missing'): FileError {
  const p = doc.positionOf(['scenario']);
  return new FileError([issueAt(doc.file, p.line, p.col, code, { path: shown }, formatPath(['scenario']))]);
}

/** When the file itself has problems, the paths are still checked against the scenario if it can be read. */
function schemaProblems(doc: SourceDocument, e: FileError): FileError {
  const raw = (doc.value as { scenario?: unknown }).scenario;
  if (typeof raw !== 'string') return e;
  try {
    const path = resolve(dirname(doc.file), raw);
    if (!existsSync(path)) return mergeIssues(e.issues, scenarioMissing(doc, relative(process.cwd(), path) || path).issues);
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
  if (!existsSync(scenarioPath)) throw scenarioMissing(doc, shown);
  if (statSync(scenarioPath).isDirectory()) throw scenarioMissing(doc, shown, 'experiment.scenario-folder');
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
