/**
 * A WAL checkpointer on its own thread for an SQLite file (checkpointWorker.mjs): with it,
 * the connection that writes can raise its `wal_autocheckpoint` so that no commit runs a
 * checkpoint — copying thousands of pages back into the database file and syncing it, which
 * took 100 ms and more inside a commit once the parcels table held a million rows and made
 * the tail of registration latency (bench/ingest.ts; BENCHMARKS.md "Ingest").
 *
 * PASSIVE checkpoints (sqlite.org/c3ref/wal_checkpoint_v2.html) never block readers or
 * writers; the WAL file restarts from the beginning at the next write after a complete one.
 */
import { Worker } from 'node:worker_threads';

export interface CheckpointerOptions {
  /** Pause between checkpoints when the WAL is nearly caught up, ms (default 250). */
  readonly intervalMs?: number;
  /** Frames left behind that make it go again at once (default 2,000). */
  readonly minFrames?: number;
}

/** A running checkpointer; `stop()` resolves with how many checkpoints copied how many frames. */
export interface Checkpointer {
  stop(): Promise<{ checkpoints: number; frames: number }>;
}

/** Start checkpointing `file` (an SQLite database in WAL mode) on a worker thread. */
export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer {
  const worker = new Worker(new URL('./checkpointWorker.mjs', import.meta.url), {
    workerData: { file, intervalMs: options.intervalMs ?? 250, minFrames: options.minFrames ?? 2000 },
  });
  worker.unref();
  let result: Promise<{ checkpoints: number; frames: number }> | null = null;
  return {
    stop() {
      result ??= new Promise((resolve, reject) => {
        // Keep the process alive until the thread has stopped: an unreferenced worker's exit
        // does not, and a caller awaiting stop() with nothing else pending would end the process.
        worker.ref();
        let answer = { checkpoints: 0, frames: 0 };
        worker.on('message', (m: { checkpoints: number; frames: number }) => (answer = m));
        worker.once('error', reject);
        worker.once('exit', () => resolve(answer));
        worker.postMessage('stop');
      });
      return result;
    },
  };
}
