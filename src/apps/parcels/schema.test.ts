import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { testDialects } from '../../store/testing.ts';
import { migrations, STAGED_BUCKETS, stagedBucket } from './schema.ts';

describe.each(testDialects())('parcels schema on $name', (dialect) => {
  it('keeps the staged look-up keys when it puts them in buckets, each in its key\'s bucket', async () => {
    const { config, drop } = await dialect.create();
    const database = openDatabase(config);
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '202612010000_parcels_staged_keys'));
      await migrateToLatest(database, before);
      // Negative and positive keys: the bucket is the key's low bits in two's complement.
      const staged: Array<[bigint, number]> = [[-6008617717172680422n, 11], [-2915380212052032343n, 11], [1994572595909548097n, 12], [-1n, 13], [8n, 14]];
      for (const [key, id] of staged) await sql`insert into parcel_keys_recent (key, parcel_id) values (${key}, ${id})`.execute(database.db);
      await migrateToLatest(database, migrations);
      const rows = await sql<{ bucket: number; parcel_id: number; key: string }>`select bucket, parcel_id, cast(key as text) as key from parcel_keys_recent`.execute(database.db);
      const order = (a: [bigint, number, number], b: [bigint, number, number]) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1);
      expect(rows.rows.map((r): [bigint, number, number] => [BigInt(r.key), Number(r.parcel_id), Number(r.bucket)]).sort(order)).toEqual(
        staged.map(([key, id]): [bigint, number, number] => [key, id, stagedBucket(key)]).sort(order),
      );
      // Buckets are eighths of the signed 64-bit range, in key order.
      expect([-(2n ** 63n), -(2n ** 61n) - 1n, -(2n ** 61n), -1n, 0n, 2n ** 61n - 1n, 2n ** 63n - 1n].map(stagedBucket)).toEqual([0, 2, 3, 3, 4, 4, STAGED_BUCKETS - 1]);
    } finally {
      await database.close();
      await drop();
    }
  });
});
