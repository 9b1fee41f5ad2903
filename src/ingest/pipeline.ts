/**
 * The row pipeline: source rows → validate → accepted records in batches → sink, returning a
 * result set `{ accepted, rejected, stats }` (after kysely's MigrationResultSet) instead of
 * throwing halfway. A bad row is rejected with every issue (row, line, field, code, message) and
 * the rows around it go on; only a failure of the whole file or of the sink throws.
 *
 * Back-pressure: rows are pulled chunk by chunk and the pipeline awaits the sink before pulling
 * more, so memory holds at most one source chunk plus one batch.
 */
import { AppError, issue, type Issue } from '../core/errors.ts';
import { IngestErrors } from './errors.ts';
import type { ReadProgress, RowSource, SourceRow } from './types.ts';

/** What `validate` returns for a row: a record to keep, or none and the reasons. */
export interface RowVerdict<R> {
  /** The record to send to the sink; absent → the row is rejected. */
  readonly record?: R;
  /** Findings with `field` set; they reject the row when there is no record and are counted as warnings when there is. */
  readonly issues?: readonly Issue[];
}

/** Where a batch sits in the input. */
export interface BatchInfo {
  /** 0-based batch index within this run. */
  readonly index: number;
  /** Row number of the first and last row the batch covers (rejected rows in between included). */
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Cumulative state after a committed batch, stored by a checkpoint. */
export interface CheckpointState {
  /** Every row up to this row number has been dealt with (sunk or rejected). */
  readonly lastRow: number;
  readonly accepted: number;
  readonly rejected: number;
}

/**
 * Resumability hook (checkpoint.ts implements it on the ingest_runs table). Rows up to
 * `resumeAfterRow` were committed by an earlier, interrupted run: they are validated again (so
 * the reject report stays complete) but their records are not sent to the sink again.
 */
export interface PipelineCheckpoint {
  readonly resumeAfterRow: number;
  /** Called after each batch the sink has committed. */
  commit(state: CheckpointState): Promise<void>;
  /** Called once when the whole input has been processed. */
  finish?(state: CheckpointState): Promise<void>;
  /** Called when the run fails as a whole (source or sink error). */
  fail?(error: unknown, state: CheckpointState): Promise<void>;
}

/** Progress report, after every source chunk and every batch. */
export interface PipelineProgress extends Partial<ReadProgress> {
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly elapsedMs: number;
}

/** A rejected row: where it is, every issue, and the raw values of the fields the issues name. */
export interface RejectedRow {
  readonly rowNumber: number;
  readonly line: number;
  readonly issues: readonly Issue[];
  /** field → raw value, only for the fields named by issues (mask before showing them). */
  readonly values: Readonly<Record<string, string>>;
}

export interface PipelineStats {
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Accepted rows not sent again because an earlier run had committed them (resume). */
  readonly resumedRows: number;
  readonly batches: number;
  /** Rejected rows per issue code (a row with two codes counts under both). */
  readonly rejectsByCode: Readonly<Record<string, number>>;
  /** Issues on accepted rows, per code. */
  readonly warningsByCode: Readonly<Record<string, number>>;
  /** How many rejected rows are in `rejected` (at most `maxRejectedKept`). */
  readonly rejectedKept: number;
  readonly durationMs: number;
  readonly rowsPerSecond: number;
}

export interface PipelineResult {
  /** Number of accepted rows (records themselves went to the sink). */
  readonly accepted: number;
  readonly rejected: RejectedRow[];
  readonly stats: PipelineStats;
}

export interface PipelineOptions<R> {
  readonly source: RowSource | AsyncIterable<SourceRow> | Iterable<SourceRow>;
  readonly validate: (row: SourceRow) => RowVerdict<R> | Promise<RowVerdict<R>>;
  readonly sink: (batch: R[], info: BatchInfo) => Promise<void>;
  /**
   * Accepted records per sink call; default 2,000. Records wait in memory until their batch is
   * sunk: ~2,000 rows of 20 fields fit in V8's young generation; at 5,000-10,000 they are
   * promoted to the old generation and the pipeline ran ~3× slower here (bench/csv-read.ts).
   */
  readonly batchSize?: number;
  /**
   * Fields that must be stored as text (ID numbers, phones, postcodes): a cell stored as a number
   * (XLSX, NDJSON) rejects the row with SPREADSHEET_NUMERIC_CELL naming the field.
   */
  readonly textFields?: readonly string[];
  readonly onProgress?: (progress: PipelineProgress) => void;
  /** Called for each rejected row as it happens (e.g. to stream a reject report). */
  readonly onReject?: (row: RejectedRow) => void;
  readonly checkpoint?: PipelineCheckpoint;
  /** Rejected rows kept in the result (all are counted and passed to onReject); default 100,000. */
  readonly maxRejectedKept?: number;
  /** Clock for durations (ms); default performance.now. */
  readonly now?: () => number;
}

function isRowSource(s: unknown): s is RowSource {
  return typeof (s as RowSource).chunks === 'function';
}

async function* chunksOf(source: PipelineOptions<unknown>['source']): AsyncIterable<readonly SourceRow[]> {
  if (isRowSource(source)) {
    yield* source.chunks();
    return;
  }
  let chunk: SourceRow[] = [];
  for await (const row of source as AsyncIterable<SourceRow>) {
    chunk.push(row);
    if (chunk.length >= 1000) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

function bump(counts: Record<string, number>, code: string): void {
  counts[code] = (counts[code] ?? 0) + 1;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Run rows through validation into the sink.
 * @returns accepted count, rejected rows (with every issue) and stats; never throws for a bad row.
 * @throws AppError INGEST_SINK_FAILED when the sink rejects a batch (earlier batches stay
 *         committed and checkpointed); the source's own AppError when the file cannot be read.
 * @example
 * const result = await runPipeline({ source: readCsv(file), validate: (row) => toParcel(row), sink: (batch) => store(batch) });
 */
export async function runPipeline<R>(options: PipelineOptions<R>): Promise<PipelineResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const batchSize = Math.max(1, options.batchSize ?? 2000);
  const maxKept = options.maxRejectedKept ?? 100_000;
  const textFields = options.textFields ?? [];
  const resumeAfter = options.checkpoint?.resumeAfterRow ?? 0;
  const rejected: RejectedRow[] = [];
  const rejectsByCode: Record<string, number> = {};
  const warningsByCode: Record<string, number> = {};
  let rowsRead = 0;
  let accepted = 0;
  let rejectedCount = 0;
  let resumedRows = 0;
  let batches = 0;
  let batch: R[] = [];
  let lastRow = 0;
  let committedRow = resumeAfter;
  let committed: CheckpointState = { lastRow: resumeAfter, accepted: 0, rejected: 0 };
  const state = (): CheckpointState => ({ lastRow: Math.max(lastRow, committedRow), accepted, rejected: rejectedCount });
  const progress = () => {
    if (!options.onProgress) return;
    const p = isRowSource(options.source) ? options.source.progress() : {};
    options.onProgress({ ...p, rowsRead, accepted, rejected: rejectedCount, elapsedMs: now() - started });
  };
  const flush = async (upTo: number) => {
    if (batch.length > 0) {
      const info: BatchInfo = { index: batches, firstRow: committedRow + 1, lastRow: upTo };
      try {
        await options.sink(batch, info);
      } catch (e) {
        throw new AppError(IngestErrors.INGEST_SINK_FAILED, { firstRow: info.firstRow, lastRow: info.lastRow, reason: errorMessage(e) });
      }
      batches++;
      batch = [];
    }
    if (upTo > committedRow) {
      committedRow = upTo;
      committed = state();
      await options.checkpoint?.commit(committed);
    }
  };
  const reject = (row: SourceRow, issues: readonly Issue[]) => {
    rejectedCount++;
    const values: Record<string, string> = {};
    for (const i of issues) {
      bump(rejectsByCode, i.code);
      if (i.field !== undefined && row.fields[i.field] !== undefined) values[i.field] = row.fields[i.field]!;
    }
    const r: RejectedRow = { rowNumber: row.rowNumber, line: row.line, issues, values };
    if (rejected.length < maxKept) rejected.push(r);
    options.onReject?.(r);
  };

  try {
    for await (const chunk of chunksOf(options.source)) {
      for (const row of chunk) {
        rowsRead++;
        lastRow = row.rowNumber;
        let issues: Issue[] | null = row.issues && row.issues.length > 0 ? [...row.issues] : null;
        if (row.cellTypes) {
          for (const f of textFields) {
            if (row.cellTypes[f] === 'number') (issues ??= []).push(issue(IngestErrors.SPREADSHEET_NUMERIC_CELL, { shown: row.fields[f] ?? '' }, f));
          }
        }
        let verdict: RowVerdict<R>;
        try {
          const v = options.validate(row);
          verdict = typeof (v as Promise<RowVerdict<R>>).then === 'function' ? await v : (v as RowVerdict<R>);
        } catch (e) {
          verdict = { issues: [issue(IngestErrors.ROW_VALIDATION_FAILED, { reason: errorMessage(e) })] };
        }
        if (issues === null && verdict.record !== undefined) {
          accepted++;
          if (verdict.issues) for (const w of verdict.issues) bump(warningsByCode, w.code);
          if (row.rowNumber <= resumeAfter) resumedRows++;
          else {
            batch.push(verdict.record);
            if (batch.length >= batchSize) await flush(row.rowNumber);
          }
          continue;
        }
        const all = issues ?? [];
        if (verdict.issues) all.push(...verdict.issues);
        reject(row, all.length > 0 ? all : [issue(IngestErrors.ROW_REJECTED)]);
      }
      progress();
    }
    await flush(lastRow);
  } catch (e) {
    try {
      await options.checkpoint?.fail?.(e, committed);
    } catch {
      // the run stays 'running' in ingest_runs, which a re-run resumes just the same;
      // the error worth reporting is the original one
    }
    throw e;
  }
  await options.checkpoint?.finish?.(state());
  progress();
  const durationMs = now() - started;
  return {
    accepted,
    rejected,
    stats: {
      rowsRead,
      accepted,
      rejected: rejectedCount,
      resumedRows,
      batches,
      rejectsByCode,
      warningsByCode,
      rejectedKept: rejected.length,
      durationMs,
      rowsPerSecond: durationMs > 0 ? (rowsRead / durationMs) * 1000 : 0,
    },
  };
}
