/**
 * The store behind one small interface: a Kysely instance over the embedded SQLite file
 * (better-sqlite3, WAL) or PostgreSQL (`pg`), chosen by `Config.databaseUrl`. Apps never
 * branch on the dialect except through the helpers this folder exports (e.g. `bulk.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Compilable } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';

export type DialectName = 'sqlite' | 'postgres';

/** An open database. `db` is untyped at this level; apps declare their own table interfaces. */
export interface Database {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly db: Kysely<any>;
  readonly dialect: DialectName;
  /** The raw better-sqlite3 handle (sqlite only): for bulk paths that need prepared statements. */
  readonly sqlite?: SQLite.Database;
  /** The pg pool (postgres only): for COPY. */
  readonly pgPool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** SQLite page cache in MiB (PRAGMA cache_size); default 256. */
  readonly sqliteCacheMiB?: number;
  /** SQLite memory-mapped I/O in MiB (PRAGMA mmap_size); default 4096; 0 turns it off. */
  readonly sqliteMmapMiB?: number;
  /** Override the SQLite file (tests use temporary files or ':memory:'). */
  readonly sqlitePath?: string;
  /** Maximum PostgreSQL pool size; default 10. */
  readonly pgPoolSize?: number;
}

// PostgreSQL returns BIGINT/NUMERIC as strings by default; counts and ids in Gongzhi fit in
// a double, so parse them as numbers everywhere (one rule for both dialects).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Open the database named by the config. SQLite: creates the data directory and file, sets
 * WAL (checkpoint every 10,000 pages), synchronous=NORMAL, a page cache, memory-mapped reads,
 * foreign keys and a busy timeout. PostgreSQL: a pool.
 * Does not migrate: call `migrateToLatest` (migrate.ts) after opening.
 */
export function openDatabase(config: Pick<Config, 'databaseUrl' | 'sqlitePath'>, options: OpenOptions = {}): Database {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: options.pgPoolSize ?? 10 });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pgPool: pool, close: () => db.destroy() };
  }
  const file = options.sqlitePath ?? config.sqlitePath;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`cache_size = -${(options.sqliteCacheMiB ?? 256) * 1024}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoint the WAL every 10,000 pages (~40 MiB) instead of 1,000: each checkpoint syncs the
  // file, and with small group-commit transactions the default made that sync the largest
  // wall-clock cost of a registration (bench/ingest.ts; BENCHMARKS.md). After a checkpoint the
  // file is cut back only if it grew past 512 MiB: cutting a 390 MiB WAL (left by a burst of
  // batch registrations) back to 64 MiB freed its blocks inside the next commit, 133 ms of the
  // registration thread, and the next burst allocated them again (bench/profileServer.ts).
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma(`journal_size_limit = ${512 * 1024 * 1024}`);
  // Reads through a memory map of the file instead of a read() per page into the page cache: a
  // look-up of the 280 parcels of one busy sender, scattered over 1,000,000 rows, fell from
  // 11.8 to 4.1 ms on first read (bench/ingest.ts; BENCHMARKS.md "Ingest"). Writes still go
  // through the WAL; an I/O error on a mapped page would end the process (SQLite docs, "mmap").
  sqlite.pragma(`mmap_size = ${(options.sqliteMmapMiB ?? 4096) * 1024 * 1024}`);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/** True when the database answers a trivial query. */
export async function ping(database: Database): Promise<boolean> {
  const r = await sql<{ one: number }>`select 1 as one`.execute(database.db);
  return Number(r.rows[0]?.one) === 1;
}

/**
 * Run one short write only if it need not wait for another connection's write lock: on SQLite
 * the statement runs at once with busy_timeout 0 and a held lock gives `false` instead of a
 * wait; on PostgreSQL (row locks, nothing blocks the event loop) it runs and gives `true`.
 * For bookkeeping that may be skipped and done at a later request (a session's last_seen_at):
 * better-sqlite3 waits synchronously, so on the thread that serves requests a wait behind the
 * registration thread's commits stopped every request — a session touch held the event loop
 * 370 ms (bench/profileServer.ts; BENCHMARKS.md "Ingest").
 * @throws any database error other than SQLITE_BUSY.
 */
export async function writeIfUnlocked(database: Database, query: Compilable): Promise<boolean> {
  const sqlite = database.sqlite;
  if (!sqlite) {
    await database.db.executeQuery(query.compile());
    return true;
  }
  const compiled = query.compile();
  const before = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.prepare(compiled.sql).run(...(compiled.parameters as unknown[]));
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw e;
  } finally {
    sqlite.pragma(`busy_timeout = ${before}`);
  }
}
