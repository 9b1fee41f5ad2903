/**
 * The registration threads: validation and writing of API registrations off the main thread, so
 * that a server uses both cores — the main thread receives, parses, authorizes and answers; the
 * writer thread (registrationWorker.ts) validates (about 55 µs per record) and writes them with its
 * own connection to the embedded SQLite file (40–85 µs per record, by group size) and answers;
 * while it has work, a validator thread (registrationValidator.ts) checks large turns and hands them
 * over a MessagePort, so that they are validated while the writer writes. With validation and
 * writing always on one thread, that thread was 56–71 % busy at 5,958 records/s offered in batches
 * of 100 and the batches queued behind each other (p99 per batch 106–155 ms against 31 ms at 4,400/s;
 * bench/profileServer.ts, 1,000,000 stored). Measured with bench/profileServer.ts (BENCHMARKS.md "Ingest").
 *
 * The registrations of one main-thread event-loop turn go in one message: to the validator when
 * the turn has at least PIPELINE_RECORDS records and the writer has work, else straight to the
 * writer, which validates them itself. The writer handles requests in the order they were
 * submitted, whichever way they came, and writes every request that waited while it was busy in
 * the same transaction (group commit).
 * A checkpointer thread (src/store/checkpointer.ts) copies the WAL back into the database file,
 * so no commit of the writer waits for a checkpoint.
 * Used by the registrar (registrar.ts) for SQLite files; PostgreSQL writes are already
 * asynchronous and an in-memory SQLite database cannot be shared with another thread.
 */
import { MessageChannel, type Worker } from 'node:worker_threads';
import type { Issue } from '../../core/errors.ts';
import { startCheckpointer, type Checkpointer } from '../../store/checkpointer.ts';
import type { ParcelCheck, RawParcel } from './parcelValidator.ts';
import type { ScreeningHit } from './screening.ts';
import { tsWorker } from './tsWorker.ts';

/** workerData of the registration threads (each also gets its end of the MessagePort between them). */
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

/** One request as the validator hands it to the writer: a check per record, in order. */
export interface ValidatedRequest {
  readonly id: number;
  readonly writable: readonly boolean[];
  readonly createdAt: string;
  readonly checks: readonly ParcelCheck[];
}

/** Requests validated together and handed to the writer in one message. */
export interface ValidatedGroup {
  readonly requests: readonly ValidatedRequest[];
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

/**
 * A turn goes through the validator thread when it has at least this many records and earlier
 * turns are still owed answers (the writer has work); otherwise the writer validates it itself.
 * A second hop costs each record a copy of its checked values (~15 µs of serialising on the two
 * threads) and each turn a message, and splits the sender memories (senderMemo.ts) between two
 * threads: with every turn of 100 through the validator, the bench's single registrations after
 * its batch legs met a cold writer (4,203/s, 307 µs of server CPU each, against 5,570/s and 271 µs
 * with one thread); with every turn through it, 13 % fewer single registrations
 * (bench/profileServer.ts single, 256 clients: 4,700–4,900 against 5,450–5,660/s). So the
 * validator takes large turns only while the writer is busy: then it validates them while the
 * writer writes, which is when a batch would otherwise wait for validation and writing in turn.
 */
export const PIPELINE_RECORDS = 100;

/** Main-thread side: submit turns of registrations, receive answers in order per request. */
export class RegistrationThread {
  /** Validates the records of each request and hands them to the writer. */
  readonly #validator: Worker;
  /** Writes validated records and answers. */
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (a: ThreadAnswer[]) => void; reject: (e: unknown) => void }>();
  #next = 0;
  #failure: unknown = null;
  #exited: Promise<unknown>;
  readonly #checkpointer: Checkpointer;
  /** Commits made by the writer (for the bench and tests). */
  transactions = 0;
  /** Records sent through the validator thread (turns of at least PIPELINE_RECORDS; for the bench and tests). */
  pipelined = 0;
  /** Resolves when both threads have loaded their modules, the validator is warm and the writer's connection is open. */
  readonly ready: Promise<void>;

  constructor(init: ThreadInit) {
    this.#checkpointer = startCheckpointer(init.sqlitePath);
    const { port1, port2 } = new MessageChannel();
    this.#worker = tsWorker('./registrationWorker.ts', { workerData: { ...init, validator: port2 }, transferList: [port2] });
    this.#validator = tsWorker('./registrationValidator.ts', { workerData: { ...init, writer: port1 }, transferList: [port1] });
    const readyOf = (w: Worker) => new Promise<void>((resolve) => w.once('message', () => resolve()));
    this.ready = Promise.all([readyOf(this.#worker), readyOf(this.#validator)]).then(() => undefined);
    this.#worker.on('message', (m: ThreadReply | { ready: true }) => {
      if ('ready' in m) return;
      this.transactions += m.transactions;
      const p = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (this.#pending.size === 0) this.#ref(false);
      if ('error' in m) p?.reject(new Error(`parcel registration write failed: ${m.error}`));
      else p?.resolve(m.answers);
    });
    const exited = (w: Worker, name: string) => new Promise((resolve) => w.once('exit', (code) => {
      if (code !== 0) this.#fail(new Error(`registration ${name} thread exited with code ${code}`));
      resolve(code);
    }));
    for (const w of [this.#worker, this.#validator]) {
      w.unref();
      w.on('error', (e) => this.#fail(e));
    }
    this.#exited = Promise.all([exited(this.#worker, 'writer'), exited(this.#validator, 'validator')]);
  }

  /** Keep the process alive while answers are owed, not while the threads idle. */
  #ref(on: boolean): void {
    for (const w of [this.#worker, this.#validator]) {
      if (on) w.ref();
      else w.unref();
    }
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
      if (this.#pending.size === 1) this.#ref(true);
      const request: ThreadRequest = { id, records, writable, now: now.getTime(), createdAt };
      const writerBusy = this.#pending.size > 1;
      if (records.length >= PIPELINE_RECORDS && writerBusy) {
        this.pipelined += records.length;
        this.#validator.postMessage(request);
      } else this.#worker.postMessage(request);
    });
  }

  /** Close the writer's database connection and stop both threads (after the answers owed). */
  async close(): Promise<void> {
    while (this.#pending.size > 0 && !this.#failure) {
      await new Promise((r) => setTimeout(r, 5));
    }
    this.#ref(true);
    this.#validator.postMessage({ close: true });
    this.#worker.postMessage({ close: true });
    const timeout = setTimeout(() => {
      void this.#worker.terminate();
      void this.#validator.terminate();
    }, 5000);
    await this.#exited;
    clearTimeout(timeout);
    await this.#checkpointer.stop();
  }
}
