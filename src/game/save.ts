/**
 * Saving and resuming a game. A save is a head (what game, whose seat, the run
 * state at the last quarter boundary without its history, the draft plan of
 * the coming quarter, the screen of the quarter the player is on) plus one
 * entry per quarter played, so the save after a quarter writes only what is new. The store is IndexedDB in the browser;
 * everything else here is pure and tested with an in-memory store.
 * A save from another format is refused with a reason, never half-loaded.
 * Imports engine types only.
 */
import type { QuarterRecord, Regime, RunState } from '../sim/types';
import type { ReplayRequest } from '../../workers/host';
import type { Lang } from '../i18n/index';
import type { Draft } from './plan-draft';

export const SAVE_FORMAT = 'two-fronts/save@1';
export const RUN_STATE_FORMAT = 'two-fronts/run-state@1';

export type ScenarioSource = { kind: 'library'; file: string } | { kind: 'file'; name: string };

export interface SaveHead {
  format: string;
  /** Version of the game that wrote the save. */
  app: string;
  savedAt: string;
  scenarioId: string;
  /** The scenario title in English, for the resume card (and the only title older saves have). */
  title: string;
  /** The scenario title in each language, so the resume card speaks the language chosen now. */
  titles?: Partial<Record<Lang, string>>;
  source: ScenarioSource;
  /** The scenario file's text: a resumed game shows the same briefing and debrief. */
  text: string;
  seat: string;
  quarters: number;
  /** Quarters played; one `q:<n>` entry per quarter. */
  played: number;
  state: RunState;
}

/**
 * Where in the game the player is: a new game's briefing, the last quarter's
 * results or its report, or past them (planning the next quarter, or the
 * debrief after the last).
 */
export type Screen = 'briefing' | 'results' | 'report' | 'planning';
export const SCREENS: readonly Screen[] = ['briefing', 'results', 'report', 'planning'];

/** The stored screen, tied to the quarters played when it was written, so a stale one is ignored. */
export interface SavedScreen {
  played: number;
  screen: Screen;
}

export interface SavedGame {
  head: SaveHead;
  state: RunState;
  draft: Draft | null;
  screen: Screen;
  /** Structures added to the debrief's replays (REPLAYS_KEY). */
  replays: string[];
}

export type Refusal =
  | { reason: 'none' }
  | { reason: 'format'; found: string }
  | { reason: 'damaged' }
  /** Saved by a version whose model gives other results for the same plans: played on, the game would no longer be the one played. */
  | { reason: 'model' };

/** The game replayed under `regime`: its scenario and seed, the seat's recorded plans. */
export function replayOf(game: RunState, seat: string, regime: Regime): ReplayRequest {
  return { scenario: game.scenario, seed: game.seed, seats: [seat], plans: game.history.map((r) => r.plans.filter((p) => p.kam === seat)), regime };
}

/**
 * Whether a replay of the saved game (same scenario, seed, regime and the
 * player's recorded plans) gives every played quarter's reporters exactly as
 * saved. Not when the model changed between saving and resuming.
 */
export function replayMatches(saved: readonly QuarterRecord[], replayed: readonly QuarterRecord[]): boolean {
  return saved.every((rec, i) => {
    const again = replayed[i];
    return again !== undefined && again.quarter === rec.quarter && again.values.length === rec.values.length && rec.values.every((x, j) => Object.is(x, again.values[j]));
  });
}

export type LoadOutcome = { ok: true; game: SavedGame } | { ok: false; refusal: Refusal; head?: Partial<SaveHead> };

/** Where saves live: a small key-value store with atomic multi-key writes. */
export interface SaveStore {
  get(key: string): Promise<unknown>;
  /** Writes every entry, all or nothing. */
  put(entries: [string, unknown][]): Promise<void>;
  clear(): Promise<void>;
}

export const HEAD_KEY = 'head';
export const DRAFT_KEY = 'draft';
export const SCREEN_KEY = 'screen';
/** The structures the player added to the debrief's replays (beyond the scenario's own), so a reload shows them again. */
export const REPLAYS_KEY = 'replays';
export const quarterKey = (q: number) => `q:${q}`;

/** What to write after a quarter: the new head and the quarters not yet saved (normally just the last). */
export function saveEntries(head: Omit<SaveHead, 'state' | 'played' | 'format' | 'savedAt'>, state: RunState, from: number, now: Date): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (let q = Math.max(1, from); q <= state.history.length; q++) entries.push([quarterKey(q), state.history[q - 1]]);
  const full: SaveHead = {
    ...head,
    format: SAVE_FORMAT,
    savedAt: now.toISOString(),
    played: state.history.length,
    state: { ...state, history: [] },
  };
  entries.push([HEAD_KEY, full]);
  entries.push([DRAFT_KEY, null]);
  entries.push([REPLAYS_KEY, null]);
  // A quarter just played shows its results next; a game not yet begun opens on its briefing.
  entries.push([SCREEN_KEY, { played: full.played, screen: full.played > 0 ? 'results' : 'briefing' } satisfies SavedScreen]);
  return entries;
}

/** The screen stored for a game with `played` quarters; planning when none is stored or it is stale. */
export function screenOf(raw: unknown, played: number): Screen {
  if (!isObject(raw) || raw.played !== played) return 'planning';
  return SCREENS.includes(raw.screen as Screen) ? (raw.screen as Screen) : 'planning';
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The saved game's title in the language, else the English one. */
export function headTitle(head: Pick<SaveHead, 'title' | 'titles'>, lang: Lang): string {
  const own = isObject(head.titles) ? head.titles[lang] : undefined;
  return typeof own === 'string' && own.trim() !== '' ? own : head.title;
}

/** Checks a stored head before anything of it is used. */
export function checkHead(raw: unknown): { ok: true; head: SaveHead } | { ok: false; refusal: Refusal; head?: Partial<SaveHead> } {
  if (raw === undefined || raw === null) return { ok: false, refusal: { reason: 'none' } };
  if (!isObject(raw)) return { ok: false, refusal: { reason: 'damaged' } };
  const partial = raw as Partial<SaveHead>;
  if (raw.format !== SAVE_FORMAT) return { ok: false, refusal: { reason: 'format', found: String(raw.format ?? '?') }, head: partial };
  const state = raw.state;
  if (!isObject(state)) return { ok: false, refusal: { reason: 'damaged' }, head: partial };
  if (state.format !== RUN_STATE_FORMAT) return { ok: false, refusal: { reason: 'format', found: String(state.format ?? '?') }, head: partial };
  const ok =
    typeof raw.text === 'string' &&
    typeof raw.seat === 'string' &&
    typeof raw.played === 'number' &&
    Number.isInteger(raw.played) &&
    raw.played >= 0 &&
    state.quarter === raw.played &&
    isObject(state.scenario) &&
    isObject(state.accounts) &&
    Array.isArray(state.opportunities);
  return ok ? { ok: true, head: raw as unknown as SaveHead } : { ok: false, refusal: { reason: 'damaged' }, head: partial };
}

/** Reads the saved game: the head, every quarter played, the draft plan if any. */
export async function loadGame(store: SaveStore): Promise<LoadOutcome> {
  const checked = checkHead(await store.get(HEAD_KEY));
  if (!checked.ok) return checked;
  const { head } = checked;
  const history: QuarterRecord[] = [];
  for (let q = 1; q <= head.played; q++) {
    const rec = await store.get(quarterKey(q));
    if (!isObject(rec) || rec.quarter !== q || !Array.isArray(rec.values)) return { ok: false, refusal: { reason: 'damaged' }, head };
    history.push(rec as unknown as QuarterRecord);
  }
  const rawDraft = await store.get(DRAFT_KEY);
  const draft = isObject(rawDraft) && rawDraft.quarter === head.played + 1 ? (rawDraft as unknown as Draft) : null;
  const screen = screenOf(await store.get(SCREEN_KEY), head.played);
  const rawReplays = await store.get(REPLAYS_KEY);
  const replays = Array.isArray(rawReplays) ? rawReplays.filter((r): r is string => typeof r === 'string') : [];
  return { ok: true, game: { head, state: { ...head.state, history }, draft, screen, replays } };
}

/**
 * What a new game would throw away of the saved one: quarters still to play,
 * a debrief not yet seen (the game stopped on the last quarter's results or
 * report), or nothing worth a question.
 */
export function whatANewGameReplaces(head: Pick<SaveHead, 'played' | 'quarters'>, screen: Screen): 'quarters' | 'debrief' | null {
  if (head.played > 0 && head.played < head.quarters) return 'quarters';
  if (head.played > 0 && head.played >= head.quarters && screen !== 'planning') return 'debrief';
  return null;
}

/** What the title screen knows of the saved game: its head and screen, or why it cannot be continued. */
export type SavePeek = { ok: true; head: SaveHead; screen: Screen } | { ok: false; refusal: Refusal; head?: Partial<SaveHead> };

/** Only the head and the screen, for the title screen's resume card (cheap, no quarters read). */
export async function peekGame(store: SaveStore): Promise<SavePeek> {
  const checked = checkHead(await store.get(HEAD_KEY));
  if (!checked.ok) return checked;
  return { ...checked, screen: screenOf(await store.get(SCREEN_KEY), checked.head.played) };
}

// ---------------------------------------------------------------------------
// Stores.

export class MemoryStore implements SaveStore {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    const v = this.data.get(key);
    return v === undefined ? undefined : structuredClone(v);
  }
  async put(entries: [string, unknown][]): Promise<void> {
    for (const [k, v] of entries) this.data.set(k, structuredClone(v));
  }
  async clear(): Promise<void> {
    this.data.clear();
  }
}

const DB_NAME = 'two-fronts';
const STORE = 'save';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** IndexedDB: structured clone keeps every number exactly (NaN and −0 too), so a resumed game is bit-identical. */
export class IdbStore implements SaveStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      this.db = new Promise((resolve, reject) => {
        const r = indexedDB.open(DB_NAME, 1);
        r.onupgradeneeded = () => {
          if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
        };
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
        r.onblocked = () => reject(new Error('the saved-games database is blocked by another tab'));
      });
    }
    return this.db;
  }

  async get(key: string): Promise<unknown> {
    const db = await this.open();
    return request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
  }

  async put(entries: [string, unknown][]): Promise<void> {
    const db = await this.open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const [k, v] of entries) store.put(v, k);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('save aborted'));
    });
  }

  async clear(): Promise<void> {
    const db = await this.open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
}

/**
 * A short code for a game's results: the exact bits of every reporter of every
 * quarter. Two games with the same scenario, seed and plans show the same
 * code (trainers can compare tables; the tests check resumed games with it).
 */
export function fingerprint(history: readonly QuarterRecord[]): string {
  const view = new DataView(new ArrayBuffer(8));
  let h1 = 0x811c9dc5;
  let h2 = 0x01234567;
  const mix = (h: number, x: number) => Math.imul(h ^ x, 0x01000193) >>> 0;
  for (const rec of history) {
    for (const x of [rec.quarter, ...rec.values]) {
      view.setFloat64(0, x);
      const lo = view.getUint32(0);
      const hi = view.getUint32(4);
      h1 = mix(mix(h1, lo), hi);
      h2 = mix(mix(h2, hi), lo ^ 0x9e3779b9);
    }
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 12);
}
