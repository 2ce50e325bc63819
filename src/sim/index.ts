/** The engine's public surface. Re-exports only. */
export * from './types.js';
export * from './params.js';
export * from './step.js';
export * from './run.js';
export * from './plans.js';
export * from './planning.js';
export * from './joint.js';
export * from './reporters.js';
export * from './alignment.js';
export * from './contest.js';
export * from './delivery.js';
export * from './hash.js';
export { worldOf } from './world.js';
export { boardView } from './board.js';
export { PERSONA_SPLITS, ADAPTIVE_START, personaOf } from './personas.js';
export { oppTable } from './matrix.js';
export * from './summary.js';
