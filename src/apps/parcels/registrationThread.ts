/**
 * The registration thread: validation and writing of API registrations on a worker thread
 * (registrationWorker.ts) with its own connection to the embedded SQLite file, so that a
 * server uses both cores — the main thread receives, parses, authorizes and answers; the
 * worker validates (about 55 µs per record) and writes (40–85 µs per record, by group size).
 * Measured with bench/profileServer.ts (BENCHMARKS.md "Ingest").
 *
 * The registrations of one main-thread event-loop turn go in one message; the worker
 * validates and writes every message that waited while it was busy in the same transaction.
 * A checkpointer thread (src/store/checkpointer.ts) copies the WAL back into the database file,
 * so no commit of the worker waits for a checkpoint.
 * Used by the registrar (registrar.ts) for SQLite files; PostgreSQL writes are already
 * asynchronous and an in-memory SQLite database cannot be shared with another thread.
 */
import { Worker } from 'node:worker_threads';
import type { Issue } from '../../core/errors.ts';
import { startCheckpointer, type Checkpointer } from '../../store/checkpointer.ts';
import type { RawParcel } from './parcelValidator.ts';
import type { ScreeningHit } from './screening.ts';

/** workerData of the registration worker. */
export interface ThreadInit {
  readonly secret: Uint8Array;
  readonly sqlitePath: string;
  readonly timezone: string;
  readonly maxBatch: number;
  readonly cacheMiB: number;
}

/** One main-thread turn of registrations. `writable[i]` false: validate only (e.g. another outlet's record). */
export interface ThreadRequest {
  readonly id: number;
  readonly records: readonly RawParcel[];
  readonly writable: readonly boolean[];
  /** Clock of the checks (ms since the epoch) and the rows' created_at (ISO). */
  readonly now: number;
  readonly createdAt: string;
}

/** The worker's answer for one record: `id` set when it is stored (or was, `duplicate`). */
export interface ThreadAnswer {
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly flags: readonly ScreeningHit[];
  readonly id?: number;
  readonly duplicate?: boolean;
}

/** The worker's reply for one request; `transactions` counts commits since its last reply. */
export type ThreadReply = { readonly id: number; readonly transactions: number } & ({ readonly answers: ThreadAnswer[] } | { readonly error: string });

/** Main-thread side: submit turns of registrations, receive answers in order per request. */
export class RegistrationThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (a: ThreadAnswer[]) => void; reject: (e: unknown) => void }>();
  #next = 0;
  #failure: unknown = null;
  #exited: Promise<void>;
  readonly #checkpointer: Checkpointer;
  /** Commits made by the worker (for the bench and tests). */
  transactions = 0;
  /** Resolves when the worker has loaded its modules and opened its connection. */
  readonly ready: Promise<void>;
  #onReady: () => void = () => undefined;

  constructor(init: ThreadInit) {
    this.#checkpointer = startCheckpointer(init.sqlitePath);
    this.#worker = new Worker(new URL('./registrationWorker.mjs', import.meta.url), { workerData: init });
    this.#worker.unref();
    this.ready = new Promise((resolve) => (this.#onReady = resolve));
    this.#worker.on('message', (m: ThreadReply | { ready: true }) => {
      if ('ready' in m) return this.#onReady();
      this.transactions += m.transactions;
      const p = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if ('error' in m) p?.reject(new Error(`parcel registration write failed: ${m.error}`));
      else p?.resolve(m.answers);
    });
    this.#worker.on('error', (e) => this.#fail(e));
    this.#exited = new Promise((resolve) => this.#worker.once('exit', (code) => {
      if (code !== 0) this.#fail(new Error(`registration worker exited with code ${code}`));
      resolve();
    }));
  }

  #fail(e: unknown): void {
    this.#failure = e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }

  /** Validate and store one turn of records; resolves with one answer per record, in order. */
  submit(records: readonly RawParcel[], writable: readonly boolean[], now: Date, createdAt: string): Promise<ThreadAnswer[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // Keep the process alive while answers are owed, not while the thread idles.
      if (this.#pending.size === 1) this.#worker.ref();
      const request: ThreadRequest = { id, records, writable, now: now.getTime(), createdAt };
      this.#worker.postMessage(request);
    });
  }

  /** Close the worker's database connection and stop it (after the answers owed). */
  async close(): Promise<void> {
    while (this.#pending.size > 0 && !this.#failure) {
      await new Promise((r) => setTimeout(r, 5));
    }
    this.#worker.ref();
    this.#worker.postMessage({ close: true });
    const timeout = setTimeout(() => void this.#worker.terminate(), 5000);
    await this.#exited;
    clearTimeout(timeout);
    await this.#checkpointer.stop();
  }
}
