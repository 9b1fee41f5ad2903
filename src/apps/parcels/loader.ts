/**
 * Bulk load path: `loadParcels` validates records (import policy, parcelValidator.ts) and
 * stores them in large transactions through writer.ts. Used by the demo generator and, batch by
 * batch through `storeChecked`, by the importer.
 *
 * Holding the rate as the table grows (DESIGN.md "Decisions"): person look-up keys are staged
 * and merged into the segmented `parcel_keys` table in sorted runs (schema.ts); the
 * remaining random-key index is the unique (courier, waybill_no); on SQLite the page cache is
 * raised for the duration of a load (default 1 GiB, `cacheMiB`) so that index stays cached,
 * and batches are 2,000 rows (one WAL commit each).
 */
import type { Issue } from '../../core/errors.ts';
import { issue } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { withCheckpointer } from '../../store/checkpointer.ts';
import { ParcelErrors } from './errors.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type ParcelCheck, type ParcelValues, type RawParcel } from './parcelValidator.ts';
import type { ParcelInput } from './types.ts';
import { pipelined, ValidationPool } from './validationPool.ts';
import { drainStagedKeys, writeParcels, type StoreOutcome, type WriteMeta } from './writer.ts';

export type ParcelSource = 'api' | 'import' | 'demo';

/** Counters of a load. */
export interface LoadStats {
  processed: number;
  /** New rows stored. */
  inserted: number;
  /** Records already stored with the same content (idempotent re-submission). */
  duplicates: number;
  rejected: number;
  /** Stored rows with at least one noncompliance code. */
  nonCompliant: number;
  /** Stored rows whose item description matched prohibited-item terms. */
  flagged: number;
  /** Rejections and noncompliance findings by code. */
  byCode: Record<string, number>;
  elapsedMs: number;
}

/** A rejected record: its 0-based position in the input and every reason. */
export interface RejectedRecord {
  readonly index: number;
  readonly errors: readonly Issue[];
}

export interface LoadResult {
  /** Records accepted (new rows plus duplicates of stored ones). */
  readonly accepted: number;
  /** Up to `maxRejected` rejected records (the count of all is in stats.rejected). */
  readonly rejected: readonly RejectedRecord[];
  readonly stats: LoadStats;
}

export interface LoadOptions {
  readonly source: ParcelSource;
  readonly onProgress?: (stats: Readonly<LoadStats>) => void;
  /** ingest run id written to `parcels.ingest_run_id`. */
  readonly runId?: string;
  /** Records per transaction (default 2,000: per-row write cost is flat from about 1,000 up, and smaller batches keep less garbage alive). */
  readonly batchSize?: number;
  /** SQLite page cache during the load, MiB (default 1024; restored afterwards). */
  readonly cacheMiB?: number;
  /** Rejected records kept in the result (default 10,000). */
  readonly maxRejected?: number;
  /** false: never validate on a worker thread (default: a worker takes over after 20,000 records). */
  readonly worker?: boolean;
}

/** A fresh counter set. */
export function emptyStats(): LoadStats {
  return { processed: 0, inserted: 0, duplicates: 0, rejected: 0, nonCompliant: 0, flagged: 0, byCode: {}, elapsedMs: 0 };
}

function count(stats: LoadStats, code: string): void {
  stats.byCode[code] = (stats.byCode[code] ?? 0) + 1;
}

/**
 * Store checked records (one transaction) and fold the outcomes into `stats`.
 * @returns per record: its outcome, or the errors that rejected it (validation or PARCEL_CONFLICT).
 */
export async function storeChecked(ctx: PlatformContext, checks: readonly ParcelCheck[], meta: WriteMeta, stats: LoadStats): Promise<Array<StoreOutcome | { errors: readonly Issue[] }>> {
  const values: ParcelValues[] = [];
  for (const c of checks) if (c.values) values.push(c.values);
  const outcomes = await writeParcels(ctx.database, values, meta);
  const out: Array<StoreOutcome | { errors: readonly Issue[] }> = [];
  let j = 0;
  for (const c of checks) {
    stats.processed += 1;
    if (!c.values) {
      stats.rejected += 1;
      for (const e of c.errors) count(stats, e.code);
      out.push({ errors: c.errors });
      continue;
    }
    const o = outcomes[j++]!;
    if (o.status === 'conflict') {
      const e = issue(ParcelErrors.PARCEL_CONFLICT, { courier: c.values.courier, waybillNo: c.values.waybill_no }, 'waybillNo');
      stats.rejected += 1;
      count(stats, e.code);
      out.push({ errors: [e] });
      continue;
    }
    if (o.status === 'duplicate') stats.duplicates += 1;
    else {
      stats.inserted += 1;
      if (c.noncompliance.length > 0) stats.nonCompliant += 1;
      for (const code of c.noncompliance) count(stats, code);
      if (c.flags.length > 0) stats.flagged += 1;
    }
    out.push(o);
  }
  return out;
}

/** Group an (async) iterable into arrays of `size`. */
async function* chunked<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  if (Symbol.iterator in items) {
    for (const item of items as Iterable<T>) {
      chunk.push(item);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  } else {
    for await (const item of items) {
      chunk.push(item);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Records validated in-process before a load moves validation to a worker thread. */
const WORKER_AFTER = 20_000;

/**
 * Run a bulk load `fn` with the settings that hold its rate as the table grows (SQLite; on
 * PostgreSQL `fn` runs as is): the connection's page cache raised to `cacheMiB` (never lowered)
 * so the random-key natural-key index stays cached, and WAL checkpoints on a thread of their own
 * (store/checkpointer.ts `withCheckpointer`) rather than in the load's commits — the loading
 * thread stopped for each one's copy and sync, and the validation workers waited for it: a
 * 1,000,000-row import took 97–100 s with the thread against 104–110 s without
 * (BENCHMARKS.md "Ingest"). Both are restored afterwards, whatever `fn` does.
 */
export async function bulkWriting<T>(ctx: PlatformContext, cacheMiB: number, fn: () => Promise<T>): Promise<T> {
  const sqlite = ctx.database.sqlite;
  if (!sqlite) return fn();
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  if (-cacheMiB * 1024 < before) sqlite.pragma(`cache_size = -${cacheMiB * 1024}`);
  try {
    return await withCheckpointer(sqlite, fn);
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}

/**
 * Validate and store parcels in batches: `loadParcels(ctx, records, { source, onProgress?, runId? })`.
 * Validation follows the import policy for 'import' and 'demo' and the counter policy for
 * 'api' (parcelValidator.ts). Idempotent: loading the same records again adds no rows.
 * @param records any (async) iterable of ParcelInput-like records; consumed once, in order.
 * @returns { accepted, rejected (first maxRejected), stats }. Throws only on database failure;
 *          batches committed before the failure stay committed.
 */
export async function loadParcels(
  ctx: PlatformContext,
  records: Iterable<ParcelInput | RawParcel> | AsyncIterable<ParcelInput | RawParcel>,
  options: LoadOptions,
): Promise<LoadResult> {
  const started = performance.now();
  const keys = parcelCrypto(ctx.secret);
  const batchSize = options.batchSize ?? 2_000;
  const maxRejected = options.maxRejected ?? 10_000;
  const mode = options.source === 'api' ? 'api' : 'import';
  const stats = emptyStats();
  const rejected: RejectedRecord[] = [];
  const tz = ctx.config.timezone;
  return bulkWriting(ctx, options.cacheMiB ?? 1024, async () => {
    let batch: ParcelCheck[] = [];
    let base = 0;
    const flush = async () => {
      const now = ctx.now();
      const outcomes = await storeChecked(ctx, batch, { source: options.source, runId: options.runId ?? null, createdAt: now.toISOString() }, stats);
      outcomes.forEach((o, i) => {
        if ('errors' in o && rejected.length < maxRejected) rejected.push({ index: base + i, errors: o.errors });
      });
      base += batch.length;
      batch = [];
      stats.elapsedMs = performance.now() - started;
      options.onProgress?.(stats);
    };
    // Validate in-process first; a load that goes on past WORKER_AFTER records moves validation
    // to a worker thread (starting one costs about a second, worth it only for large loads).
    const chunks = chunked(records, 1000)[Symbol.asyncIterator]();
    let next = await chunks.next();
    while (!next.done && (options.worker === false || stats.processed + batch.length < WORKER_AFTER)) {
      const now = ctx.now();
      for (const r of next.value) {
        batch.push(checkParcel(r, keys, { mode, now, timezone: tz }));
        if (batch.length >= batchSize) await flush();
      }
      next = await chunks.next();
    }
    if (!next.done) {
      const first = next.value;
      const rest = async function* () {
        yield first;
        for (let n = await chunks.next(); !n.done; n = await chunks.next()) yield n.value;
      };
      const pool = new ValidationPool({ secret: ctx.secret, mode, timezone: tz, now: ctx.now() });
      try {
        for await (const [, checks] of pipelined(pool, rest(), (r) => r)) {
          for (const c of checks) {
            batch.push(c);
            if (batch.length >= batchSize) await flush();
          }
        }
      } finally {
        await pool.close();
      }
    }
    if (batch.length > 0) await flush();
    // Leave the look-up keys merged: the look-ups that follow a load scan no staged rows.
    drainStagedKeys(ctx.database);
    stats.elapsedMs = performance.now() - started;
    return { accepted: stats.inserted + stats.duplicates, rejected, stats };
  });
}
