/**
 * Store validated parcels, one transaction per batch, on either dialect — the one write path
 * shared by bulk loads (loader.ts), imports and the registration group commit (registrar.ts).
 *
 * - Idempotent on (courier, waybill_no): a record whose key exists is not inserted again; it is
 *   'duplicate' when its content hash equals the stored one, else 'conflict' (README.md).
 * - In the same transaction: look-up keys (SQLite: appended to their bucket of `parcel_keys_recent`, merged
 *   into `parcel_keys` in sorted runs once MERGE_KEYS rows wait, key range by key range —
 *   schema.ts, mergeStep below), statistics increments and outlets.
 * - SQLite: prepared statements on the raw better-sqlite3 handle (synchronous, one
 *   transaction). PostgreSQL: COPY (pg-copy-streams) into a temporary staging table, then one
 *   INSERT … SELECT … ON CONFLICT DO NOTHING with the look-up keys in the same statement.
 */
import type SQLite from 'better-sqlite3';
import type { Database } from '../../store/database.ts';
import type { ParcelValues } from './parcelValidator.ts';
import { MERGE_KEYS, SEGMENT_BITS, STAGED_BUCKETS, stagedBucket } from './schema.ts';
import { statsDelta, type StatsDelta } from './statsDelta.ts';
import { writePostgres } from './writerPostgres.ts';
import { ALL_COLUMNS, VALUE_COLUMNS } from './columns.ts';

export { ALL_COLUMNS, VALUE_COLUMNS };

export type { StoreOutcome, StoreStatus, WriteMeta } from './columns.ts';
import type { StoreOutcome, WriteMeta } from './columns.ts';

/** Look-up key entries [key, parcel id] of inserted parcels: sender ID, sender phone, receiver phone (once when both phones are equal). */
export function lookupKeys(rows: readonly ParcelValues[], ids: readonly number[]): Array<[bigint, number]> {
  const out: Array<[bigint, number]> = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const id = ids[i]!;
    if (r.sender_id_bidx !== null) out.push([r.sender_id_bidx, id]);
    if (r.sender_phone_bidx !== null) out.push([r.sender_phone_bidx, id]);
    if (r.receiver_phone_bidx !== null && r.receiver_phone_bidx !== r.sender_phone_bidx) out.push([r.receiver_phone_bidx, id]);
  }
  return out;
}

interface SqliteStatements {
  insert: SQLite.Statement;
  existing: SQLite.Statement;
  key: SQLite.Statement;
  merge: SQLite.Statement;
  clearStaged: SQLite.Statement;
  stage: KeyStage;
  daily: SQLite.Statement;
  nc: SQLite.Statement;
  flow: SQLite.Statement;
  flag: SQLite.Statement;
  outlet: SQLite.Statement;
  tx: (batch: readonly ParcelValues[], meta: WriteMeta) => StoreOutcome[];
}

const prepared = new WeakMap<SQLite.Database, SqliteStatements>();

function statements(db: SQLite.Database): SqliteStatements {
  let s = prepared.get(db);
  if (s) return s;
  const cols = ALL_COLUMNS.join(', ');
  const marks = ALL_COLUMNS.map(() => '?').join(', ');
  const upsert = (table: string, keys: string[], counters: string[]) =>
    db.prepare(`insert into ${table} (${[...keys, ...counters].join(', ')}) values (${[...keys, ...counters].map(() => '?').join(', ')})
      on conflict (${keys.join(', ')}) do update set ${counters.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`);
  const st: Omit<SqliteStatements, 'tx'> = {
    insert: db.prepare(`insert into parcels (${cols}) values (${marks}) on conflict (courier, waybill_no) do nothing`),
    existing: db.prepare('select id, content_hash from parcels where courier = ? and waybill_no = ?'),
    key: db.prepare('insert or ignore into parcel_keys_recent (bucket, parcel_id, key) values (?, ?, ?)'),
    merge: db.prepare(`insert or ignore into parcel_keys (segment, key, parcel_id)
      select parcel_id >> ${SEGMENT_BITS}, key, parcel_id from parcel_keys_recent where bucket = ? and key between ? and ? order by 1, 2, 3`),
    clearStaged: db.prepare('delete from parcel_keys_recent where bucket = ? and key between ? and ?'),
    stage: { staged: Number(db.prepare('select count(*) from parcel_keys_recent').pluck().get()), nextSlice: -1 },
    daily: upsert('parcel_stats_daily', ['day', 'courier', 'outlet'], ['total', 'real_name_ok', 'noncompliant', 'flagged']),
    nc: upsert('parcel_stats_noncompliance', ['day', 'courier', 'code'], ['count']),
    flow: upsert('parcel_stats_flows', ['day', 'origin_province', 'destination_province'], ['count']),
    flag: upsert('parcel_stats_flags', ['day', 'category'], ['count']),
    outlet: db.prepare('insert or ignore into outlets (code, courier, division_code, first_seen_at) values (?, ?, ?, ?)'),
  };
  const tx = db.transaction((batch: readonly ParcelValues[], meta: WriteMeta) => sqliteBatch(st, batch, meta));
  s = { ...st, tx };
  prepared.set(db, s);
  return s;
}

function sqliteBatch(st: Omit<SqliteStatements, 'tx'>, batch: readonly ParcelValues[], meta: WriteMeta): StoreOutcome[] {
  const outcomes: StoreOutcome[] = [];
  const inserted: ParcelValues[] = [];
  const insertedIds: number[] = [];
  const params: unknown[] = new Array(ALL_COLUMNS.length);
  for (const v of batch) {
    for (let i = 0; i < VALUE_COLUMNS.length; i++) params[i] = v[VALUE_COLUMNS[i]!];
    params[VALUE_COLUMNS.length] = meta.source;
    params[VALUE_COLUMNS.length + 1] = meta.runId;
    params[VALUE_COLUMNS.length + 2] = meta.createdAt;
    const r = st.insert.run(params);
    if (r.changes === 1) {
      const id = Number(r.lastInsertRowid);
      outcomes.push({ id, status: 'inserted' });
      inserted.push(v);
      insertedIds.push(id);
    } else {
      const e = st.existing.get(v.courier, v.waybill_no) as { id: number; content_hash: string };
      outcomes.push({ id: Number(e.id), status: e.content_hash === v.content_hash ? 'duplicate' : 'conflict' });
    }
  }
  const keys = lookupKeys(inserted, insertedIds);
  for (const k of keys) st.key.run(stagedBucket(k[0]), k[1], k[0]);
  mergeStep(st, keys.length);
  applyStatsSqlite(st, statsDelta(inserted), meta.createdAt);
  return outcomes;
}

/**
 * Staged-key bookkeeping of one connection: rows believed in `parcel_keys_recent` and the next
 * key-range slice of a running merge (-1: none). Only a trigger — after a rolled-back
 * transaction it may be off, which delays or hastens a merge and loses nothing.
 */
interface KeyStage {
  staged: number;
  nextSlice: number;
}

/** Slices of a merge: the signed 64-bit key space cut in MERGE_SLICES equal ranges [lo, hi]. */
export const MERGE_SLICES = 32;
/** Slices in one bucket of the staged table (schema.ts STAGED_BUCKETS equal key ranges). */
const SLICES_PER_BUCKET = MERGE_SLICES / STAGED_BUCKETS;
const SLICES: ReadonlyArray<readonly [bigint, bigint]> = Array.from({ length: MERGE_SLICES }, (_, i) => {
  const width = 2n ** 64n / BigInt(MERGE_SLICES);
  const lo = -(2n ** 63n) + BigInt(i) * width;
  return [lo, lo + width - 1n] as const;
});

/**
 * Once MERGE_KEYS rows are staged, merge them into `parcel_keys` one key range at a time: each
 * slice touches 1/32 of the newest segment's leaves with 1/32 of the keys — the same pages in
 * all as one merge, but no commit waits for the whole merge (one merge of 25,000 keys held a
 * commit for 60–100 ms on the loaded 2-core machine, an eighth of it 15–22 ms when cold: the
 * p99 of batch registrations). A transaction merges as many slices as it takes to remove at
 * least the keys it added (a 125-record registration commit: one; a 2,000-row load batch:
 * about eight), so the staged table stays near MERGE_KEYS rows whatever the batch size — a
 * look-up scans it, and a load whose batches outran a slice per commit left 93,160 rows
 * (2.4 ms of each look-up at 1,000,000 parcels; writer.test.ts).
 */
function mergeStep(st: Omit<SqliteStatements, 'tx'>, added: number): void {
  const stage = st.stage;
  stage.staged += added;
  let removed = 0;
  // At most one round's worth of slices per transaction, whatever the bookkeeping believes.
  for (let n = 0; n < MERGE_SLICES && (n === 0 || removed < added); n++) {
    if (stage.nextSlice < 0) {
      if (stage.staged < MERGE_KEYS) return;
      stage.nextSlice = 0;
    }
    removed += mergeSlice(st, stage.nextSlice);
    stage.nextSlice = stage.nextSlice + 1 === MERGE_SLICES ? -1 : stage.nextSlice + 1;
  }
}

/**
 * Merge one key-range slice of the staged keys into `parcel_keys`; returns the rows it removed.
 * The slice lies in one bucket of the staged table (SLICES_PER_BUCKET consecutive slices per
 * bucket), which is all the merge scans: with the whole table scanned per slice, merging took 13 µs
 * of each imported row on the Intel bench machine.
 */
function mergeSlice(st: Omit<SqliteStatements, 'tx'>, slice: number): number {
  const [lo, hi] = SLICES[slice]!;
  const bucket = Math.floor(slice / SLICES_PER_BUCKET);
  st.merge.run(bucket, lo, hi);
  const n = st.clearStaged.run(bucket, lo, hi).changes;
  st.stage.staged -= n;
  return n;
}

/**
 * Merge every staged look-up key into `parcel_keys` now, in one transaction (SQLite; PostgreSQL
 * has no staged keys). Called at the end of a bulk load so the look-ups that follow find an
 * empty staged table; correct results never depend on it.
 */
export function drainStagedKeys(database: Database): void {
  if (database.dialect !== 'sqlite') return;
  const st = statements(database.sqlite!);
  database.sqlite!.transaction(() => {
    for (let i = 0; i < MERGE_SLICES; i++) mergeSlice(st, i);
    st.stage.nextSlice = -1;
  })();
}

function applyStatsSqlite(st: Omit<SqliteStatements, 'tx'>, d: StatsDelta, at: string): void {
  for (const x of d.daily) st.daily.run(x.day, x.courier, x.outlet, x.total, x.realNameOk, x.noncompliant, x.flagged);
  for (const x of d.noncompliance) st.nc.run(x.key.day, x.key.courier, x.key.code, x.count);
  for (const x of d.flows) st.flow.run(x.key.day, x.key.origin_province, x.key.destination_province, x.count);
  for (const x of d.flags) st.flag.run(x.key.day, x.key.category, x.count);
  for (const [code, [courier, division]] of d.outlets) st.outlet.run(code, courier, division, at);
}

/**
 * Write one batch in one transaction and report, per record and in order, its id and status.
 * Records of the batch that share a key: the first is inserted, the others are duplicates or
 * conflicts of it. Throws only on database failure (the whole batch is rolled back).
 */
export async function writeParcels(database: Database, batch: readonly ParcelValues[], meta: WriteMeta): Promise<StoreOutcome[]> {
  if (batch.length === 0) return [];
  if (database.dialect === 'sqlite') return statements(database.sqlite!).tx(batch, meta);
  return writePostgres(database.pgPool!, batch, meta);
}
