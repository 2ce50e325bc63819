/** Shared test helpers: loading shipped scenarios, small statistics for effect sizes. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, type LoadedScenario } from '../src/scenario/load.js';
import { emptyPlan, type QuarterPlan, type RunState, type ScenarioInput } from '../src/sim/index.js';

export const ROOT = join(import.meta.dirname, '..');

export function shipped(id: string): LoadedScenario {
  const file = join(ROOT, 'scenarios', `${id}.yaml`);
  return loadScenario(readFileSync(file, 'utf8'), file);
}

export function shippedIds(): string[] {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/**
 * A two-department scenario small enough to read in a test, valid as written.
 * Messages are checked at its lines and columns, so edit it with care. acme
 * writes its needs out (engineering only); globex leaves them out (every
 * department equally); nobody lists relationships.
 */
export const SMALL_SCENARIO = `format: two-fronts/scenario@1
id: base
title: "Base"
departments:
  - { id: engineering, name: "Engineering", capacity: 60 }
  - { id: service, name: "Service", capacity: 50 }
accounts:
  - { id: acme, name: "Acme", wallet: 400, needs: { engineering: 1 } }
  - { id: globex, name: "Globex", wallet: 700 }
kams:
  - { id: you, name: "You", accounts: [acme], control: player, persona: analyst }
  - { id: bram, name: "Bram", accounts: [globex], persona: heavyweight }
`;

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

/** Cohen's d for paired samples: mean difference over the sd of differences (d_z). */
export function pairedD(a: readonly number[], b: readonly number[]): { diff: number; d: number; t: number } {
  const diffs = a.map((x, i) => x - b[i]!);
  const m = mean(diffs);
  const s = sd(diffs);
  return { diff: m, d: s > 0 ? m / s : Infinity * Math.sign(m), t: s > 0 ? (m / s) * Math.sqrt(diffs.length) : Infinity * Math.sign(m) };
}

export function report(name: string, fields: Record<string, number | string>): void {
  const text = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3)) : v}`)
    .join(' ');
  console.log(`[effect] ${name}: ${text}`);
}

/**
 * A player's plan in a quarter: every opportunity of the seat's accounts
 * pursued, asking `share` of each need, and `customerDays` with each living
 * account of the seat. Tests add lobbying and the like to it.
 */
export function pursueAll(scenario: ScenarioInput, seat: string, state: RunState, share: number, customerDays: number): QuarterPlan {
  const own = new Set(scenario.kams.find((k) => k.id === seat)!.accounts);
  const plan = emptyPlan(seat);
  for (const o of state.opportunities) {
    if (!own.has(o.account)) continue;
    const capacity: Record<string, number> = {};
    scenario.departments.forEach((d, i) => {
      if (o.needs[i]! > 0) capacity[d.id] = o.needs[i]! * share;
    });
    plan.requests.push({ opportunity: o.id, capacity });
  }
  scenario.accounts.forEach((a, i) => {
    if (own.has(a.id) && state.accounts.alive[i]) plan.customer[a.id] = customerDays;
  });
  return plan;
}
