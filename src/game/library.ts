/**
 * The shipped scenario library (scenarios/*.yaml, bundled as text) and its
 * reading by the engine worker, started as early as the page loads and shared
 * by whoever asks for it later.
 * Imports engine types only.
 */
import type { LoadResult } from '../../workers/host';
import type { Engine } from './engine';

export const SCENARIO_FILES: Record<string, string> = import.meta.glob<string>('../../scenarios/*.{yaml,yml,json}', { query: '?raw', import: 'default', eager: true });

export interface ReadFile {
  file: string;
  text: string;
  result: LoadResult;
}

let reading: Promise<ReadFile[]> | null = null;

export function readLibrary(engine: Engine): Promise<ReadFile[]> {
  if (!reading) {
    const entries = Object.entries(SCENARIO_FILES).sort(([a], [b]) => a.localeCompare(b));
    reading = Promise.all(
      entries.map(async ([path, text]) => {
        const file = path.split('/').pop()!;
        return { file, text, result: await engine.load(text, file) };
      }),
    );
  }
  return reading;
}
