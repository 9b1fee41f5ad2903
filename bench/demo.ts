/**
 * `npm run bench:demo [-- --parcels N] [-- --load]`: how fast the seeded demo generator
 * (src/demo, `generateParcels`) produces parcels, against a named baseline measured in the same
 * run: "naive-random" — records of the same 19 fields filled from Math.random with digit and
 * character strings of the right lengths but no reference data, no valid checksums and no
 * structure. The ratio says what the realism costs. CPU time is printed beside wall time
 * because this machine is shared. With --load, also loads the parcels into a fresh SQLite
 * database through generateDemo (parcels app bulk path) and prints the end-to-end rate.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParcelInput } from '../src/apps/parcels/types.ts';
import { migrations as parcelMigrations } from '../src/apps/parcels/schema.ts';
import { loadConfig } from '../src/config.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { generateParcels } from '../src/demo/parcels.ts';
import { openPlatform } from '../src/platform/platform.ts';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--parcels') + 1] ?? 0) || 1_000_000;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measure(label: string, make: () => Iterable<ParcelInput>): { wall: number; cpu: number } {
  const w0 = performance.now();
  const c0 = cpu();
  let n = 0;
  let bytes = 0;
  for (const p of make()) {
    n++;
    bytes += p.waybillNo.length;
  }
  const r = { wall: performance.now() - w0, cpu: cpu() - c0 };
  if (n !== count || bytes === 0) throw new Error(`${label}: expected ${count} parcels, got ${n}`);
  console.log(`${label.padEnd(22)} ${count.toLocaleString('en')} parcels  wall ${(r.wall / 1000).toFixed(2)} s  cpu ${(r.cpu / 1000).toFixed(2)} s  ${Math.round((count / r.wall) * 1000).toLocaleString('en')} parcels/s`);
  return r;
}

function* naive(n: number): Generator<ParcelInput> {
  const digits = (k: number) => {
    let s = '';
    for (let i = 0; i < k; i++) s += String(Math.floor(Math.random() * 10));
    return s;
  };
  const han = (k: number) => {
    let s = '';
    for (let i = 0; i < k; i++) s += String.fromCharCode(0x4e00 + Math.floor(Math.random() * 20000));
    return s;
  };
  for (let i = 0; i < n; i++) {
    yield {
      courier: 'ZTO', waybillNo: digits(14), senderName: han(3), senderIdType: 'resident', senderIdNumber: digits(18), senderPhone: '1' + digits(10), senderAddress: han(24),
      receiverName: han(3), receiverPhone: '1' + digits(10), receiverAddress: han(24), itemName: han(4), itemNature: 'goods', itemQuantity: 1, weightGrams: 500,
      outlet: 'ZTO' + digits(8), clerk: digits(4), acceptedAt: `2026-11-${10 + Math.floor(Math.random() * 19)}T10:00:00+08:00`, inspected: true,
    };
  }
}

console.log(`demo generator bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg()[0]!.toFixed(1)}, node ${process.version}, ${new Date().toISOString()}`);
const base = measure('naive-random (baseline)', () => naive(count));
const demo = measure('generateParcels', () => generateParcels({ count, seed: 20261111 }));
const ring = measure('generateParcels + ring', () => generateParcels({ count, seed: 20261111, ring: count >= 50_000 }));
console.log(`ratio generateParcels / naive-random: wall ${(base.wall / demo.wall).toFixed(2)}×, cpu ${(base.cpu / demo.cpu).toFixed(2)}× (1 = as fast as the baseline); with ring wall ${(base.wall / ring.wall).toFixed(2)}×`);

if (args.includes('--load')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-demo-'));
  try {
    const config = loadConfig({}, { dataDir: dir, databaseUrl: undefined, secret: 'bench-secret-bench-secret-bench-secret' });
    const ctx = await openPlatform(config, { modules: [{ name: 'parcels', migrations: parcelMigrations }] });
    const w0 = performance.now();
    const s = await generateDemo(ctx, { parcels: count });
    const wall = performance.now() - w0;
    console.log(`generateDemo into SQLite: ${s.accepted.toLocaleString('en')} parcels in ${(wall / 1000).toFixed(1)} s = ${Math.round((count / wall) * 1000).toLocaleString('en')} parcels/s (generation + validation + load)`);
    await ctx.database.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
