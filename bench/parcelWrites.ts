/**
 * `node --import tsx bench/parcelWrites.ts --from DIR [--batch 125] [--rows 40000] [--live]`
 *
 * The write path alone, on a copy of a stored database (e.g. the one `npm run bench:ingest --
 * --keep` leaves, with its secret in GONGZHI_SECRET): validated records written with writeParcels
 * in transactions of `--batch` records (the group-commit sizes of the registration thread), and
 * as the baseline in the same run, raw better-sqlite3 inserts of the same rows into a copy of
 * the same `parcels` table (same indexes; no look-up keys, statistics or outlets) in the same
 * transaction sizes. Prints µs per record (write time only; the per-10,000-record windows also
 * include the checkpoints the script runs every 40 commits) for both, the ratio, and the
 * WAL frames (pages) each commit wrote. `--live`: a live stream (bench/liveStream.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { ALL_COLUMNS, VALUE_COLUMNS } from '../src/apps/parcels/columns.ts';
import { parcelCrypto } from '../src/apps/parcels/parcelCrypto.ts';
import { checkParcel, type ParcelValues, type RawParcel } from '../src/apps/parcels/parcelValidator.ts';
import { writeParcels } from '../src/apps/parcels/writer.ts';
import { loadConfig } from '../src/config.ts';
import { generateParcels } from '../src/demo/parcels.ts';
import { modules } from '../src/modules.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { live } from './liveStream.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string | null) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : dflt);
const from = opt('from', null);
if (!from) throw new Error('--from DIR (a data directory with gongzhi.db) is required');
const B = Number(opt('batch', '125'));
const N = Number(opt('rows', '40000'));
const liveStream = args.includes('--live');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-writes-'));
fs.copyFileSync(path.join(from, 'gongzhi.db'), path.join(root, 'gongzhi.db'));
fs.copyFileSync(path.join(from, 'gongzhi.db'), path.join(root, 'raw.db'));

const config = loadConfig({}, { dataDir: root, databaseUrl: undefined, secret: process.env.GONGZHI_SECRET ?? 'bench-ingest-secret-bench-ingest-secret-0' });
const ctx = await openPlatform(config, { modules });
const keys = parcelCrypto(ctx.secret);
const raws = [...generateParcels({ count: N, seed: 6 })].map((r) => ({ ...r })) as unknown as Array<RawParcel & { courier: string; waybillNo: string; acceptedAt: string }>;
if (liveStream) live(raws, new Date(Date.now() - 60_000));
const now = new Date();
const values: ParcelValues[] = raws.map((r) => checkParcel(r, keys, { mode: 'api', now })).flatMap((c) => (c.values ? [c.values] : []));
const meta = { source: 'api' as const, runId: null, createdAt: now.toISOString() };

/** Run `write` over the values in transactions of B; µs per record per 10,000 records, and WAL frames per commit. */
async function measure(db: SQLite.Database, write: (rows: ParcelValues[]) => unknown): Promise<{ windows: number[]; mean: number; frames: number }> {
  db.pragma('wal_autocheckpoint = 0');
  const windows: number[] = [];
  let frames = 0;
  let commits = 0;
  let t = performance.now();
  let total = 0;
  for (let i = 0; i < values.length; i += B) {
    const s = performance.now();
    await write(values.slice(i, i + B));
    total += performance.now() - s;
    commits += 1;
    if (commits % 40 === 0) {
      // PASSIVE reports the frames in the WAL (the last 40 commits); TRUNCATE then empties it.
      frames += (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!.log;
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    if ((i + B) % 10_000 < B) {
      windows.push(((performance.now() - t) * 1000) / 10_000);
      t = performance.now();
    }
  }
  return { windows, mean: (total * 1000) / values.length, frames: frames / Math.floor(commits / 40) / 40 };
}

const raw = new SQLite(path.join(root, 'raw.db'));
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = NORMAL');
raw.pragma('cache_size = -262144');
raw.pragma('mmap_size = 4294967296');
const insert = raw.prepare(`insert into parcels (${ALL_COLUMNS.join(', ')}) values (${ALL_COLUMNS.map(() => '?').join(', ')}) on conflict (courier, waybill_no) do nothing`);
const rawTx = raw.transaction((rows: ParcelValues[]) => {
  for (const v of rows) insert.run(...VALUE_COLUMNS.map((c) => v[c]), meta.source, meta.runId, meta.createdAt);
});
const baseline = await measure(raw, (rows) => rawTx(rows));
const ours = await measure(ctx.database.sqlite!, (rows) => writeParcels(ctx.database, rows, meta));
const stored = Number(raw.prepare('select max(id) from parcels').pluck().get()) - values.length;
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
process.stdout.write(`# bench:parcelWrites — ${new Date().toISOString()} — ${values.length} records${liveStream ? ' (live)' : ''} in transactions of ${B}, about ${stored.toLocaleString('en')} parcels stored\n`);
process.stdout.write(`baseline raw better-sqlite3 parcels rows: ${baseline.mean.toFixed(1)} µs/record (windows ${fmt(baseline.windows)}), ${baseline.frames.toFixed(0)} WAL frames per commit\n`);
process.stdout.write(`writeParcels (keys, statistics, outlets): ${ours.mean.toFixed(1)} µs/record (windows ${fmt(ours.windows)}), ${ours.frames.toFixed(0)} WAL frames per commit = ${(ours.mean / baseline.mean).toFixed(2)} × raw time\n`);
raw.close();
await ctx.database.close();
fs.rmSync(root, { recursive: true, force: true });
