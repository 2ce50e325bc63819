/**
 * One engine, two runtimes: the same scenario, seed and plans give the same
 * results, bit for bit, in the browser's engine worker and in Node. The game
 * code on a quarter's report hashes the exact bits of every reporter of every
 * quarter played; Node plays the same quarters with the plans the game
 * submits when the player changes nothing (the draft it starts from). And the
 * engine itself, built for the browser, runs every shipped scenario to the
 * same result hashes as in Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { defaultDraft, planContextOf, toPlan } from '../../src/game/plan-draft';
import { fingerprint } from '../../src/game/save';
import { loadScenario } from '../../src/scenario/load';
import { createRun, resultHash, simulate, step, worldOf } from '../../src/sim/index';
import { finishQuarter, startTutorial, watchConsole } from './helpers';

test('the browser and Node give bit-identical results for the same scenario, seed and plans', async ({ page }) => {
  test.setTimeout(120_000);
  const quarters = 8;
  const { input } = loadScenario(readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8'), 'tutorial.yaml');
  const seat = (input.kams.find((k) => k.control === 'player') ?? input.kams[0]!).id;
  let state = createRun(input);
  const inNode: string[] = [];
  for (let q = 1; q <= quarters; q++) {
    const ctx = planContextOf(state, seat, worldOf(input).boardActive);
    state = step(state, [toPlan(defaultDraft(ctx), ctx)]).state;
    inNode.push(fingerprint(state.history));
  }
  // Different quarters give different codes, so equal codes below compare results, not a constant.
  expect(new Set(inNode).size).toBe(quarters);

  const watch = watchConsole(page);
  await page.goto('/');
  await startTutorial(page);
  const inBrowser: string[] = [];
  for (let q = 1; q <= quarters; q++) inBrowser.push(await finishQuarter(page, q, quarters));
  expect(inBrowser).toEqual(inNode);
  expect(watch.problems).toEqual([]);
});

test('the engine built for the browser gives Node\'s result hashes for every shipped scenario and several seeds', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = new URL('../../scenarios/', import.meta.url);
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadScenario(readFileSync(new URL(f, dir), 'utf8'), f).input);
  expect(inputs.length).toBeGreaterThanOrEqual(6);
  const seeds = [1, 2, 3];
  const inNode = inputs.map((input) => seeds.map((seed) => resultHash(simulate(input, { seed }))));

  // The engine as one browser script, built the way the game builds it.
  const built = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: new URL('../../src/sim/index.ts', import.meta.url).pathname, name: 'TwoFrontsEngine', formats: ['iife'], fileName: 'engine' } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const code = (Array.isArray(built) ? built[0]! : built).output[0].code;
  // A blank page: the game's own pages allow no inline script.
  await page.setContent('<!doctype html><title>engine</title>');
  await page.addScriptTag({ content: code });
  const inBrowser = await page.evaluate(
    ({ inputs, seeds }) => {
      const engine = (globalThis as unknown as { TwoFrontsEngine: { simulate: typeof simulate; resultHash: typeof resultHash } }).TwoFrontsEngine;
      return inputs.map((input) => seeds.map((seed) => engine.resultHash(engine.simulate(input, { seed }))));
    },
    { inputs, seeds },
  );
  expect(inBrowser).toEqual(inNode);
});
