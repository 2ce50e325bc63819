/**
 * The import rules of ARCHITECTURE.md: src/sim imports only itself (and
 * seedrandom); src/game never imports engine runtime code (types only);
 * src/cli never imports src/game.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

describe('architecture', () => {
  it('src/sim imports only itself and seedrandom', () => {
    const bad: string[] = [];
    for (const f of files('src/sim')) {
      for (const { spec } of imports(f)) {
        if (spec === 'seedrandom') continue;
        if (!spec.startsWith('.')) bad.push(`${f}: ${spec}`);
        else if (relative(join(ROOT, 'src/sim'), join(ROOT, f, '..', spec)).startsWith('..')) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/game uses the engine only through the worker (type imports from src/sim only)', () => {
    const bad: string[] = [];
    for (const f of files('src/game')) {
      for (const { spec, typeOnly } of imports(f)) {
        const target = spec.startsWith('.') ? relative(ROOT, join(ROOT, f, '..', spec)) : spec;
        if (target.startsWith('src/sim') && !typeOnly) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/cli never imports src/game', () => {
    const bad = files('src/cli').flatMap((f) =>
      imports(f)
        .filter(({ spec }) => spec.startsWith('.') && relative(ROOT, join(ROOT, f, '..', spec)).startsWith('src/game'))
        .map(({ spec }) => `${f}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/sim uses no global randomness, clock or timers', () => {
    const bad: string[] = [];
    for (const f of files('src/sim')) {
      const text = readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/Math\.random|Date\.now|new Date\(|performance\.now|setTimeout|setInterval/.test(text)) bad.push(f);
    }
    expect(bad).toEqual([]);
  });
});
