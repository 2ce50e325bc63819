/** Experiments: designs, seeds, factor paths, statistics and sensitivity. Pure, no I/O. Re-exports only. */
export * from './schema.js';
export * from './factors.js';
export * from './paths.js';
export * from './design.js';
export * from './lhs.js';
export * from './saltelli.js';
export * from './morris.js';
export * from './sobol-sequence.js';
export * from './seeds.js';
export * from './hash.js';
export * from './plan.js';
export * from './stats.js';
export * from './summary.js';
export * from './load.js';
export * from './canonical.js';
