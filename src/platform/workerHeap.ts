/**
 * Worker threads with a young generation of their own size.
 *
 * V8 sizes an isolate's young generation when the isolate starts, from `--max-semi-space-size`
 * if the process has it, else from a Worker's `resourceLimits` (the flag wins, so a server
 * started with `--max-semi-space-size=32` gives every worker 32 MiB whatever its limits say).
 * `startWorker` sets the flag for the new thread's isolate and puts the process's own value back
 * once the thread is online; isolates already running keep their size (a heap is not resized).
 *
 * Why a thread wants its own size: a scavenge copies what is alive, and a larger semi-space lets
 * more short-lived-but-not-yet-dead records accumulate between scavenges. On the parcel
 * registration thread (bench/profileServer.ts, 1,000,000 stored, live batches at 4,400
 * records/s) 32 MiB semi-spaces meant a scavenge every ~450 ms that kept ~3.5 MiB alive and
 * paused the thread 21.9 ms on average (up to 49 ms) — inside a batch's answer time; at 8 MiB,
 * 6.3 ms on average, four times as often, the same total time in scavenges.
 */
import v8 from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const FLAG = /--max-semi-space-size[= ](\d+)/;

/**
 * The process's own `--max-semi-space-size` in MiB (command line, then NODE_OPTIONS), or 0 when
 * it has none (V8's 0 = "not set": its default, or a Worker's resourceLimits).
 */
export function processSemiSpaceMiB(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): number {
  const m = FLAG.exec(execArgv.join(' ')) ?? FLAG.exec(nodeOptions);
  return m ? Number(m[1]) : 0;
}

/**
 * Start `new Worker(url, options)` whose isolate has semi-spaces of `semiSpaceMiB` MiB (its young
 * generation: two of them). The flag is process-wide until the thread is online (or fails to
 * start): a worker that other code starts in that window gets the same size.
 * @throws RangeError when semiSpaceMiB is not a positive integer; whatever `new Worker` throws.
 */
export function startWorker(url: URL, options: WorkerOptions, semiSpaceMiB: number): Worker {
  if (!Number.isInteger(semiSpaceMiB) || semiSpaceMiB <= 0) throw new RangeError(`semiSpaceMiB must be a positive integer, got ${semiSpaceMiB}`);
  const own = processSemiSpaceMiB();
  let restored = false;
  const restore = () => {
    if (!restored) v8.setFlagsFromString(`--max-semi-space-size=${own}`);
    restored = true;
  };
  v8.setFlagsFromString(`--max-semi-space-size=${semiSpaceMiB}`);
  let worker: Worker;
  try {
    worker = new Worker(url, options);
  } catch (e) {
    restore();
    throw e;
  }
  worker.once('online', restore);
  worker.once('error', restore);
  worker.once('exit', restore);
  return worker;
}
