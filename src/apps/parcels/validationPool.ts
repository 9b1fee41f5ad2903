/**
 * Validation on a worker thread for bulk loads (import, demo): the main thread parses and
 * writes, one worker runs `checkParcel` (60–110 µs of CPU per record, mostly crypto, address
 * and time parsing), so a load uses both cores of a 2-core machine. Chunks keep their order;
 * up to `depth` chunks are in flight. When the worker cannot start, validation runs in-process.
 */
import { Worker } from 'node:worker_threads';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type ParcelCheck, type RawParcel, type ValidationMode } from './parcelValidator.ts';

export interface PoolOptions {
  readonly secret: Buffer;
  readonly mode: ValidationMode;
  readonly timezone: string;
  readonly now: Date;
}

/** A single validation worker with ordered, pipelined chunk requests. */
export class ValidationPool {
  readonly #worker: Worker | null;
  readonly #pending = new Map<number, { resolve: (c: ParcelCheck[]) => void; reject: (e: unknown) => void }>();
  readonly #options: PoolOptions;
  #next = 0;
  #failure: unknown = null;

  constructor(options: PoolOptions) {
    this.#options = options;
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL('./validationWorker.mjs', import.meta.url), {
        workerData: { secret: new Uint8Array(options.secret), mode: options.mode, timezone: options.timezone, now: options.now.toISOString() },
      });
      worker.on('message', (m: { id: number; checks: ParcelCheck[] }) => {
        const p = this.#pending.get(m.id);
        this.#pending.delete(m.id);
        p?.resolve(m.checks);
      });
      worker.on('error', (e) => this.#fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.#fail(new Error(`validation worker exited with code ${code}`));
      });
    } catch {
      worker = null;
    }
    this.#worker = worker;
  }

  #fail(e: unknown): void {
    this.#failure = e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }

  /** Validate a chunk; resolves with one ParcelCheck per record, in order. */
  check(records: readonly RawParcel[]): Promise<ParcelCheck[]> {
    if (!this.#worker) {
      const keys = parcelCrypto(this.#options.secret);
      const o = this.#options;
      return Promise.resolve(records.map((r) => checkParcel(r, keys, { mode: o.mode, now: o.now, timezone: o.timezone })));
    }
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker!.postMessage({ id, records });
    });
  }

  /** Stop the worker. */
  async close(): Promise<void> {
    if (this.#worker) await this.#worker.terminate();
  }
}

/**
 * Validate an (async) iterable of record chunks with up to `depth` chunks in flight, yielding
 * [chunk, checks] pairs in input order.
 */
export async function* pipelined<T>(pool: ValidationPool, chunks: AsyncIterable<readonly T[]> | Iterable<readonly T[]>, toRaw: (item: T) => RawParcel, depth = 3): AsyncGenerator<[readonly T[], ParcelCheck[]]> {
  const inflight: Array<Promise<[readonly T[], ParcelCheck[]]>> = [];
  for await (const chunk of chunks) {
    const p = pool.check(chunk.map(toRaw)).then((c): [readonly T[], ParcelCheck[]] => [chunk, c]);
    p.catch(() => undefined); // awaited below in order; this only keeps an early failure from being "unhandled"
    inflight.push(p);
    if (inflight.length >= depth) yield await inflight.shift()!;
  }
  while (inflight.length > 0) yield await inflight.shift()!;
}
