/**
 * Tables of the parcels application (实名收寄), on SQLite and PostgreSQL through Kysely.
 *
 * - `parcels`: one row per registered parcel; natural key (courier, waybill_no). Personal
 *   identifiers are stored encrypted (`*_enc`, XChaCha20-Poly1305, src/security/crypto.ts) with a blind index (`*_bidx`,
 *   HMAC-SHA256 → signed 64-bit) beside them; names and addresses are stored as given and
 *   masked on read (README.md).
 * - `parcel_keys`: the person look-up structure (blind index → parcel ids), kept apart from
 *   `parcels` and segmented by parcel id (`segment = id >> 18`, 262,144 parcels per segment), so
 *   a merge only rewrites leaves of the newest segment. A look-up probes every segment (one
 *   index descent each) and scans its key's bucket of `parcel_keys_recent`.
 * - `parcel_keys_recent`: keys of the newest parcels, in STAGED_BUCKETS buckets by the key's top
 *   bits, each in insertion order (primary key bucket, parcel id, key): an insert touches the last
 *   page of its bucket only, a look-up scans one bucket, not the whole table (the whole table's
 *   scan, 23,631 rows, was 0.76–1.0 ms of a 5 ms look-up at 1,000,000 parcels on the Intel bench
 *   machine), and each key-range slice of a merge lies in one bucket (writer.ts). On SQLite the
 *   writer merges it into `parcel_keys` in one sorted INSERT … SELECT once it holds MERGE_KEYS
 *   rows, so the random-key B-tree is written in runs, not one random leaf per key per commit —
 *   that random insert was 357 of the 434 pages a 125-record commit wrote at 1,000,000 parcels
 *   (bench/ingest.ts, BENCHMARKS.md "Ingest"; the log-structured merge idea of O'Neil et al., "The
 *   LSM-tree", Acta Informatica 33, 1996). PostgreSQL logs rows, not pages, and writes
 *   `parcel_keys` directly.
 * - `parcel_stats_*`: aggregates maintained in the same transaction as the inserts, so the
 *   dashboard never scans `parcels`.
 * - `outlets`: outlets seen in registrations (code, courier, division of the first parcel).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../store/database.ts';
import { types, type MigrationFactory } from '../../store/migrate.ts';

/** Parcels per look-up segment, as a power of two: segment = id >> SEGMENT_BITS. */
export const SEGMENT_BITS = 18;

/**
 * Rows of `parcel_keys_recent` that make the SQLite writer merge them into `parcel_keys`
 * (about 10,000 parcels). Measured at 1,000,000 parcels with 125-record commits: 10,000 rows
 * 176 pages per commit, 25,000 rows 124 (direct inserts: 434); a look-up's scan of 25,000
 * rows here costs under 0.3 ms (bench/ingest.ts, BENCHMARKS.md "Ingest").
 */
export const MERGE_KEYS = 25_000;

/**
 * Buckets of `parcel_keys_recent`: the signed 64-bit key space in 8 equal ranges, in key order
 * (bucket = (key >> 61) + 4). A look-up scans 1/8 of the staged keys, a merge slice (a 1/32 key
 * range, writer.ts) 1/8 instead of all of them, and a commit appends to at most 8 pages instead of
 * one — against the 124 pages a 125-record commit writes at 1,000,000 parcels.
 */
export const STAGED_BUCKETS = 8;

/** Row shape of `parcels` as stored (integers 0/1 for booleans on both dialects). */
export interface ParcelTable {
  id: number;
  courier: string;
  waybill_no: string;
  accepted_at: string | Date;
  accepted_day: string;
  outlet: string;
  clerk: string;
  sender_name: string;
  sender_id_type: string;
  sender_id_enc: string | null;
  sender_id_bidx: bigint | number | null;
  sender_phone_enc: string | null;
  sender_phone_bidx: bigint | number | null;
  sender_address: string;
  sender_division: string | null;
  sender_province: string | null;
  receiver_name: string;
  receiver_phone_enc: string | null;
  receiver_phone_bidx: bigint | number | null;
  receiver_address: string;
  receiver_division: string | null;
  receiver_province: string | null;
  item_name: string;
  item_nature: string;
  item_quantity: number;
  weight_grams: number;
  inspected: number;
  real_name_ok: number;
  noncompliance: string | null;
  flagged_terms: string | null;
  source: string;
  ingest_run_id: string | null;
  content_hash: string;
  created_at: string | Date;
}

function withoutRowid(dialect: DialectName) {
  return dialect === 'sqlite' ? sql`without rowid` : sql``;
}

async function createParcels(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema
    .createTable('parcels')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('courier', 'text', (c) => c.notNull())
    .addColumn('waybill_no', 'text', (c) => c.notNull())
    .addColumn('accepted_at', t.timestamp, (c) => c.notNull())
    .addColumn('accepted_day', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_id_type', 'text', (c) => c.notNull())
    .addColumn('sender_id_enc', 'text')
    .addColumn('sender_id_bidx', 'bigint')
    .addColumn('sender_phone_enc', 'text')
    .addColumn('sender_phone_bidx', 'bigint')
    .addColumn('sender_address', 'text', (c) => c.notNull())
    .addColumn('sender_division', 'text')
    .addColumn('sender_province', 'text')
    .addColumn('receiver_name', 'text', (c) => c.notNull())
    .addColumn('receiver_phone_enc', 'text')
    .addColumn('receiver_phone_bidx', 'bigint')
    .addColumn('receiver_address', 'text', (c) => c.notNull())
    .addColumn('receiver_division', 'text')
    .addColumn('receiver_province', 'text')
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('item_nature', 'text', (c) => c.notNull())
    .addColumn('item_quantity', 'integer', (c) => c.notNull())
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    .addColumn('inspected', 'integer', (c) => c.notNull())
    .addColumn('real_name_ok', 'integer', (c) => c.notNull())
    .addColumn('noncompliance', 'text')
    .addColumn('flagged_terms', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('ingest_run_id', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('parcels_courier_waybill_uq', ['courier', 'waybill_no'])
    .execute();
  await db.schema.createIndex('parcels_flagged_day_idx').on('parcels').columns(['accepted_day', 'id']).where(sql.ref('flagged_terms'), 'is not', null).execute();
  await db.schema
    .createTable('parcel_keys')
    .addColumn('segment', 'integer', (c) => c.notNull())
    .addColumn('key', 'bigint', (c) => c.notNull())
    .addColumn('parcel_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('parcel_keys_pk', ['segment', 'key', 'parcel_id'])
    .modifyEnd(withoutRowid(dialect))
    .execute();
  await db.schema
    .createTable('outlets')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('courier', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('division_code', 'text')
    .addColumn('first_seen_at', t.timestamp, (c) => c.notNull())
    .execute();
}

async function createStats(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const int = 'bigint' as const;
  await db.schema
    .createTable('parcel_stats_daily')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('courier', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('total', int, (c) => c.notNull())
    .addColumn('real_name_ok', int, (c) => c.notNull())
    .addColumn('noncompliant', int, (c) => c.notNull())
    .addColumn('flagged', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('parcel_stats_daily_pk', ['day', 'courier', 'outlet'])
    .modifyEnd(withoutRowid(dialect))
    .execute();
  await db.schema
    .createTable('parcel_stats_noncompliance')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('courier', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('count', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('parcel_stats_noncompliance_pk', ['day', 'courier', 'code'])
    .modifyEnd(withoutRowid(dialect))
    .execute();
  await db.schema
    .createTable('parcel_stats_flows')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('origin_province', 'text', (c) => c.notNull())
    .addColumn('destination_province', 'text', (c) => c.notNull())
    .addColumn('count', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('parcel_stats_flows_pk', ['day', 'origin_province', 'destination_province'])
    .modifyEnd(withoutRowid(dialect))
    .execute();
  await db.schema
    .createTable('parcel_stats_flags')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('parcel_stats_flags_pk', ['day', 'category'])
    .modifyEnd(withoutRowid(dialect))
    .execute();
}

/** The staged look-up keys, `parcel_keys_recent` (see the module doc). */
async function stageKeys(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('parcel_keys_recent')
    .addColumn('key', 'bigint', (c) => c.notNull())
    .addColumn('parcel_id', 'bigint', (c) => c.notNull())
    .execute();
}

/** `parcel_keys_recent` in buckets (see the module doc); the staged keys are kept. */
async function bucketStagedKeys(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('parcel_keys_recent_bucketed')
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('parcel_id', 'bigint', (c) => c.notNull())
    .addColumn('key', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('parcel_keys_recent_pk', ['bucket', 'parcel_id', 'key'])
    .modifyEnd(withoutRowid(dialect))
    .execute();
  await sql`insert into parcel_keys_recent_bucketed (bucket, parcel_id, key)
    select distinct (key >> 61) + 4, parcel_id, key from parcel_keys_recent`.execute(db);
  await db.schema.dropTable('parcel_keys_recent').execute();
  await db.schema.alterTable('parcel_keys_recent_bucketed').renameTo('parcel_keys_recent').execute();
}

/** Bucket of a look-up key in `parcel_keys_recent` (0 for the lowest eighth of the signed 64-bit range, 7 for the highest). */
export function stagedBucket(key: bigint): number {
  return Number((key >> 61n) + 4n);
}

/** Migrations in the form src/store/migrate.ts expects (names `202611300200_parcels_…`). */
export const migrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300200_parcels_tables': (dialect) => ({ up: (db) => createParcels(db, dialect) }),
  '202611300201_parcels_stats': (dialect) => ({ up: (db) => createStats(db, dialect) }),
  '202612010000_parcels_staged_keys': () => ({ up: (db) => stageKeys(db) }),
  '202612011200_parcels_staged_key_buckets': (dialect) => ({ up: (db) => bucketStagedKeys(db, dialect) }),
};
