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
import type SQLite from 'better-sqlite3';

export interface CheckpointerOptions {
  /** Pause between checkpoints when the WAL is nearly caught up, ms (default 250). */
  readonly intervalMs?: number;
  /** Frames left behind that make it go again at once (default 2,000). */
  readonly minFrames?: number;
}

/**
 * A running checkpointer; `stop()` resolves with the checkpoints that copied anything and the sum
 * of the frames each reported as checkpointed (SQLite counts every frame of the current WAL
 * copied so far, so a frame is counted again by each later checkpoint until the WAL restarts).
 */
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

/**
 * `wal_autocheckpoint` of a connection whose WAL a checkpointer thread looks after: the WAL pages
 * (about 400 MiB) past which a commit checkpoints itself, should the thread fall behind.
 */
export const CHECKPOINTER_FALLBACK_PAGES = 100_000;

/**
 * Run a bulk write on `sqlite` (the connection `fn` writes through) with its WAL checkpoints on
 * a checkpointer thread: the connection's `wal_autocheckpoint` is raised to 100,000 pages for the
 * duration — only a safety net, should the thread fall behind — and restored afterwards, and the
 * thread is stopped. Without it, every ~10,000 pages a commit of the load copied the WAL back
 * into the database file and synced it on the loading thread, which the validation workers then
 * waited for (bench/ingest.ts; BENCHMARKS.md "Ingest"). The price is disk: while the writer
 * keeps committing, a PASSIVE checkpoint rarely finds a moment to let the WAL restart, so the WAL
 * file grows towards the safety net (about 400 MiB; 428 MB after the 1,000,000-parcel demo load)
 * and keeps that size, below `journal_size_limit`, for later writes to re-use.
 * `sqlite` null (PostgreSQL) or an in-memory database: `fn` runs as is.
 * @returns what `fn` returns; rethrows what it throws (the thread is stopped either way).
 */
export async function withCheckpointer<T>(sqlite: SQLite.Database | null | undefined, fn: () => Promise<T>, options: CheckpointerOptions = {}): Promise<T> {
  if (!sqlite || sqlite.memory) return fn();
  const before = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  const checkpointer = startCheckpointer(sqlite.name, options);
  if (before > 0 && before < CHECKPOINTER_FALLBACK_PAGES) sqlite.pragma(`wal_autocheckpoint = ${CHECKPOINTER_FALLBACK_PAGES}`);
  try {
    return await fn();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${before}`);
    await checkpointer.stop();
  }
}
