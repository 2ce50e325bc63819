/**
 * The engine in a worker: exposes the engine host with comlink. The same file
 * runs as a browser Web Worker (the game) and as a Node worker_threads worker
 * (the command line's pool); in Node the parent port goes through the
 * endpoint adapter.
 */
import { expose } from 'comlink';
import { engineHost } from './host.js';
import { nodeEndpoint, type NodePort } from './node-endpoint.js';

declare const process: { versions?: { node?: string } } | undefined;

const inNode = typeof process !== 'undefined' && process?.versions?.node !== undefined;

if (inNode) {
  // Hidden from the browser bundle: only Node ever evaluates this import.
  const threads = 'node:worker_threads';
  const { parentPort } = (await import(/* @vite-ignore */ threads)) as { parentPort: NodePort | null };
  if (parentPort) expose(engineHost, nodeEndpoint(parentPort));
} else {
  expose(engineHost);
}
