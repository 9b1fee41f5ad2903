import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckpointer, withCheckpointer } from './checkpointer.ts';

/** A WAL database with one table and a transaction writing `n` rows of 500 bytes. */
function walTable(file: string, autocheckpoint: number): { db: SQLite.Database; write: (n: number) => void } {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  db.exec('create table t (id integer primary key, v text)');
  const insert = db.prepare('insert into t (v) values (?)');
  const write = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run('x'.repeat(500));
  });
  return { db, write };
}

describe('startCheckpointer', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-ckpt-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies the WAL of another connection back into the database file while it keeps writing', async () => {
    const file = path.join(dir, 'a.db');
    const { db, write } = walTable(file, 0); // the writer never checkpoints itself
    const checkpointer = startCheckpointer(file, { intervalMs: 5, minFrames: 1 });
    const dbFile = () => fs.statSync(file).size;
    const before = dbFile();
    for (let round = 0; round < 40; round++) {
      write(200);
      await new Promise((r) => setTimeout(r, 10));
    }
    const result = await checkpointer.stop();
    expect(result.checkpoints).toBeGreaterThan(0);
    expect(result.frames).toBeGreaterThan(1000);
    // The rows reached the database file itself, not only the WAL.
    expect(dbFile()).toBeGreaterThan(before + 2_000_000);
    expect(db.prepare('select count(*) as n from t').pluck().get()).toBe(8000);
    db.close();
  });

  it('withCheckpointer: a bulk write runs with its checkpoints on the thread, and the setting is restored even when the write fails', async () => {
    const file = path.join(dir, 'b.db');
    const { db, write } = walTable(file, 10000);
    const before = fs.statSync(file).size;
    let during = 0;
    const n = await withCheckpointer(db, async () => {
      during = db.pragma('wal_autocheckpoint', { simple: true }) as number;
      for (let round = 0; round < 40; round++) {
        write(200);
        await new Promise((r) => setTimeout(r, 10));
      }
      // The thread copied the load into the database file while it ran (the connection itself
      // would not have checkpointed: 8,000 rows are about 1,100 pages, under 10,000).
      await new Promise((r) => setTimeout(r, 400));
      return db.prepare('select count(*) from t').pluck().get() as number;
    }, { intervalMs: 5, minFrames: 1 });
    expect(n).toBe(8000);
    expect(during).toBe(100_000);
    expect(fs.statSync(file).size).toBeGreaterThan(before + 2_000_000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    await expect(withCheckpointer(db, async () => {
      throw new Error('load failed');
    })).rejects.toThrow('load failed');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    db.close();
  });

  it('withCheckpointer: an in-memory database or none (PostgreSQL) runs the write as is', async () => {
    const mem = new SQLite(':memory:');
    expect(await withCheckpointer(mem, async () => mem.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    expect(await withCheckpointer(null, async () => 'pg')).toBe('pg');
    mem.close();
  });
});
