/**
 * Phaser's core entry publishes itself on `global`, a name browsers do not
 * have; point it at `globalThis` before Phaser is evaluated.
 */
const g = globalThis as { global?: typeof globalThis };
g.global ??= globalThis;
export {};
