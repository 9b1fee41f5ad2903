/**
 * Queries of the parcels application (STYLE: repository = queries only, no policy, no
 * masking): person look-ups through `parcel_keys`, waybill look-ups through the unique
 * (courier, waybill_no) index, and the dashboard aggregates from `parcel_stats_*`.
 */
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/database.ts';
import type { ParcelTable } from './schema.ts';
import { SEGMENT_BITS, stagedBucket } from './schema.ts';

interface Tables {
  parcels: ParcelTable;
  parcel_keys: { segment: number; key: bigint; parcel_id: number };
  parcel_keys_recent: { bucket: number; parcel_id: number; key: bigint };
  parcel_stats_daily: { day: string; courier: string; outlet: string; total: number; real_name_ok: number; noncompliant: number; flagged: number };
  parcel_stats_noncompliance: { day: string; courier: string; code: string; count: number };
  parcel_stats_flows: { day: string; origin_province: string; destination_province: string; count: number };
  parcel_stats_flags: { day: string; category: string; count: number };
}

function db(database: Database): Kysely<Tables> {
  return database.db as Kysely<Tables>;
}

/** Most rows a look-up returns. */
export const LOOKUP_LIMIT = 500;

/** Parcels with this waybill number; `couriers` = the candidate courier codes (one index probe each). */
export async function findByWaybill(database: Database, couriers: readonly string[], waybillNo: string): Promise<ParcelTable[]> {
  if (couriers.length === 0) return [];
  return db(database).selectFrom('parcels').selectAll().where('courier', 'in', couriers).where('waybill_no', '=', waybillNo).orderBy('id').execute();
}

/** The columns a look-up shows (keys, hashes, divisions and bookkeeping are not read). */
export const VIEW_COLUMNS = [
  'id', 'courier', 'waybill_no', 'accepted_at', 'accepted_day', 'outlet', 'clerk', 'sender_name', 'sender_id_type', 'sender_id_enc', 'sender_phone_enc',
  'sender_address', 'sender_province', 'receiver_name', 'receiver_phone_enc', 'receiver_address', 'receiver_province', 'item_name', 'item_nature',
  'item_quantity', 'weight_grams', 'inspected', 'real_name_ok', 'noncompliance', 'flagged_terms', 'source',
] as const satisfies ReadonlyArray<keyof ParcelTable>;

/** A parcel row as a look-up reads it. */
export type ParcelViewRow = Pick<ParcelTable, (typeof VIEW_COLUMNS)[number]>;

/** A look-up row as a tuple of values in VIEW_COLUMNS order (better-sqlite3 raw mode). */
export type ParcelViewTuple = readonly unknown[];

/** Position of each VIEW_COLUMNS column in a ParcelViewTuple. */
export const VIEW_AT = Object.freeze(Object.fromEntries(VIEW_COLUMNS.map((c, i) => [c, i])) as { readonly [C in (typeof VIEW_COLUMNS)[number]]: number });

/** A ParcelViewTuple as an object with the column names (tests, tools; look-ups read tuples). */
export function viewRow(r: ParcelViewTuple): ParcelViewRow {
  return Object.fromEntries(VIEW_COLUMNS.map((c, i) => [c, r[i]])) as unknown as ParcelViewRow;
}

/** The encrypted identifiers among VIEW_COLUMNS (sender ID number, sender phone, receiver phone). */
export const IDENTIFIER_COLUMNS = ['sender_id_enc', 'sender_phone_enc', 'receiver_phone_enc'] as const satisfies ReadonlyArray<(typeof VIEW_COLUMNS)[number]>;

/** Prepared SQLite statements of the person look-up (one compile per connection, not per look-up). */
interface LookupStatements {
  readonly maxId: SQLite.Statement;
  readonly idsByKey: SQLite.Statement;
  readonly byIds: SQLite.Statement;
  /** byIds with null in the IDENTIFIER_COLUMNS (read by the identifier reader thread instead). */
  readonly byIdsWithoutIdentifiers: SQLite.Statement;
  readonly identifiersByIds: SQLite.Statement;
}

const IDS_IN = 'from parcels where id in (select value from json_each(?)) order by id desc';
const lookupStatements = new WeakMap<SQLite.Database, LookupStatements>();

function sqliteLookup(sqlite: SQLite.Database): LookupStatements {
  let s = lookupStatements.get(sqlite);
  if (!s) {
    s = {
      maxId: sqlite.prepare('select max(id) as m from parcels').pluck(),
      // One index descent per segment: the segments come as a JSON array (one statement for any count).
      idsByKey: sqlite
        .prepare(`select parcel_id from (select parcel_id from parcel_keys where segment in (select value from json_each(?)) and key = ?
          union all select parcel_id from parcel_keys_recent where bucket = ? and key = ?) order by parcel_id desc limit ${LOOKUP_LIMIT}`)
        .pluck()
        .safeIntegers(false),
      byIds: sqlite.prepare(`select ${VIEW_COLUMNS.join(', ')} ${IDS_IN}`).raw(true),
      byIdsWithoutIdentifiers: sqlite
        .prepare(`select ${VIEW_COLUMNS.map((c) => ((IDENTIFIER_COLUMNS as readonly string[]).includes(c) ? `null as ${c}` : c)).join(', ')} ${IDS_IN}`)
        .raw(true),
      identifiersByIds: sqlite.prepare(`select id, ${IDENTIFIER_COLUMNS.join(', ')} ${IDS_IN}`).raw(true),
    };
    lookupStatements.set(sqlite, s);
  }
  return s;
}

/**
 * Ids of parcels carrying this blind-index key (any role), newest first, at most LOOKUP_LIMIT:
 * one probe per segment of `parcel_keys`, and a scan of the key's bucket of the (short) `parcel_keys_recent`.
 */
export async function parcelIdsByKey(database: Database, key: bigint): Promise<number[]> {
  const sqlite = database.sqlite;
  if (sqlite) {
    const st = sqliteLookup(sqlite);
    const top = Math.floor(Number(st.maxId.get() ?? 0) / 2 ** SEGMENT_BITS);
    return (st.idsByKey.all(JSON.stringify(Array.from({ length: top + 1 }, (_, i) => i)), key, stagedBucket(key), key) as Array<number | bigint>).map(Number);
  }
  const max = await db(database).selectFrom('parcels').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  const top = Math.floor(Number(max?.m ?? 0) / 2 ** SEGMENT_BITS);
  const segments = Array.from({ length: top + 1 }, (_, i) => i);
  const rows = await db(database)
    .selectFrom('parcel_keys')
    .select('parcel_id')
    .where('segment', 'in', segments)
    .where('key', '=', key)
    .unionAll(db(database).selectFrom('parcel_keys_recent').select('parcel_id').where('bucket', '=', stagedBucket(key)).where('key', '=', key))
    .orderBy('parcel_id', 'desc')
    .limit(LOOKUP_LIMIT)
    .execute();
  return rows.map((r) => Number(r.parcel_id));
}

/**
 * Parcels by id as ParcelViewTuples (VIEW_COLUMNS order), newest first: a 286-parcel look-up
 * builds one array per row instead of an array and an object (the second object and its garbage
 * were a tenth of a look-up's time at 1,000,000 parcels, bench/ingest.ts).
 * SQLite: one prepared statement with the ids as a JSON array (a look-up of hundreds of parcels
 * otherwise compiles a statement with as many parameters each time). `withIdentifiers: false`
 * (SQLite only): null in the IDENTIFIER_COLUMNS, which the identifier reader thread reads.
 */
export async function parcelsByIds(database: Database, ids: readonly number[], options: { withIdentifiers?: boolean } = {}): Promise<ParcelViewTuple[]> {
  if (ids.length === 0) return [];
  if (database.sqlite) {
    const st = sqliteLookup(database.sqlite);
    return (options.withIdentifiers === false ? st.byIdsWithoutIdentifiers : st.byIds).all(JSON.stringify(ids)) as unknown[][];
  }
  const rows = await db(database).selectFrom('parcels').select(VIEW_COLUMNS).where('id', 'in', ids).orderBy('id', 'desc').execute();
  return rows.map((r) => VIEW_COLUMNS.map((c) => r[c]));
}

/**
 * [id, sender_id_enc, sender_phone_enc, receiver_phone_enc] of these parcels, newest first
 * (SQLite, synchronous: the identifier reader thread's query).
 */
export function parcelIdentifiersByIds(sqlite: SQLite.Database, ids: readonly number[]): Array<[number, string | null, string | null, string | null]> {
  return sqliteLookup(sqlite).identifiersByIds.all(JSON.stringify(ids)) as Array<[number, string | null, string | null, string | null]>;
}

/** Inclusive local-day range 'YYYY-MM-DD'; either end may be open. */
export interface DayRange {
  readonly from?: string;
  readonly to?: string;
}

function inRange<T extends { where: (...a: never[]) => T }>(q: T, range: DayRange): T {
  let out = q as unknown as { where: (c: string, op: string, v: string) => unknown };
  if (range.from) out = out.where('day', '>=', range.from) as typeof out;
  if (range.to) out = out.where('day', '<=', range.to) as typeof out;
  return out as unknown as T;
}

const n = (v: unknown) => Number(v ?? 0);

/** Daily totals and real-name counts. */
export async function dailyTotals(database: Database, range: DayRange) {
  const q = db(database).selectFrom('parcel_stats_daily').select((eb) => ['day', eb.fn.sum<number>('total').as('total'), eb.fn.sum<number>('real_name_ok').as('ok'), eb.fn.sum<number>('flagged').as('flagged'), eb.fn.sum<number>('noncompliant').as('nc')]);
  const rows = await inRange(q, range).groupBy('day').orderBy('day').execute();
  return rows.map((r) => ({ day: r.day, total: n(r.total), realNameOk: n(r.ok), flagged: n(r.flagged), noncompliant: n(r.nc) }));
}

/** Totals per courier. */
export async function courierTotals(database: Database, range: DayRange) {
  const q = db(database).selectFrom('parcel_stats_daily').select((eb) => ['courier', eb.fn.sum<number>('total').as('total'), eb.fn.sum<number>('real_name_ok').as('ok')]);
  const rows = await inRange(q, range).groupBy('courier').orderBy('total', 'desc').orderBy('courier').execute();
  return rows.map((r) => ({ courier: r.courier, total: n(r.total), realNameOk: n(r.ok) }));
}

/** The `limit` outlets with most parcels. */
export async function outletTotals(database: Database, range: DayRange, limit: number) {
  const q = db(database).selectFrom('parcel_stats_daily').select((eb) => ['outlet', 'courier', eb.fn.sum<number>('total').as('total'), eb.fn.sum<number>('real_name_ok').as('ok')]);
  const rows = await inRange(q, range).groupBy(['outlet', 'courier']).orderBy('total', 'desc').orderBy('outlet').limit(limit).execute();
  return rows.map((r) => ({ outlet: r.outlet, courier: r.courier, total: n(r.total), realNameOk: n(r.ok) }));
}

/** Noncompliance findings per code. */
export async function noncomplianceCounts(database: Database, range: DayRange) {
  const q = db(database).selectFrom('parcel_stats_noncompliance').select((eb) => ['code', eb.fn.sum<number>('count').as('count')]);
  const rows = await inRange(q, range).groupBy('code').orderBy('count', 'desc').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, count: n(r.count) }));
}

/** Origin → destination province flows, largest first. */
export async function flowCounts(database: Database, range: DayRange, limit: number) {
  const q = db(database).selectFrom('parcel_stats_flows').select((eb) => ['origin_province', 'destination_province', eb.fn.sum<number>('count').as('count')]);
  const rows = await inRange(q, range).groupBy(['origin_province', 'destination_province']).orderBy('count', 'desc').orderBy('origin_province').orderBy('destination_province').limit(limit).execute();
  return rows.map((r) => ({ originProvince: r.origin_province, destinationProvince: r.destination_province, count: n(r.count) }));
}

/** Flagged parcels per prohibited-item category. */
export async function flagCounts(database: Database, range: DayRange) {
  const q = db(database).selectFrom('parcel_stats_flags').select((eb) => ['category', eb.fn.sum<number>('count').as('count')]);
  const rows = await inRange(q, range).groupBy('category').orderBy('count', 'desc').orderBy('category').execute();
  return rows.map((r) => ({ category: r.category, count: n(r.count) }));
}

/** The newest flagged parcels in the range (no personal fields selected). */
export async function recentFlagged(database: Database, range: DayRange, limit: number) {
  let q = db(database).selectFrom('parcels').select(['id', 'courier', 'waybill_no', 'item_name', 'flagged_terms', 'accepted_at']).where('flagged_terms', 'is not', null);
  if (range.from) q = q.where('accepted_day', '>=', range.from);
  if (range.to) q = q.where('accepted_day', '<=', range.to);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Row count of `parcels` (for tests and the bench). */
export async function countParcels(database: Database): Promise<number> {
  const r = await sql<{ c: number }>`select count(*) as c from parcels`.execute(database.db);
  return Number(r.rows[0]?.c ?? 0);
}
