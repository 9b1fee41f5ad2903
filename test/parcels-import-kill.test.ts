import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCourierExport } from '../src/demo/export.ts';
import { generateParcels } from '../src/demo/parcels.ts';

const ROWS = 200_000;
const SECRET = 'kill-test-secret-kill-test-secret-0123';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-kill-'));
const bin = path.resolve(import.meta.dirname, '../bin/gongzhi.js');

function cli(dataDir: string, file: string) {
  const env: Record<string, string | undefined> = { ...process.env, GONGZHI_DATA_DIR: dataDir, GONGZHI_SECRET: SECRET };
  delete env.DATABASE_URL;
  return spawn(process.execPath, [bin, 'parcels', 'import', file, '--quiet'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ReturnType<typeof cli>): Promise<{ code: number | null; signal: string | null; out: string }> {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

/** Row count and a SHA-256 over the sorted natural keys, plus the statistics totals. */
function fingerprint(dataDir: string) {
  const db = new SQLite(path.join(dataDir, 'gongzhi.db'), { readonly: true });
  try {
    const keys = db.prepare('select courier, waybill_no from parcels order by courier, waybill_no').raw().all() as [string, string][];
    const hash = crypto.createHash('sha256');
    for (const [c, w] of keys) hash.update(`${c}\t${w}\n`);
    const stats = db.prepare('select sum(total) t, sum(real_name_ok) ok, sum(noncompliant) nc from parcel_stats_daily').get();
    const keyRows = (db.prepare('select (select count(*) from parcel_keys) + (select count(*) from parcel_keys_recent) n').get() as { n: number }).n;
    return { count: keys.length, checksum: hash.digest('hex'), stats, keyRows };
  } finally {
    db.close();
  }
}

async function committedRows(dbFile: string): Promise<number> {
  if (!fs.existsSync(dbFile)) return 0;
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select max(rows_committed) n from ingest_runs where kind = 'parcels'").get() as { n: number | null } | undefined;
    return Number(row?.n ?? 0);
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

describe('parcels import killed with SIGKILL', () => {
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('resumes and leaves exactly the rows of one clean run', { timeout: 1_800_000 }, async () => {
    const file = path.join(root, 'export.csv');
    writeCourierExport(file, generateParcels({ count: ROWS, seed: 9 }), { encoding: 'utf8' });

    const clean = await finished(cli(path.join(root, 'clean'), file));
    expect(clean.code, clean.out).toBe(0);

    const killedDir = path.join(root, 'killed');
    const child = cli(killedDir, file);
    const done = finished(child);
    let committed = 0;
    while (committed === 0 && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 50));
      committed = await committedRows(path.join(killedDir, 'gongzhi.db'));
    }
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const partial = fingerprint(killedDir);
    expect(partial.count).toBeGreaterThan(0);
    expect(partial.count).toBeLessThan(ROWS);

    const rerun = await finished(cli(killedDir, file));
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toMatch(/resumed/);
    const a = fingerprint(path.join(root, 'clean'));
    const b = fingerprint(killedDir);
    expect(a.count).toBe(ROWS);
    expect(b).toEqual(a);
  });
});
