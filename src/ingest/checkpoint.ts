/**
 * Resumable imports on the `ingest_runs` table (schema.ts): start or resume a run for a file
 * identified by its SHA-256, and a `PipelineCheckpoint` that records the last committed row after
 * every batch. Re-running an interrupted import of the same bytes resumes after the last
 * committed row; rows of a batch that was written but not yet checkpointed when the process died
 * are sent again, which the owning app's natural-key upsert makes harmless.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../core/errors.ts';
import type { Database } from '../store/database.ts';
import { IngestErrors } from './errors.ts';
import type { CheckpointState, PipelineCheckpoint } from './pipeline.ts';
import type { IngestRunStatus, IngestRunTable } from './schema.ts';

/** An ingest run as the API returns it (instants as ISO-8601 UTC strings). */
export interface IngestRun {
  readonly id: string;
  readonly kind: string;
  readonly sourcePath: string;
  readonly sourceSha256: string;
  readonly sourceBytes: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly lastRow: number;
  readonly rowsCommitted: number;
  readonly rowsRejected: number;
  readonly status: IngestRunStatus;
  readonly error: string | null;
}

/**
 * SHA-256 and size of a file, streamed (never loaded whole).
 * @returns lower-case hex digest and size in bytes.
 * @throws AppError INGEST_SOURCE_UNREADABLE when the file cannot be read.
 */
export async function fileSha256(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of fs.createReadStream(path, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (e) {
    throw new AppError(IngestErrors.INGEST_SOURCE_UNREADABLE, { reason: `${path}: ${e instanceof Error ? e.message : String(e)}` });
  }
  return { sha256: hash.digest('hex'), bytes };
}

function iso(v: string | Date | null): string | null {
  if (v === null) return null;
  return v instanceof Date ? v.toISOString() : new Date(v).toISOString();
}

function toRun(r: IngestRunTable): IngestRun {
  return {
    id: r.id,
    kind: r.kind,
    sourcePath: r.source_path,
    sourceSha256: r.source_sha256,
    sourceBytes: Number(r.source_bytes),
    startedAt: iso(r.started_at)!,
    finishedAt: iso(r.finished_at),
    lastRow: Number(r.last_row),
    rowsCommitted: Number(r.rows_committed),
    rowsRejected: Number(r.rows_rejected),
    status: r.status,
    error: r.error,
  };
}

export interface BeginRunOptions {
  /** What is imported, e.g. 'parcels'; a run resumes only a run of the same kind. */
  readonly kind: string;
  readonly sourcePath: string;
  /** Digest and size; computed from the file when omitted. */
  readonly sha256?: string;
  readonly bytes?: number;
  /** false: always start a new run (an import from the first row). Default true. */
  readonly resume?: boolean;
  readonly now?: Date;
}

export interface BeganRun {
  readonly run: IngestRun;
  /** True when an unfinished run of the same bytes was picked up (resume after `run.lastRow`). */
  readonly resumed: boolean;
  /** The latest earlier run of the same bytes that succeeded, if any (the file was imported before). */
  readonly previousSucceeded: IngestRun | null;
}

/**
 * Start an import run, or resume the latest unfinished ('running' — e.g. killed — or 'failed')
 * run of the same kind and the same file bytes (SHA-256), whatever its path.
 */
export async function beginIngestRun(database: Database, options: BeginRunOptions): Promise<BeganRun> {
  const digest = options.sha256 !== undefined && options.bytes !== undefined ? { sha256: options.sha256, bytes: options.bytes } : await fileSha256(options.sourcePath);
  const now = (options.now ?? new Date()).toISOString();
  const db = database.db;
  const same = await db
    .selectFrom('ingest_runs')
    .selectAll()
    .where('source_sha256', '=', digest.sha256)
    .where('kind', '=', options.kind)
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .execute();
  const runs = (same as IngestRunTable[]).map(toRun);
  const previousSucceeded = runs.find((r) => r.status === 'succeeded') ?? null;
  const unfinished = runs.find((r) => r.status !== 'succeeded');
  if ((options.resume ?? true) && unfinished && (!previousSucceeded || unfinished.startedAt > previousSucceeded.startedAt)) {
    await db.updateTable('ingest_runs').set({ status: 'running', error: null, finished_at: null, source_path: options.sourcePath }).where('id', '=', unfinished.id).execute();
    return { run: { ...unfinished, status: 'running', error: null, finishedAt: null, sourcePath: options.sourcePath }, resumed: true, previousSucceeded };
  }
  const row: IngestRunTable = {
    id: crypto.randomUUID(),
    kind: options.kind,
    source_path: options.sourcePath,
    source_sha256: digest.sha256,
    source_bytes: digest.bytes,
    started_at: now,
    finished_at: null,
    last_row: 0,
    rows_committed: 0,
    rows_rejected: 0,
    status: 'running',
    error: null,
  };
  await db.insertInto('ingest_runs').values(row).execute();
  return { run: toRun(row), resumed: false, previousSucceeded };
}

/**
 * A checkpoint for `runPipeline` that writes the run's progress after each committed batch,
 * marks it succeeded at the end or failed (with the message) when the run throws.
 * @param now clock for finished_at; default `() => new Date()`.
 */
export function ingestCheckpoint(database: Database, run: IngestRun, now: () => Date = () => new Date()): PipelineCheckpoint {
  const db = database.db;
  const write = (s: CheckpointState) => ({ last_row: s.lastRow, rows_committed: s.accepted, rows_rejected: s.rejected });
  return {
    resumeAfterRow: run.lastRow,
    async commit(s) {
      await db.updateTable('ingest_runs').set(write(s)).where('id', '=', run.id).execute();
    },
    async finish(s) {
      await db
        .updateTable('ingest_runs')
        .set({ ...write(s), status: 'succeeded', finished_at: now().toISOString() })
        .where('id', '=', run.id)
        .execute();
    },
    async fail(error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.updateTable('ingest_runs').set({ status: 'failed', error: message, finished_at: now().toISOString() }).where('id', '=', run.id).execute();
    },
  };
}

/**
 * One run by id.
 * @throws AppError INGEST_RUN_NOT_FOUND.
 */
export async function getIngestRun(database: Database, id: string): Promise<IngestRun> {
  const row = await database.db.selectFrom('ingest_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(IngestErrors.INGEST_RUN_NOT_FOUND, { id });
  return toRun(row as IngestRunTable);
}

/** The latest runs, newest first (for `gongzhi` status output and the admin page). */
export async function listIngestRuns(database: Database, options: { kind?: string; limit?: number } = {}): Promise<IngestRun[]> {
  let q = database.db.selectFrom('ingest_runs').selectAll();
  if (options.kind) q = q.where('kind', '=', options.kind);
  const rows = await q.orderBy('started_at', 'desc').orderBy('id').limit(options.limit ?? 50).execute();
  return (rows as IngestRunTable[]).map(toRun);
}
