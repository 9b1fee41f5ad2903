/**
 * Registration service with group commit (收寄登记): single and batch registrations from the
 * API, validated under the counter policy (parcelValidator.ts, mode 'api'), then queued.
 * Validation is grouped too: the records that arrive in one event-loop turn are validated
 * together — in-process by default, or as one chunk on validation workers (validationPool.ts)
 * when the registrar is given workers. The queue is written in one transaction at the end of the event-loop turn in which
 * records arrived (setImmediate: every request whose bytes came in the same poll joins the same
 * transaction), or after `maxDelayMs` when set, or as soon as `maxBatch` records wait — one
 * commit for many concurrent requests instead of one per request (the classic group commit of
 * database logs).
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
import { ValidationPool } from './validationPool.ts';
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
   * Validation workers (default 0: validate in-process). Records arriving in one turn go to
   * them when there are at least `workerMinRecords`. Measured on the 2-core machine
   * (bench/profileServer.ts, BENCHMARKS.md): workers cost 150–600 µs more CPU per record
   * (copies both ways, a cold memo and JIT per worker, smaller write batches), more than the
   * validation they take off the main thread, so the server does not use them by default.
   */
  readonly workers?: number;
  /** Fewest records of one turn worth a round trip to a worker (default 16). */
  readonly workerMinRecords?: number;
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
  readonly #workers: number;
  readonly #workerMin: number;
  #pool: ValidationPool | undefined;
  #intake: Intake[] = [];
  #intakeScheduled = false;
  #queue: Pending[] = [];
  /** Cancels the scheduled flush, when one is scheduled. */
  #timer: (() => void) | undefined;
  #writing: Promise<void> | undefined;
  #closed = false;
  /** Transactions written and records in them (for the bench and tests). */
  readonly counters = { transactions: 0, records: 0, validatedOnWorkers: 0 };

  constructor(ctx: PlatformContext, options: RegistrarOptions = {}) {
    this.#ctx = ctx;
    this.#maxBatch = options.maxBatch ?? 2000;
    this.#maxDelayMs = options.maxDelayMs ?? 0;
    this.#workers = options.workers ?? 0;
    this.#workerMin = options.workerMinRecords ?? 16;
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
    if (this.#workers > 0 && items.length >= this.#workerMin) {
      this.#pool ??= new ValidationPool({ secret: this.#ctx.secret, mode: 'api', timezone: this.#ctx.config.timezone, now, workers: this.#workers });
      this.counters.validatedOnWorkers += items.length;
      this.#pool.check(items.map((i) => i.record), now).then(
        (checks) => checks.forEach((c, k) => items[k]!.resolve(c)),
        (e: unknown) => items.forEach((i) => i.reject(e)),
      );
      return;
    }
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
      this.counters.transactions += 1;
      this.counters.records += items.length;
      outcomes.forEach((o, i) => items[i]!.resolve('errors' in o ? o : { id: o.id, duplicate: o.status === 'duplicate' }));
    } catch (e) {
      for (const p of items) p.reject(e);
    }
  }

  /** Stop accepting records and wait until the queue is written. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#cancelTimer();
    await this.#pool?.close();
    if (this.#writing) await this.#writing;
    await this.#flush();
  }
}

const registrars = new WeakMap<PlatformContext, ParcelRegistrar>();

/** The registrar of a platform context (one queue per open database). */
export function registrarFor(ctx: PlatformContext, options?: RegistrarOptions): ParcelRegistrar {
  let r = registrars.get(ctx);
  if (!r) registrars.set(ctx, (r = new ParcelRegistrar(ctx, options)));
  return r;
}
