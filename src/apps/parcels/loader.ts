/**
 * Bulk load path: `loadParcels` validates records (import policy, parcelValidator.ts) and
 * stores them in large transactions through writer.ts. Used by the demo generator and, batch by
 * batch through `storeChecked`, by the importer.
 *
 * Holding the rate as the table grows (DESIGN.md "Decisions"): person look-up keys live in the
 * segmented `parcel_keys` table (schema.ts), whose inserts only touch the newest segment; the
 * remaining random-key index is the unique (courier, waybill_no); on SQLite the page cache is
 * raised for the duration of a load (default 1 GiB, `cacheMiB`) so that index stays cached,
 * and batches are 10,000 rows (one WAL commit each).
 */
import type { Issue } from '../../core/errors.ts';
import { issue } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { ParcelErrors } from './errors.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type ParcelCheck, type ParcelValues, type RawParcel } from './parcelValidator.ts';
import type { ParcelInput } from './types.ts';
import { writeParcels, type StoreOutcome, type WriteMeta } from './writer.ts';

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
  /** Records per transaction (default 10,000). */
  readonly batchSize?: number;
  /** SQLite page cache during the load, MiB (default 1024; restored afterwards). */
  readonly cacheMiB?: number;
  /** Rejected records kept in the result (default 10,000). */
  readonly maxRejected?: number;
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

async function withCache<T>(ctx: PlatformContext, mib: number, fn: () => Promise<T>): Promise<T> {
  const sqlite = ctx.database.sqlite;
  if (!sqlite) return fn();
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  if (-mib * 1024 < before) sqlite.pragma(`cache_size = -${mib * 1024}`);
  try {
    return await fn();
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
  const batchSize = options.batchSize ?? 10_000;
  const maxRejected = options.maxRejected ?? 10_000;
  const mode = options.source === 'api' ? 'api' : 'import';
  const stats = emptyStats();
  const rejected: RejectedRecord[] = [];
  const tz = ctx.config.timezone;
  return withCache(ctx, options.cacheMiB ?? 1024, async () => {
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
    let now = ctx.now();
    for await (const r of records as AsyncIterable<RawParcel>) {
      batch.push(checkParcel(r, keys, { mode, now, timezone: tz }));
      if (batch.length >= batchSize) {
        await flush();
        now = ctx.now();
      }
    }
    if (batch.length > 0) await flush();
    stats.elapsedMs = performance.now() - started;
    return { accepted: stats.inserted + stats.duplicates, rejected, stats };
  });
}
