/** The scenario format: schema, loader, resolution and texts. Re-exports only. */
export * from './schema.js';
export * from './document.js';
export * from './load.js';
export * from './resolve.js';
