/**
 * The data and the baseline of `npm run bench:ingest`, in a process of their own:
 *   node --import tsx bench/rawBaseline.ts DIR ROWS
 * writes DIR/export.csv (ROWS generated parcels, seed 1, UTF-8) and DIR/extra.csv (50,000 more,
 * seed 4), then times raw better-sqlite3 inserts of the same ROWS rows into DIR/raw.db, and
 * prints one JSON line: { csvSeconds, rate, cpuRate, windows, ids } (rows/s wall, rows per
 * CPU-second, rows/s per 100,000-row window, every 997th valid sender ID number for the look-ups).
 *
 * Why a separate process: generating and validating a million parcels leaves the validators'
 * memories and the generator's reference tables in the heap (about 110 MB live after a full
 * collection, measured with a heap snapshot), and bench:ingest's own process is the server under
 * test. A server does not hold them on its main thread; carrying them made every major collection
 * there mark 150–200 MB, 130–450 ms of marking that stalled whichever leg it landed in.
 *
 * Baseline: prepared INSERT of validated values (validation is not timed) in 10,000-row
 * transactions at the default page cache (2 MiB), into a `parcels` table with the same natural-key
 * unique index and the three random-key blind-index indexes on the table itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { parcelCrypto } from '../src/apps/parcels/parcelCrypto.ts';
import { checkParcel, type ParcelValues } from '../src/apps/parcels/parcelValidator.ts';
import { ALL_COLUMNS, VALUE_COLUMNS } from '../src/apps/parcels/columns.ts';
import { writeCourierExport } from '../src/demo/export.ts';
import { generateParcels } from '../src/demo/parcels.ts';

/** The fixed "now" of every leg of bench:ingest. */
export const BENCH_NOW = '2026-11-30T04:00:00.000Z';

/** What bench/rawBaseline.ts prints. */
export interface BaselineResult {
  readonly csvSeconds: number;
  readonly rate: number;
  readonly cpuRate: number;
  readonly windows: readonly number[];
  readonly ids: readonly string[];
}

function rawBaseline(file: string, rows: number): Pick<BaselineResult, 'rate' | 'cpuRate' | 'windows'> {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table parcels (id integer primary key, ${ALL_COLUMNS.map((c) => `${c} ${c.endsWith('_bidx') ? 'integer' : 'text'}`).join(', ')}, unique (courier, waybill_no))`);
  for (const c of ['sender_id_bidx', 'sender_phone_bidx', 'receiver_phone_bidx']) db.exec(`create index parcels_${c} on parcels (${c})`);
  const insert = db.prepare(`insert into parcels (${ALL_COLUMNS.join(', ')}) values (${ALL_COLUMNS.map(() => '?').join(', ')})`);
  const tx = db.transaction((batch: ParcelValues[]) => {
    for (const v of batch) insert.run([...VALUE_COLUMNS.map((c) => v[c]), 'import', null, BENCH_NOW]);
  });
  const keys = parcelCrypto(Buffer.alloc(32, 7));
  const now = new Date(BENCH_NOW);
  let batch: ParcelValues[] = [];
  let timed = 0;
  let cpu = 0;
  let windowTime = 0;
  let stored = 0;
  const windows: number[] = [];
  const flush = () => {
    const t = performance.now();
    const c0 = process.cpuUsage();
    tx(batch);
    const c1 = process.cpuUsage(c0);
    cpu += (c1.user + c1.system) / 1e6;
    const dt = performance.now() - t;
    timed += dt;
    windowTime += dt;
    stored += batch.length;
    batch = [];
    if (stored % 100_000 === 0) {
      windows.push(100_000 / (windowTime / 1000));
      windowTime = 0;
    }
  };
  for (const p of generateParcels({ count: rows, seed: 1 })) {
    const c = checkParcel(p, keys, { mode: 'import', now });
    if (c.values) batch.push(c.values);
    if (batch.length === 10_000) flush();
  }
  if (batch.length > 0) flush();
  db.close();
  return { rate: stored / (timed / 1000), cpuRate: stored / cpu, windows };
}

function main(dir: string, rows: number): BaselineResult {
  const ids: string[] = [];
  const t = performance.now();
  const sampled = (function* () {
    let i = 0;
    for (const p of generateParcels({ count: rows, seed: 1 })) {
      if (i++ % 997 === 0 && /^\d{17}[\dX]$/.test(p.senderIdNumber)) ids.push(p.senderIdNumber);
      yield p;
    }
  })();
  writeCourierExport(path.join(dir, 'export.csv'), sampled, { encoding: 'utf8' });
  const csvSeconds = (performance.now() - t) / 1000;
  writeCourierExport(path.join(dir, 'extra.csv'), generateParcels({ count: 50_000, seed: 4 }), { encoding: 'utf8' });
  return { csvSeconds, ...rawBaseline(path.join(dir, 'raw.db'), rows), ids };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, rows] = process.argv.slice(2);
  if (!dir || !fs.existsSync(dir) || !(Number(rows) > 0)) {
    process.stderr.write('usage: node --import tsx bench/rawBaseline.ts DIR ROWS\n');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(main(dir, Number(rows))) + '\n');
}
