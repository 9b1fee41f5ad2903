/**
 * Validation on worker threads for bulk loads (import, demo): the main thread parses and
 * writes, the workers run `checkParcel` (about 60–70 µs of CPU per record: crypto, address and
 * time parsing), so a load uses every core. Validation costs more than parsing and writing
 * together, so there are as many workers as cores (the main thread's share is taken from them
 * by the scheduler). Chunks go round-robin and come back in order; `pipelined` keeps a number of
 * chunks, or of records, in flight. When a worker cannot start, validation runs in-process.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type ParcelCheck, type RawParcel, type ValidationMode } from './parcelValidator.ts';
import { tsWorker } from './tsWorker.ts';

export interface PoolOptions {
  readonly secret: Buffer;
  readonly mode: ValidationMode;
  readonly timezone: string;
  readonly now: Date;
  /** Worker threads (default: the machine's available parallelism, 1 to 4). */
  readonly workers?: number;
}

/** Default number of validation workers: one per core, at least 1, at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Validation worker threads with ordered, pipelined chunk requests. */
export class ValidationPool {
  readonly #workers: Worker[] = [];
  readonly #pending = new Map<number, { resolve: (c: ParcelCheck[]) => void; reject: (e: unknown) => void }>();
  readonly #options: PoolOptions;
  #next = 0;
  #failure: unknown = null;

  constructor(options: PoolOptions) {
    this.#options = options;
    const count = options.workers ?? defaultWorkerCount();
    for (let i = 0; i < count; i++) {
      let worker: Worker;
      try {
        worker = tsWorker('./validationWorker.ts', {
          workerData: { secret: new Uint8Array(options.secret), mode: options.mode, timezone: options.timezone, now: options.now.toISOString() },
        });
      } catch {
        break;
      }
      worker.on('message', (m: { id: number; checks: ParcelCheck[] }) => {
        const p = this.#pending.get(m.id);
        this.#pending.delete(m.id);
        p?.resolve(m.checks);
      });
      worker.on('error', (e) => this.#fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.#fail(new Error(`validation worker exited with code ${code}`));
      });
      this.#workers.push(worker);
    }
  }

  /** Worker threads running (0 = validation in-process). */
  get size(): number {
    return this.#workers.length;
  }

  #fail(e: unknown): void {
    this.#failure = e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }

  /**
   * Validate a chunk; resolves with one ParcelCheck per record, in order. `now` (default: the
   * pool's) is the clock of the future checks — a long-running server passes the current time.
   */
  check(records: readonly RawParcel[], now: Date = this.#options.now): Promise<ParcelCheck[]> {
    if (this.#workers.length === 0) {
      const keys = parcelCrypto(this.#options.secret);
      const o = this.#options;
      return Promise.resolve(records.map((r) => checkParcel(r, keys, { mode: o.mode, now, timezone: o.timezone })));
    }
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#workers[id % this.#workers.length]!.postMessage({ id, records, now: now.getTime() });
    });
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/**
 * Validate an (async) iterable of record chunks, yielding [chunk, checks] pairs in input order.
 * Chunks in flight: at least `inFlight.chunks` (default two per worker, at least 3) and, when
 * `inFlight.rows` is given, as many more as it takes to hold that many records — so that the
 * workers still have work while the consumer writes a batch (bulk-load callers pass about one
 * and a half of their write batch).
 */
export async function* pipelined<T>(
  pool: ValidationPool,
  chunks: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
  toRaw: (item: T) => RawParcel,
  inFlight: { readonly chunks?: number; readonly rows?: number } = {},
): AsyncGenerator<[readonly T[], ParcelCheck[]]> {
  const depth = inFlight.chunks ?? Math.max(3, 2 * pool.size);
  const rows = inFlight.rows ?? 0;
  const queue: Array<Promise<[readonly T[], ParcelCheck[]]>> = [];
  let queuedRows = 0;
  const next = async (): Promise<[readonly T[], ParcelCheck[]]> => {
    const done = await queue.shift()!;
    queuedRows -= done[0].length;
    return done;
  };
  for await (const chunk of chunks) {
    const p = pool.check(chunk.map(toRaw)).then((c): [readonly T[], ParcelCheck[]] => [chunk, c]);
    p.catch(() => undefined); // awaited below in order; this only keeps an early failure from being "unhandled"
    queue.push(p);
    queuedRows += chunk.length;
    if (queue.length >= depth && queuedRows >= rows) yield await next();
  }
  while (queue.length > 0) yield await next();
}
