/**
 * The engine host: what a worker offers the game and the command line. It is
 * stateless (every call brings the run state it works on and returns the next
 * one), so the page can save state after every quarter and a reload or a
 * crashed worker loses nothing. Everything in and out is plain data.
 * Imports src/sim, and src/scenario's loader when first asked to load.
 */
import type { FileIssue } from '../src/scenario/document.js';
import type { LoadedScenario } from '../src/scenario/load.js';
import {
  branch,
  checkPlan,
  createRun,
  decideJoint,
  fitPlan,
  incomingProposals,
  isFinished,
  PlanError,
  reporterNames,
  resultHash,
  simulate,
  step,
  summarize,
  withRegime,
  worldOf,
  type JointDecision,
  type JointPlan,
  type JointProposal,
  type PlanIssue,
  type QuarterPlan,
  type QuarterRecord,
  type Regime,
  type RunOptions,
  type RunState,
  type RunSummary,
  type ScenarioInput,
} from '../src/sim/index.js';

export type LoadResult = ({ ok: true } & LoadedScenario) | { ok: false; issues: FileIssue[] };

export type StepOutcome = { ok: true; state: RunState; record: QuarterRecord } | { ok: false; kam: string; issues: PlanIssue[] };

export interface ReplayRequest {
  scenario: ScenarioInput;
  seed: number;
  /** The seats a person played, whose recorded plans are replayed. */
  seats: string[];
  /** Recorded plans by quarter (1-based, in order). */
  plans: QuarterPlan[][];
  regime: Regime;
}

/** What the game needs to know about a scenario before it plays it. */
export interface ScenarioInfo {
  /** Reporter names in the order of a quarter record's values. */
  reporterNames: string[];
  /** Whether the board reviews account plans (board pitches allowed, sponsorship chosen). */
  boardActive: boolean;
}

export interface RunJob {
  scenario: ScenarioInput;
  seed: number;
}

export interface RunJobResult {
  seed: number;
  hash: string;
  summary: RunSummary;
  /** One row of reporter values per quarter, in reporterNames order. */
  quarters: number[][];
}

export const engineHost = {
  /**
   * Parses and validates a scenario file's text. The loader (YAML parser and
   * schema) is imported on the first call, so a thread that only runs
   * scenarios, like a batch worker, never spends its start-up on it.
   */
  async load(text: string, file: string): Promise<LoadResult> {
    const [{ FileError }, { loadScenario }] = await Promise.all([import('../src/scenario/document.js'), import('../src/scenario/load.js')]);
    try {
      return { ok: true, ...loadScenario(text, file) };
    } catch (e) {
      if (e instanceof FileError) return { ok: false, issues: e.issues };
      throw e;
    }
  },

  /**
   * A file's bytes as text, as the command line reads them: UTF-8 (with or
   * without a byte-order mark); other encodings are refused with the line
   * and column of the first character that is not UTF-8. `size` is the
   * file's size when only its start was read (a file over the limit).
   */
  async decode(bytes: Uint8Array, file: string, size = bytes.length): Promise<{ ok: true; text: string } | { ok: false; issues: FileIssue[] }> {
    const { FileError, decodeText, MAX_FILE_BYTES, tooBig } = await import('../src/scenario/document.js');
    try {
      if (size > MAX_FILE_BYTES) throw tooBig(file, size);
      return { ok: true, text: decodeText(bytes, file) };
    } catch (e) {
      if (e instanceof FileError) return { ok: false, issues: e.issues };
      throw e;
    }
  },

  info(scenario: ScenarioInput): ScenarioInfo {
    return { reporterNames: reporterNames(scenario), boardActive: worldOf(scenario).boardActive };
  },

  start(scenario: ScenarioInput, options: RunOptions = {}): RunState {
    return createRun(scenario, options);
  },

  check(state: RunState, plan: QuarterPlan): PlanIssue[] {
    return checkPlan(state, plan);
  },

  /** Plays one quarter with the given seats' plans; an illegal plan comes back as issues, not an exception. */
  step(state: RunState, plans: QuarterPlan[]): StepOutcome {
    try {
      const { state: next, record } = step(state, plans);
      return { ok: true, state: next, record };
    } catch (e) {
      if (e instanceof PlanError) return { ok: false, kam: e.kam, issues: e.issues };
      throw e;
    }
  },

  proposals(state: RunState, seats: string[]): (JointPlan & { from: string })[] {
    return incomingProposals(state, seats);
  },

  decide(state: RunState, proposal: JointProposal): JointDecision {
    return decideJoint(state, proposal);
  },

  /**
   * The same game under another regime: same scenario, seed and opportunities,
   * the person's recorded plans replayed (the part of each still legal), AI
   * colleagues playing as they would under that regime.
   */
  replay(req: ReplayRequest): RunState {
    let state = branch(createRun(req.scenario, { seed: req.seed }), req.regime);
    const seats = new Set(req.seats);
    for (let q = 0; !isFinished(state); q++) {
      const recorded = (req.plans[q] ?? []).filter((p) => seats.has(p.kam));
      state = step(state, recorded.map((p) => fitPlan(state, p))).state;
    }
    return state;
  },

  /** Whole AI-only runs (the luck check, batches): summaries and quarter rows, no detail. */
  runMany(jobs: RunJob[]): RunJobResult[] {
    return jobs.map((job) => {
      const run = simulate(job.scenario, { seed: job.seed, record: 'reporters' });
      return { seed: job.seed, hash: resultHash(run), summary: summarize(run), quarters: run.history.map((h) => h.values) };
    });
  },

  withRegime(scenario: ScenarioInput, regime: Regime): ScenarioInput {
    return withRegime(scenario, regime);
  },
};

export type EngineHost = typeof engineHost;
