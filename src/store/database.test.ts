import { sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, ping, writeIfUnlocked } from './database.ts';
import { migrateToLatest, types } from './migrate.ts';
import { testDialects } from './testing.ts';

describe.each(testDialects())('store on $name', (dialect) => {
  it('opens, migrates in name order, and round-trips rows', async () => {
    const { config, drop } = await dialect.create();
    const database = openDatabase(config);
    try {
      expect(await ping(database)).toBe(true);
      const order: string[] = [];
      const migrations: Parameters<typeof migrateToLatest>[1] = {
        '202611300002_test_b': (d) => ({
          up: async (db) => {
            order.push('b');
            await db.schema.alterTable('t').addColumn('note', 'text').execute();
            expect(types(d).serial).toBe(d === 'postgres' ? 'bigserial' : 'integer');
          },
        }),
        '202611300001_test_a': (d) => ({
          up: async (db) => {
            order.push('a');
            await db.schema.createTable('t').addColumn('id', types(d).serial, (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull()).execute();
          },
        }),
      };
      const result = await migrateToLatest(database, migrations);
      expect(order).toEqual(['a', 'b']);
      expect(result.results?.map((r) => r.status)).toEqual(['Success', 'Success']);
      await database.db.insertInto('t').values([{ name: '李娜', note: 'x' }, { name: '王强' }]).execute();
      const rows = await database.db.selectFrom('t').select(['id', 'name']).orderBy('id').execute();
      expect(rows.map((r) => r.name)).toEqual(['李娜', '王强']);
      expect(typeof rows[0]!.id).toBe('number');
      const again = await migrateToLatest(database, migrations);
      expect(again.results).toEqual([]);
      await expect(migrateToLatest(database, {})).rejects.toThrow(/missing/);
      const count = await sql<{ n: number }>`select count(*) as n from t`.execute(database.db);
      expect(Number(count.rows[0]!.n)).toBe(2);
    } finally {
      await database.close();
      await drop();
    }
  });
});

describe('writeIfUnlocked on an SQLite file', () => {
  it('skips the write instead of waiting while another connection holds the write lock, then writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-unlocked-'));
    const file = path.join(dir, 'a.db');
    const database = openDatabase({ databaseUrl: undefined, sqlitePath: file });
    try {
      await sql`create table s (k text primary key, seen text)`.execute(database.db);
      await sql`insert into s values ('a', 'old')`.execute(database.db);
      const other = new SQLite(file);
      other.exec('begin immediate');
      const update = (database.db as import('kysely').Kysely<{ s: { k: string; seen: string } }>).updateTable('s').set({ seen: 'new' }).where('k', '=', 'a');
      // Waiting out the connection's busy_timeout (10 s) would also end in SQLITE_BUSY, but after
      // the test's own 5 s timeout; the busy_timeout is left as it was.
      expect(await writeIfUnlocked(database, update)).toBe(false);
      expect(database.sqlite!.pragma('busy_timeout', { simple: true })).toBe(10_000);
      other.exec('commit');
      other.close();
      expect(await writeIfUnlocked(database, update)).toBe(true);
      expect(database.sqlite!.prepare('select seen from s').pluck().get()).toBe('new');
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
