/**
 * The batch worker thread: the engine host (workers/host.ts) plus `runChunk`,
 * exposed with comlink over the worker's parent port through the same Node
 * endpoint adapter the engine worker uses. Built to dist/workers/batch.worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import { nodeEndpoint } from '../../workers/node-endpoint.js';
import { batchHost } from './batch-host.js';

if (parentPort) expose(batchHost, nodeEndpoint(parentPort));
