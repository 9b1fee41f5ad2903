/**
 * Registration service with group commit (收寄登记): single and batch registrations from the API,
 * validated under the counter policy (parcelValidator.ts, mode 'api'), then queued. Validation is
 * grouped too: the records that arrive in one event-loop turn are validated together. On an
 * embedded SQLite file, validation and writing run on the registration threads
 * (registrationThread.ts: a validator for large turns and a writer with its own connection, so a
 * server uses both cores and its event loop never waits for a commit or a WAL checkpoint);
 * otherwise (PostgreSQL, in-memory SQLite, or `thread: false`) in-process. The queue is written in
 * one transaction at the end of the event-loop turn in which records arrived (setImmediate: every
 * request whose bytes came in the same poll joins the same transaction), or after `maxDelayMs` when
 * set, or as soon as `maxBatch` records wait — one commit for many concurrent requests instead of
 * one per request (the classic group commit of database logs).
 *
 * Idempotent on (courier, waybillNo): re-submitting the same parcel answers ok with
 * `duplicate: true` and the stored id; the same key with different content is refused with
 * PARCEL_CONFLICT (README.md).
 */
import type { Issue } from '../../core/errors.ts';
import { AppError, issue } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { ParcelErrors } from './errors.ts';
import { emptyStats, storeChecked } from './loader.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type ParcelCheck, type RawParcel } from './parcelValidator.ts';
import { RegistrationThread, type ThreadAnswer } from './registrationThread.ts';
import type { ScreeningHit } from './screening.ts';

/** The answer for one record of a registration. */
export interface RegistrationResult {
  /** 0-based position in the request (0 for a single registration). */
  readonly index: number;
  readonly ok: boolean;
  /** The parcel id (new, or the stored one when `duplicate`). */
  readonly id?: number;
  /** True when the same parcel was already registered (nothing inserted). */
  readonly duplicate?: boolean;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** Prohibited-item hits of the item description. */
  readonly flags: readonly ScreeningHit[];
}

export interface RegistrarOptions {
  /** Records per transaction at most (default 2,000). */
  readonly maxBatch?: number;
  /** Longest wait before a queued record is written, ms; 0 (default) = at the end of this event-loop turn. */
  readonly maxDelayMs?: number;
  /**
   * Validate and write on the registration thread (default: true on an SQLite file, where it
   * is possible; ignored elsewhere). Measured on the 2-core machine (bench/profileServer.ts,
   * BENCHMARKS.md "Ingest"). Validation-only workers were measured too and rejected: they cost
   * more CPU in copies and cold caches than they took off the main thread, which still wrote.
   */
  readonly thread?: boolean;
}

interface Intake {
  readonly record: RawParcel;
  readonly resolve: (c: ParcelCheck) => void;
  readonly reject: (e: unknown) => void;
}

/** Who registers: a clerk is limited to their own outlet (policy parcel.register, ownOutletOnly). */
export interface Registrant {
  /** When set, every record's outlet must equal it (an empty outlet is filled with it). */
  readonly outlet?: string | null;
}

/** The registrations of one event-loop turn, sent to the registration thread together. */
interface Turn {
  readonly records: RawParcel[];
  readonly writable: boolean[];
  readonly all: Promise<ThreadAnswer[]>;
}

interface Pending {
  check: ParcelCheck;
  resolve: (r: { id: number; duplicate: boolean } | { errors: readonly Issue[] }) => void;
  reject: (e: unknown) => void;
}

/** The group-commit queue of one platform context. */
export class ParcelRegistrar {
  readonly #ctx: PlatformContext;
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  readonly #threaded: boolean;
  #thread: RegistrationThread | null = null;
  #turn: Turn | null = null;
  #intake: Intake[] = [];
  #intakeScheduled = false;
  #queue: Pending[] = [];
  /** Cancels the scheduled flush, when one is scheduled. */
  #timer: (() => void) | undefined;
  #writing: Promise<void> | undefined;
  #closed = false;
  /** Transactions written and records in them (for the bench and tests). */
  readonly #counters = { transactions: 0, records: 0, onThread: 0 };

  constructor(ctx: PlatformContext, options: RegistrarOptions = {}) {
    this.#ctx = ctx;
    this.#maxBatch = options.maxBatch ?? 2000;
    this.#maxDelayMs = options.maxDelayMs ?? 0;
    const sqlite = ctx.database.sqlite;
    this.#threaded = Boolean((options.thread ?? true) && sqlite && !sqlite.memory);
  }

  /** The registration thread, started on first use (about a second: module load and JIT). */
  #threadNow(): RegistrationThread | null {
    if (!this.#threaded) return null;
    const sqlite = this.#ctx.database.sqlite!;
    this.#thread ??= new RegistrationThread({ secret: new Uint8Array(this.#ctx.secret), sqlitePath: sqlite.name, timezone: this.#ctx.config.timezone, maxBatch: this.#maxBatch, cacheMiB: 256 });
    return this.#thread;
  }

  /** Start the registration thread now rather than at the first registration (a listening server calls this). */
  warm(): void {
    if (!this.#closed) this.#threadNow();
  }

  /** Start the registration thread if need be and resolve when it can take records (at once without one). */
  async ready(): Promise<void> {
    this.warm();
    await this.#thread?.ready;
  }

  /** Transactions written, records in them and records handled on the registration thread (for the bench and tests). */
  get counters(): { transactions: number; records: number; onThread: number; onValidator: number } {
    return { ...this.#counters, transactions: this.#counters.transactions + (this.#thread?.transactions ?? 0), onValidator: this.#thread?.pipelined ?? 0 };
  }

  /** True when registrations are validated and written on the registration thread. */
  get threaded(): boolean {
    return this.#threaded;
  }

  /** Submit records with the others of this event-loop turn to the registration thread. */
  #submit(thread: RegistrationThread, records: readonly RawParcel[], writable: readonly boolean[]): Promise<ThreadAnswer[]> {
    let turn = this.#turn;
    if (!turn) {
      const records: RawParcel[] = [];
      const writable: boolean[] = [];
      const all = new Promise<ThreadAnswer[]>((resolve, reject) => {
        setImmediate(() => {
          this.#turn = null;
          const now = this.#ctx.now();
          thread.submit(records, writable, now, now.toISOString()).then(resolve, reject);
        });
      });
      this.#turn = turn = { records, writable, all };
    }
    const start = turn.records.length;
    for (let i = 0; i < records.length; i++) {
      turn.records.push(records[i]!);
      turn.writable.push(writable[i]!);
    }
    this.#counters.onThread += records.length;
    this.#counters.records += records.length;
    return turn.all.then((answers) => answers.slice(start, start + records.length));
  }

  /** Validate records with the others of this event-loop turn (see the module doc). */
  #validate(records: readonly RawParcel[]): Promise<ParcelCheck[]> {
    const out = records.map((record) => new Promise<ParcelCheck>((resolve, reject) => this.#intake.push({ record, resolve, reject })));
    if (!this.#intakeScheduled) {
      this.#intakeScheduled = true;
      setImmediate(() => this.#drainIntake());
    }
    return Promise.all(out);
  }

  #drainIntake(): void {
    this.#intakeScheduled = false;
    const items = this.#intake;
    this.#intake = [];
    if (items.length === 0) return;
    const now = this.#ctx.now();
    const keys = parcelCrypto(this.#ctx.secret);
    const tz = this.#ctx.config.timezone;
    for (const i of items) {
      try {
        i.resolve(checkParcel(i.record, keys, { mode: 'api', now, timezone: tz }));
      } catch (e) {
        i.reject(e);
      }
    }
  }

  /**
   * Register records (1 to 1,000). Returns one result per record, in order; never throws for
   * bad records. @throws AppError PARCEL_BATCH_TOO_LARGE, PARCEL_QUEUE_CLOSED.
   */
  async register(records: readonly RawParcel[], who: Registrant = {}): Promise<RegistrationResult[]> {
    if (this.#closed) throw new AppError(ParcelErrors.PARCEL_QUEUE_CLOSED);
    if (records.length > 1000) throw new AppError(ParcelErrors.PARCEL_BATCH_TOO_LARGE, { max: 1000, count: records.length });
    const own = who.outlet;
    const recs = records.map((raw) => (own && (raw.outlet === undefined || String(raw.outlet).trim() === '') ? { ...raw, outlet: own } : raw));
    const thread = this.#threadNow();
    if (thread) {
      const foreign = recs.map((rec) => Boolean(own && String(rec.outlet).trim() !== own));
      const answers = await this.#submit(thread, recs, foreign.map((f) => !f));
      return answers.map((a, index): RegistrationResult => {
        if (foreign[index]) return { index, ok: false, errors: [issue(ParcelErrors.PARCEL_OUTLET_NOT_OWN, { outlet: own ?? null }, 'outlet'), ...a.errors], warnings: a.warnings, flags: a.flags };
        if (a.id === undefined) return { index, ok: false, errors: a.errors, warnings: a.warnings, flags: a.flags };
        return { index, ok: true, id: a.id, duplicate: a.duplicate, errors: [], warnings: a.warnings, flags: a.flags };
      });
    }
    const checks = await this.#validate(recs);
    return Promise.all(
      recs.map(async (rec, index): Promise<RegistrationResult> => {
        const check = checks[index]!;
        if (own && String(rec.outlet).trim() !== own) {
          return { index, ok: false, errors: [issue(ParcelErrors.PARCEL_OUTLET_NOT_OWN, { outlet: own }, 'outlet'), ...check.errors], warnings: check.warnings, flags: check.flags };
        }
        if (!check.values) return { index, ok: false, errors: check.errors, warnings: check.warnings, flags: check.flags };
        const stored = await this.#enqueue(check);
        if ('errors' in stored) return { index, ok: false, errors: stored.errors, warnings: check.warnings, flags: check.flags };
        return { index, ok: true, id: stored.id, duplicate: stored.duplicate, errors: [], warnings: check.warnings, flags: check.flags };
      }),
    );
  }

  #enqueue(check: ParcelCheck): Promise<{ id: number; duplicate: boolean } | { errors: readonly Issue[] }> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ check, resolve, reject });
      if (this.#queue.length >= this.#maxBatch) {
        if (!this.#writing) this.#kick(0);
      } else if (!this.#timer) this.#kick(this.#maxDelayMs);
    });
  }

  #kick(delay: number): void {
    this.#cancelTimer();
    const fire = () => {
      this.#timer = undefined;
      void this.#flush();
    };
    if (delay > 0) {
      const handle = setTimeout(fire, delay);
      this.#timer = () => clearTimeout(handle);
    } else {
      const handle = setImmediate(fire);
      this.#timer = () => clearImmediate(handle);
    }
  }

  #cancelTimer(): void {
    this.#timer?.();
    this.#timer = undefined;
  }

  async #flush(): Promise<void> {
    if (this.#writing) return;
    while (this.#queue.length > 0) {
      const take = this.#queue.splice(0, this.#maxBatch);
      this.#writing = this.#write(take);
      await this.#writing;
      this.#writing = undefined;
    }
  }

  async #write(items: Pending[]): Promise<void> {
    try {
      const meta = { source: 'api' as const, runId: null, createdAt: this.#ctx.now().toISOString() };
      const outcomes = await storeChecked(this.#ctx, items.map((p) => p.check), meta, emptyStats());
      this.#counters.transactions += 1;
      this.#counters.records += items.length;
      outcomes.forEach((o, i) => items[i]!.resolve('errors' in o ? o : { id: o.id, duplicate: o.status === 'duplicate' }));
    } catch (e) {
      for (const p of items) p.reject(e);
    }
  }

  /** Stop accepting records and wait until the queue is written. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#cancelTimer();
    if (this.#writing) await this.#writing;
    await this.#flush();
    // Answers owed by the thread come before it stops (a turn still being gathered is sent at setImmediate).
    await new Promise((r) => setImmediate(r));
    await this.#thread?.close();
  }
}

const registrars = new WeakMap<PlatformContext, ParcelRegistrar>();

/** The registrar of a platform context (one queue per open database). */
export function registrarFor(ctx: PlatformContext, options?: RegistrarOptions): ParcelRegistrar {
  let r = registrars.get(ctx);
  if (!r) registrars.set(ctx, (r = new ParcelRegistrar(ctx, options)));
  return r;
}
