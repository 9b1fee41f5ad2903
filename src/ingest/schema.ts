/**
 * Table of the ingest module: `ingest_runs`, one row per import of a file, holding the position
 * of the last committed batch so that an interrupted import (crash, SIGKILL) can be re-run and
 * resume after it. Natural-key idempotency of the imported records themselves is the owning
 * app's (parcels: courier + waybill_no).
 */
import type { MigrationFactory } from '../store/migrate.ts';
import { types } from '../store/migrate.ts';

/** Run status: running (or killed while running), succeeded, failed (the run threw). */
export type IngestRunStatus = 'running' | 'succeeded' | 'failed';

/** Row shape of `ingest_runs` as stored. */
export interface IngestRunTable {
  /** Random UUID (text on both dialects; apps store it as `ingest_run_id`). */
  id: string;
  /** What was imported, e.g. 'parcels'. */
  kind: string;
  source_path: string;
  /** SHA-256 of the file's bytes, lower-case hex: the identity of the input for resuming. */
  source_sha256: string;
  source_bytes: number;
  /** UTC instant: ISO-8601 text (SQLite) or timestamptz (PostgreSQL). */
  started_at: string | Date;
  finished_at: string | Date | null;
  /** Every data row up to this row number was committed or rejected. */
  last_row: number;
  /** Accepted rows committed, counted from the start of the file (including earlier attempts). */
  rows_committed: number;
  rows_rejected: number;
  status: IngestRunStatus;
  /** Why the run failed (message), or null. */
  error: string | null;
}

/** Migrations in the form src/store/migrate.ts expects. */
export const migrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300150_ingest_runs': (dialect) => ({
    up: async (db) => {
      const t = types(dialect);
      await db.schema
        .createTable('ingest_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_path', 'text', (c) => c.notNull())
        .addColumn('source_sha256', 'text', (c) => c.notNull())
        .addColumn('source_bytes', t.bigint, (c) => c.notNull().defaultTo(0))
        .addColumn('started_at', t.timestamp, (c) => c.notNull())
        .addColumn('finished_at', t.timestamp)
        .addColumn('last_row', t.bigint, (c) => c.notNull().defaultTo(0))
        .addColumn('rows_committed', t.bigint, (c) => c.notNull().defaultTo(0))
        .addColumn('rows_rejected', t.bigint, (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('ingest_runs_source').on('ingest_runs').columns(['source_sha256', 'kind']).execute();
    },
    down: async (db) => {
      await db.schema.dropTable('ingest_runs').execute();
    },
  }),
};
