/**
 * Worker threads of the parcels application (registration writer and validator, validation pool,
 * identifier reader): each runs one TypeScript module of this folder through one bootstrap,
 * tsWorker.mjs, which registers tsx's loader first.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running `module` (a path relative to this folder, e.g. './registrationWorker.ts').
 * `options.workerData` must be an object; the module reads it as usual (with one more field, `entry`).
 */
export function tsWorker(module: string, options: WorkerOptions & { workerData: object }): Worker {
  return new Worker(new URL('./tsWorker.mjs', import.meta.url), { ...options, workerData: { ...options.workerData, entry: new URL(module, import.meta.url).href } });
}
