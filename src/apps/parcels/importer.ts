/**
 * `gongzhi parcels import FILE`: a courier's export file (CSV in UTF-8/GBK/GB18030, XLSX or
 * NDJSON; Chinese or English headers, PARCEL_COLUMNS) → src/ingest row pipeline → parcel
 * validation under the import policy → batches stored by writer.ts.
 *
 * Idempotent and resumable: the natural key (courier, waybill_no) makes re-sent rows
 * duplicates, never new rows; the ingest_runs checkpoint (src/ingest) lets a killed run resume
 * after its last committed batch, and a batch written but not yet checkpointed when the process
 * died is simply found again as duplicates. The reject report (`<FILE>.rejects.csv` and
 * `<FILE>.import.json`) lists every rejected row with field and code; personal values in it are
 * masked with the security module's masks.
 */
import fs from 'node:fs';
import type { Issue } from '../../core/errors.ts';
import { createRejectReport, type ImportSummary } from '../../ingest/rejectReport.ts';
import { beginIngestRun, ingestCheckpoint } from '../../ingest/checkpoint.ts';
import { runPipeline, type PipelineProgress, type RejectedRow } from '../../ingest/pipeline.ts';
import { readFile } from '../../ingest/readFile.ts';
import type { EncodingHint } from '../../ingest/encoding.ts';
import type { RowSource, SourceRow } from '../../ingest/types.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../security/masking.ts';
import { PARCEL_COLUMNS, REQUIRED_IMPORT_FIELDS } from './columns-mapping.ts';
import { bulkWriting, emptyStats, storeChecked, type LoadStats } from './loader.ts';
import { drainStagedKeys } from './writer.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type ParcelCheck, type RawParcel } from './parcelValidator.ts';
import { pipelined, ValidationPool } from './validationPool.ts';

export interface ImportOptions {
  readonly encoding?: EncodingHint;
  /** Courier code or name for files without a courier column (or to fill empty cells). */
  readonly courier?: string;
  /** Records per transaction (default 2,000: per-row write cost is flat from about 1,000 up, and smaller batches keep less garbage alive). */
  readonly batchSize?: number;
  /** SQLite page cache during the import, MiB (default 1024). */
  readonly cacheMiB?: number;
  readonly onProgress?: (p: PipelineProgress) => void;
  /** false: start from the first row even if an unfinished run of the same bytes exists. */
  readonly resume?: boolean;
  /** false: never validate on a worker thread (default: files over 5 MiB are). */
  readonly worker?: boolean;
}

/** A row source whose rows were validated ahead on the workers (about `rowsInFlight` ahead); `checks` holds each row's result. */
function prevalidated(source: RowSource, pool: ValidationPool, toRaw: (row: SourceRow) => RawParcel, checks: WeakMap<SourceRow, ParcelCheck>, rowsInFlight: number): RowSource {
  const chunks = async function* () {
    for await (const [rows, results] of pipelined(pool, source.chunks(), toRaw, { rows: rowsInFlight })) {
      rows.forEach((r, i) => checks.set(r, results[i]!));
      yield rows;
    }
  };
  return {
    meta: source.meta,
    progress: () => source.progress(),
    chunks,
    async *[Symbol.asyncIterator]() {
      for await (const c of chunks()) yield* c;
    },
  };
}

export interface ImportResult {
  readonly runId: string;
  readonly resumed: boolean;
  readonly rowsRead: number;
  /** New parcels stored by this run. */
  readonly inserted: number;
  /** Rows already stored with the same content (a re-import). */
  readonly duplicates: number;
  /** Rows committed by an earlier, interrupted run of the same file (not sent again). */
  readonly resumedRows: number;
  readonly rejected: number;
  readonly rejectsByCode: Readonly<Record<string, number>>;
  /** Stored rows with a noncompliance finding, and the findings by code. */
  readonly nonCompliant: number;
  readonly noncomplianceByCode: Readonly<Record<string, number>>;
  readonly flagged: number;
  readonly summary: ImportSummary;
  readonly durationMs: number;
}

/** Files above this size (about 15,000 rows) are validated on a worker thread. */
const WORKER_MIN_BYTES = 5 * 2 ** 20;

interface Pending {
  readonly check: ParcelCheck;
  readonly rowNumber: number;
  readonly line: number;
  readonly waybillNo: string;
}

const MASKS: Record<string, (v: string) => string> = {
  senderIdNumber: maskIdNumber, senderPhone: maskPhone, receiverPhone: maskPhone,
  senderAddress: maskAddress, receiverAddress: maskAddress, senderName: maskName, receiverName: maskName,
};

/** Personal fields masked with the security masks; other fields (waybill, time, item) shown as given. */
export function maskRejectValue(field: string, value: string): string {
  const m = MASKS[field];
  return m ? m(value) : value;
}

/**
 * Import one file. Rejected rows never stop the import; only an unreadable file, a missing
 * required column (INGEST_HEADER_MISSING) or a database failure throws.
 */
export async function importParcels(ctx: PlatformContext, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const keys = parcelCrypto(ctx.secret);
  const { run, resumed } = await beginIngestRun(ctx.database, { kind: 'parcels', sourcePath: file, resume: options.resume ?? true, now: ctx.now() });
  const required = options.courier ? REQUIRED_IMPORT_FIELDS : [...REQUIRED_IMPORT_FIELDS, 'courier'];
  const source = readFile(file, { encoding: options.encoding ?? 'auto', columns: PARCEL_COLUMNS, requiredFields: required, unknownColumns: 'drop' });
  const report = createRejectReport(file, { mask: maskRejectValue, extra: { runId: run.id, resumed } });
  const stats: LoadStats = emptyStats();
  const tz = ctx.config.timezone;
  const now = ctx.now();
  let conflicts = 0;
  const toRaw = (row: SourceRow): RawParcel => {
    const f = row.fields as RawParcel & Record<string, string>;
    return options.courier && !f.courier ? { ...f, courier: options.courier } : f;
  };
  const large = (await fs.promises.stat(file)).size > WORKER_MIN_BYTES;
  const pool = options.worker === false || !large ? null : new ValidationPool({ secret: ctx.secret, mode: 'import', timezone: tz, now });
  const checks = new WeakMap<SourceRow, ParcelCheck>();
  const validate = (row: SourceRow) => {
    const f = row.fields as RawParcel & Record<string, string>;
    const check = checks.get(row) ?? checkParcel(toRaw(row), keys, { mode: 'import', now, timezone: tz });
    if (!check.values) return { issues: check.errors as Issue[] };
    return { record: { check, rowNumber: row.rowNumber, line: row.line, waybillNo: String(f.waybillNo ?? '') } satisfies Pending, issues: check.warnings as Issue[] };
  };
  const sink = async (batch: Pending[]) => {
    const outcomes = await storeChecked(ctx, batch.map((p) => p.check), { source: 'import', runId: run.id, createdAt: ctx.now().toISOString() }, stats);
    outcomes.forEach((o, i) => {
      if (!('errors' in o)) return;
      conflicts += 1;
      const p = batch[i]!;
      const rejected: RejectedRow = { rowNumber: p.rowNumber, line: p.line, issues: o.errors, values: { waybillNo: p.waybillNo } };
      report.add(rejected);
    });
  };
  const batchSize = options.batchSize ?? 2_000;
  try {
    const result = await bulkWriting(ctx, options.cacheMiB ?? 1024, () => runPipeline<Pending>({
      // A file is read in 64 KiB chunks of about 190 rows: keep 1.5 write batches of them in
      // flight, so the workers still have rows to validate while a batch is written (60–80 ms
      // at 1,000,000 stored). With the pool's default of 4 chunks they idled through most of
      // each write: a 1,000,000-row import took 81–83 s against 86 s (BENCHMARKS.md "Ingest").
      source: pool ? prevalidated(source, pool, toRaw, checks, Math.ceil(batchSize * 1.5)) : source,
      validate,
      sink,
      batchSize,
      textFields: ['senderIdNumber', 'senderPhone', 'receiverPhone', 'waybillNo'],
      onReject: (r) => report.add(r),
      onProgress: options.onProgress,
      checkpoint: ingestCheckpoint(ctx.database, run, ctx.now),
      maxRejectedKept: 1000,
    }));
    // Leave the look-up keys merged: the look-ups that follow an import scan no staged rows.
    drainStagedKeys(ctx.database);
    const rejectsByCode: Record<string, number> = { ...result.stats.rejectsByCode };
    if (conflicts > 0) rejectsByCode.PARCEL_CONFLICT = (rejectsByCode.PARCEL_CONFLICT ?? 0) + conflicts;
    const noncomplianceByCode = Object.fromEntries(Object.entries(stats.byCode).filter(([c]) => c !== 'PARCEL_CONFLICT'));
    const summary = report.close({ ...result, stats: { ...result.stats, accepted: result.accepted - conflicts, rejected: result.stats.rejected + conflicts, rejectsByCode } });
    return {
      runId: run.id, resumed, rowsRead: result.stats.rowsRead, inserted: stats.inserted, duplicates: stats.duplicates,
      resumedRows: result.stats.resumedRows, rejected: result.stats.rejected + conflicts, rejectsByCode,
      nonCompliant: stats.nonCompliant, noncomplianceByCode, flagged: stats.flagged, summary, durationMs: result.stats.durationMs,
    };
  } finally {
    await pool?.close();
  }
}
