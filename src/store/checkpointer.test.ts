import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.ts';

describe('startCheckpointer', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-ckpt-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies the WAL of another connection back into the database file while it keeps writing', async () => {
    const file = path.join(dir, 'a.db');
    const db = new SQLite(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0'); // the writer never checkpoints itself
    db.exec('create table t (id integer primary key, v text)');
    const checkpointer = startCheckpointer(file, { intervalMs: 5, minFrames: 1 });
    const insert = db.prepare('insert into t (v) values (?)');
    const write = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run('x'.repeat(500));
    });
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
});
