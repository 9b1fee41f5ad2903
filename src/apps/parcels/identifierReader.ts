/**
 * The identifier reader thread of person look-ups (SQLite files only): while the main thread
 * reads the parcels' other columns and builds the views, a thread with its own read-only
 * connection reads the same parcels' encrypted identifiers (sender ID number, sender phone,
 * receiver phone) and decrypts them (identifierReaderWorker.ts).
 *
 * Why: a look-up of a busy sender's ~290 parcels at 1,000,000 stored spent about a quarter of its
 * time on those three columns and their decryption (reading 0.2–0.3 ms, decrypting ~290 distinct
 * receiver phones 0.45 ms, the per-look-up memo 0.2 ms), on a 2-core machine whose second core is
 * idle during a look-up (bench/ingest.ts; BENCHMARKS.md "Ingest", twelfth session). Splitting by
 * columns, not rows, keeps the reply small (short plaintexts): rows sent from a thread cost about
 * as much to rebuild on the main thread as to read.
 *
 * A look-up of fewer than READER_MIN_PARCELS parcels, any look-up while the thread is starting
 * (about half a second after the first look-up), or after it failed, reads everything on the
 * main thread. The thread stops after IDLE_MS without a look-up and at `closeIdentifierReader`.
 */
import type { Worker } from 'node:worker_threads';
import { tsWorker } from './tsWorker.ts';
import type { Database } from '../../store/database.ts';

/** Fewest parcels for which a look-up uses the thread (below that the message hop costs more than it spares). */
export const READER_MIN_PARCELS = 64;

/**
 * The thread stops after this long without a request (ms): long enough that an investigator's
 * look-ups a few minutes apart find it up (a start costs about half a second of CPU, and the
 * look-up that starts it runs without it), short enough not to hold a connection all day.
 */
export const IDLE_MS = 10 * 60_000;

/** workerData of the reader thread. */
export interface ReaderInit {
  readonly secret: Uint8Array;
  readonly sqlitePath: string;
}

/** A request: parcel ids, newest first (repository `parcelIdsByKey`). */
export interface ReaderRequest {
  readonly id: number;
  readonly ids: readonly number[];
}

/**
 * The reply: the parcels found, newest first, and their decrypted identifiers, three per parcel
 * in `values` (sender ID number, sender phone, receiver phone; null where not stored).
 */
export type ReaderReply = { readonly id: number } & ({ readonly ids: number[]; readonly values: Array<string | null> } | { readonly error: string });

/** Decrypted identifiers of a look-up's parcels (see ReaderReply). */
export interface Identifiers {
  readonly ids: readonly number[];
  readonly values: ReadonlyArray<string | null>;
}

/** Main-thread side of the reader thread. */
export class IdentifierReader {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: Identifiers) => void; reject: (e: unknown) => void }>();
  #next = 0;
  #ready = false;
  #failure: unknown = null;
  #idle: NodeJS.Timeout | undefined;
  #closing = false;
  readonly #onStop: (failed: boolean) => void;
  /** Resolves when the thread has opened its connection and can take requests. */
  readonly ready: Promise<void>;
  /** Resolves when the thread has stopped. */
  readonly exited: Promise<void>;

  /** @param onStop called once the thread stops: `failed` when it ended otherwise than by `close`. */
  constructor(init: ReaderInit, onStop: (failed: boolean) => void) {
    this.#onStop = onStop;
    this.#worker = tsWorker('./identifierReaderWorker.ts', { workerData: init });
    this.#worker.unref();
    this.ready = new Promise((resolve) => this.#worker.once('message', () => {
      this.#ready = true;
      resolve();
    }));
    this.#worker.on('message', (m: ReaderReply | { ready: true }) => {
      if ('ready' in m) return;
      const p = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if ('error' in m) p?.reject(new Error(`identifier reader: ${m.error}`));
      else p?.resolve(m);
    });
    this.#worker.on('error', (e) => this.#fail(e));
    this.exited = new Promise((resolve) => this.#worker.once('exit', (code) => {
      this.#fail(new Error(`identifier reader thread exited with code ${code}`));
      resolve();
    }));
    this.#touch();
  }

  #fail(e: unknown): void {
    if (!this.#failure) this.#failure = e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
    clearTimeout(this.#idle);
    this.#onStop(!this.#closing);
  }

  #touch(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => void this.close(), IDLE_MS);
    this.#idle.unref();
  }

  /**
   * Read and decrypt the identifiers of these parcels on the thread; null when it cannot take the
   * request now (still starting, failed or stopped): the caller then reads them itself.
   */
  request(ids: readonly number[]): Promise<Identifiers> | null {
    if (!this.#ready || this.#failure) return null;
    this.#touch();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      this.#worker.postMessage({ id, ids } satisfies ReaderRequest);
    });
  }

  /** Stop the thread (after the replies owed). */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    this.#closing = true;
    this.#onStop(false);
    if (this.#failure) return;
    this.#worker.postMessage({ close: true });
    const timeout = setTimeout(() => void this.#worker.terminate(), 5000);
    timeout.unref();
    await this.exited;
    clearTimeout(timeout);
  }
}

const readers = new WeakMap<Database, IdentifierReader>();
/** Databases whose reader thread failed: not started again (their look-ups read everything on the main thread). */
const failed = new WeakSet<Database>();

/**
 * The reader thread of a database, started on first use; null on PostgreSQL and in-memory SQLite
 * (no file a second connection could open), and after a thread of this database failed (so a
 * thread that cannot start is not started again at every look-up). `secret`: the platform secret (32 bytes).
 */
export function identifierReaderFor(database: Database, secret: Buffer): IdentifierReader | null {
  const sqlite = database.sqlite;
  if (!sqlite || sqlite.memory || failed.has(database)) return null;
  let r = readers.get(database);
  if (!r) {
    const reader = new IdentifierReader({ secret: new Uint8Array(secret), sqlitePath: sqlite.name }, (broke) => {
      if (readers.get(database) === reader) readers.delete(database);
      if (broke) failed.add(database);
    });
    readers.set(database, (r = reader));
  }
  return r;
}

/** Stop the database's reader thread, if one runs (a closing server calls this). */
export async function closeIdentifierReader(database: Database): Promise<void> {
  await readers.get(database)?.close();
}
