/**
 * The game's controller: the scenario library, the session being played, the
 * engine worker, the save, the language. Scenes and panels read from it and
 * call its actions; it never draws. One instance per page (`app`).
 * Imports engine types only; the engine runs in the worker.
 */
import type { FileIssue } from '../scenario/document';
import type { Scenario } from '../scenario/schema';
import type { JointDecision, JointPlan, PlanIssue } from '../sim/index';
import type { QuarterPlan, QuarterRecord, Regime, RunState, ScenarioInput } from '../sim/types';
import { head, startEngine, type Engine } from './engine';
import { language, setLanguage } from './i18n';
import { LANGUAGES, type Lang } from '../i18n/index';
import { defaultDraft, planContextOf, type Draft, type PlanContext } from './plan-draft';
import { DRAFT_KEY, IdbStore, loadGame, peekGame, REPLAYS_KEY, replayMatches, replayOf, saveEntries, SCREEN_KEY, type Refusal, type SavedScreen, type SavePeek, type SaveStore, type ScenarioSource, type Screen } from './save';
import { readLibrary } from './library';
import { textOf } from './text';
import { version } from '../../package.json';

export const APP_VERSION: string = version;

/** Bytes of a trainer's file read at most: one more than a scenario file may have. */
const READ_AT_MOST = 1_000_001;

export interface LibraryEntry {
  file: string;
  text: string;
  scenario: Scenario;
  input: ScenarioInput;
}

export interface Session {
  source: ScenarioSource;
  text: string;
  scenario: Scenario;
  input: ScenarioInput;
  seat: string;
  state: RunState;
  /** Reporter names in the order of a record's values. */
  names: string[];
  boardActive: boolean;
  draft: Draft | null;
  /** Colleagues' joint proposals to the player this quarter. */
  proposals: (JointPlan & { from: string })[];
  /** Structures the player added to the debrief's replays, in the order added. */
  extraReplays: Regime[];
}

type Listener = () => void;

/** The screen of the quarter cycle each in-game scene stands for in the save (the debrief comes after the last planning). */
const SCENE_SCREEN: Record<string, Screen> = { Briefing: 'briefing', Resolution: 'results', Report: 'report', Quarter: 'planning', Debrief: 'planning' };

/** The scene a resumed game opens on. */
export function sceneFor(screen: Screen, played: number, quarters: number): string {
  if (played === 0 && screen === 'briefing') return 'Briefing';
  if (played > 0 && screen === 'results') return 'Resolution';
  if (played > 0 && screen === 'report') return 'Report';
  return played >= quarters ? 'Debrief' : 'Quarter';
}

const LANG_KEY = 'two-fronts.lang';
const MOTION_KEY = 'two-fronts.reduce-motion';

/** Seeds of the luck check's AI-only runs: derived from the game's seed and the run's number, never seed + n. */
export function luckSeed(seed: number, i: number): number {
  let h = 0x811c9dc5;
  for (const c of `${seed}/luck/${i}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export class App {
  readonly engine: Engine;
  readonly store: SaveStore;
  library: LibraryEntry[] = [];
  /** Resolves when the shipped library has been read (started as the page loads). */
  libraryReady: Promise<void> = Promise.resolve();
  libraryProblems: { file: string; issues: FileIssue[] }[] = [];
  session: Session | null = null;
  reducedMotion = false;
  private langListeners = new Set<Listener>();
  private savedUpTo = 0;
  private navigate: ((scene: string, data?: object) => void) | null = null;

  /** The saved game as the page found it, read while the page boots (used once, by the first title screen). */
  private firstPeek: ReturnType<App['savedGame']> | null = null;
  /** Set when resuming found the saved game made with another model; the title screen then says so until it is removed or a new game replaces it. */
  private modelRefused = false;

  constructor(engine: Engine, store: SaveStore) {
    this.engine = engine;
    this.store = store;
    this.firstPeek = this.savedGame();
    const stored = safeLocal(() => localStorage.getItem(LANG_KEY));
    const lang: Lang = stored === 'nl' || stored === 'en' ? stored : navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
    setLanguage(lang);
    const motion = safeLocal(() => localStorage.getItem(MOTION_KEY));
    this.reducedMotion = motion !== null ? motion === '1' : window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  /** Scenes are switched through here, so panels need not know Phaser. */
  setNavigator(f: (scene: string, data?: object) => void): void {
    this.navigate = f;
  }

  go(scene: string, data?: object): void {
    const screen = SCENE_SCREEN[scene];
    if (screen && this.session) void this.saveScreen(screen);
    this.navigate?.(scene, data);
  }

  /** Remembers which screen of the quarter cycle is showing, so a reload comes back to it. */
  private async saveScreen(screen: Screen): Promise<void> {
    const played = this.session?.state.history.length;
    if (played === undefined) return;
    await this.store.put([[SCREEN_KEY, { played, screen } satisfies SavedScreen]]);
  }

  toTitle(): void {
    this.go('Title');
  }

  get lang(): Lang {
    return language();
  }

  setLang(lang: Lang): void {
    if (lang === language()) return;
    setLanguage(lang);
    safeLocal(() => localStorage.setItem(LANG_KEY, lang));
    for (const f of this.langListeners) f();
  }

  onLangChange(f: Listener): () => void {
    this.langListeners.add(f);
    return () => this.langListeners.delete(f);
  }

  setReducedMotion(on: boolean): void {
    this.reducedMotion = on;
    safeLocal(() => localStorage.setItem(MOTION_KEY, on ? '1' : '0'));
  }

  /** Parses the shipped scenarios in the worker; files that do not load are reported, not shown. */
  loadLibrary(): Promise<void> {
    this.libraryReady = this.readLibrary();
    return this.libraryReady;
  }

  /** The shipped scenarios, read by the worker (started in main.ts); files that do not load are reported, not shown. */
  private async readLibrary(): Promise<void> {
    const read = await readLibrary(this.engine);
    const library: LibraryEntry[] = [];
    for (const { file, text, result } of read) {
      if (result.ok) library.push({ file, text, scenario: result.scenario, input: result.input });
      else this.libraryProblems.push({ file, issues: result.issues });
    }
    // The tutorial first, then by title.
    library.sort((a, b) => Number(b.scenario.id === 'tutorial') - Number(a.scenario.id === 'tutorial') || textOf(a.scenario.title, 'en').localeCompare(textOf(b.scenario.title, 'en')));
    this.library = library;
  }

  /** Checks a trainer's file; on success it can be played like a library scenario. */
  /** A trainer's file as the command line reads it: its bytes decoded as UTF-8, then loaded. */
  async readFile(file: File): Promise<Awaited<ReturnType<App['loadFile']>>> {
    const name = file.name;
    // A file far over the size limit is refused from its size; only its start is read.
    const bytes = new Uint8Array(await file.slice(0, READ_AT_MOST).arrayBuffer());
    const decoded = await this.engine.decode(bytes, name, file.size);
    return decoded.ok ? this.loadFile(name, decoded.text) : { ok: false, issues: decoded.issues };
  }

  async loadFile(name: string, text: string): Promise<{ ok: true; entry: LibraryEntry; warnings: FileIssue[] } | { ok: false; issues: FileIssue[] }> {
    const r = await this.engine.load(text, name);
    if (!r.ok) return { ok: false, issues: r.issues };
    return { ok: true, entry: { file: name, text, scenario: r.scenario, input: r.input }, warnings: r.warnings };
  }

  /** The seat a person plays: the first player seat, else the first KAM. */
  static seatOf(input: ScenarioInput): string {
    return (input.kams.find((k) => k.control === 'player') ?? input.kams[0]!).id;
  }

  async newGame(entry: LibraryEntry, source: ScenarioSource): Promise<void> {
    const state = await this.engine.start(entry.input, {});
    const session = await this.sessionFor(source, entry.text, entry.scenario, entry.input, state);
    this.session = session;
    this.savedUpTo = 0;
    await this.store.clear();
    // The refused save is gone with it: the title screen speaks of this game from now on.
    this.modelRefused = false;
    await this.save();
  }

  private async sessionFor(source: ScenarioSource, text: string, scenario: Scenario, input: ScenarioInput, state: RunState): Promise<Session> {
    const seat = App.seatOf(input);
    const info = await this.engine.info(input);
    const session: Session = { source, text, scenario, input, seat, state, names: info.reporterNames, boardActive: info.boardActive, draft: null, proposals: [], extraReplays: [] };
    await this.prepareQuarter(session);
    return session;
  }

  /** Before planning a quarter: colleagues' proposals, and a fresh draft unless one was saved. */
  private async prepareQuarter(s: Session): Promise<void> {
    if (s.state.quarter >= s.input.quarters) {
      s.proposals = [];
      return;
    }
    s.proposals = await this.engine.proposals(head(s.state), [s.seat]);
    if (!s.draft || s.draft.quarter !== s.state.quarter + 1) s.draft = defaultDraft(this.planContext(s));
  }

  planContext(s: Session = this.session!): PlanContext {
    return planContextOf(s.state, s.seat, s.boardActive);
  }

  /**
   * Adds a structure to the debrief's replays and remembers it, so a reload
   * shows it again. A store that refuses the write costs only that memory,
   * never the replay.
   */
  async addReplay(regime: Regime): Promise<void> {
    const s = this.session;
    if (!s || s.extraReplays.includes(regime)) return;
    s.extraReplays.push(regime);
    await this.store.put([[REPLAYS_KEY, [...s.extraReplays]]]).catch(() => undefined);
  }

  /** Remembers the draft so a reload mid-plan keeps it. */
  async saveDraft(): Promise<void> {
    const s = this.session;
    if (!s?.draft) return;
    await this.store.put([[DRAFT_KEY, structuredClone(s.draft)]]);
  }

  async checkPlan(plan: QuarterPlan): Promise<PlanIssue[]> {
    return this.engine.check(head(this.session!.state), plan);
  }

  async askColleague(partner: string, opportunity: string, partnerOpportunity: string, days: number): Promise<JointDecision> {
    const s = this.session!;
    return this.engine.decide(head(s.state), { from: s.seat, to: partner, opportunity, partnerOpportunity, days });
  }

  /** Plays the quarter with the player's plan; saves before anything is shown. */
  async submit(plan: QuarterPlan): Promise<{ ok: true; record: QuarterRecord } | { ok: false; issues: PlanIssue[] }> {
    const s = this.session!;
    const out = await this.engine.step(head(s.state), [plan]);
    if (!out.ok) return { ok: false, issues: out.issues };
    s.state = { ...out.state, history: [...s.state.history, out.record] };
    s.draft = null;
    await this.save();
    await this.prepareQuarter(s);
    return { ok: true, record: out.record };
  }

  async save(): Promise<void> {
    const s = this.session;
    if (!s) return;
    const entries = saveEntries(
      {
        app: APP_VERSION,
        scenarioId: s.input.id,
        title: textOf(s.scenario.title, 'en'),
        titles: Object.fromEntries(LANGUAGES.map((lang) => [lang, textOf(s.scenario.title, lang)])),
        source: s.source,
        text: s.text,
        seat: s.seat,
        quarters: s.input.quarters,
      },
      s.state,
      this.savedUpTo + 1,
      new Date(),
    );
    await this.store.put(entries);
    this.savedUpTo = s.state.history.length;
  }

  /** The saved game's head: the one read at boot the first time, a fresh read after. */
  peekSave(): ReturnType<App['savedGame']> {
    const early = this.firstPeek;
    this.firstPeek = null;
    return early ?? this.savedGame();
  }

  async savedGame(): Promise<SavePeek> {
    if (this.modelRefused) return { ok: false, refusal: { reason: 'model' } };
    try {
      return await peekGame(this.store);
    } catch {
      return { ok: false, refusal: { reason: 'damaged' } };
    }
  }

  /** Continues the saved game exactly where it stopped; `scene` is the screen it stopped on. */
  async resume(): Promise<{ ok: true; scene: string } | { ok: false; refusal: Refusal }> {
    const loaded = await loadGame(this.store);
    if (!loaded.ok) return { ok: false, refusal: loaded.refusal };
    const { head: h, state, draft, screen, replays } = loaded.game;
    const parsed = await this.engine.load(h.text, h.source.kind === 'file' ? h.source.name : h.source.file);
    if (!parsed.ok) return { ok: false, refusal: { reason: 'damaged' } };
    // Played on under a model that has changed since the save, the game would no longer be the one played (nor
    // would its replays in the debrief start from it): replayed from its seed and the player's plans, every
    // quarter played must come out as saved.
    if (state.history.length > 0) {
      const again = await this.engine.replay(replayOf(state, h.seat, state.scenario.company.regime));
      if (!replayMatches(state.history, again.history)) {
        this.modelRefused = true;
        return { ok: false, refusal: { reason: 'model' } };
      }
    }
    // The saved run carries the scenario it was started with; texts come from the saved file.
    const session = await this.sessionFor(h.source, h.text, parsed.scenario, state.scenario, state);
    session.seat = h.seat;
    if (draft) session.draft = draft;
    // Checked against the structures there are where they are used (the debrief).
    session.extraReplays = replays as Regime[];
    this.session = session;
    this.savedUpTo = state.history.length;
    return { ok: true, scene: sceneFor(screen, state.history.length, state.scenario.quarters) };
  }

  async discardSave(): Promise<void> {
    await this.store.clear();
    this.modelRefused = false;
    this.session = null;
    this.savedUpTo = 0;
  }

  /** The game replayed under another regime: same seed, opportunities and the player's recorded plans. */
  async counterfactual(regime: Regime): Promise<RunState> {
    const s = this.session!;
    return this.engine.replay(replayOf(s.state, s.seat, regime));
  }

  /**
   * The luck check's stand-in on the game's own cards: the same scenario and
   * seed with every seat, the player's too, played by the computer. Its
   * reporter values per quarter.
   */
  async standInRun(): Promise<number[][]> {
    const s = this.session!;
    const [run] = await this.engine.runMany([{ scenario: s.state.scenario, seed: s.state.seed }]);
    return run!.quarters;
  }

  /** AI-only runs of the same scenario with other seeds, in batches so progress can be shown. */
  async luckRuns(count: number, progress: (done: number) => void): Promise<number[][][]> {
    const s = this.session!;
    const out: number[][][] = [];
    const batch = 10;
    for (let i = 0; i < count; i += batch) {
      const jobs = [];
      for (let j = i; j < Math.min(count, i + batch); j++) jobs.push({ scenario: s.state.scenario, seed: luckSeed(s.state.seed, j) });
      const results = await this.engine.runMany(jobs);
      for (const r of results) out.push(r.quarters);
      progress(out.length);
    }
    return out;
  }
}

function safeLocal<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

let instance: App | null = null;

export function createApp(): App {
  instance = new App(startEngine(), new IdbStore());
  return instance;
}

export function app(): App {
  if (!instance) throw new Error('the game is not started');
  return instance;
}
