/**
 * CSV read throughput: Gongzhi's `readCsv` (decode + parse + header mapping + row objects)
 * against csv-parse alone (parse to arrays, no row objects) on the same generated 20-column
 * UTF-8 file, in the same run. Prints rows/s of each and the ratio readCsv / csv-parse; then
 * readCsv + runPipeline with a trivial validator and sink at two batch sizes (the records wait
 * for their batch, which is what costs at large batch sizes).
 *
 * Usage: node --import tsx bench/csv-read.ts [rows=300000] [--gbk]
 * The target (src/ingest): readCsv ≥ 300,000 rows/s on this machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { readCsv } from '../src/ingest/csv.ts';
import { runPipeline } from '../src/ingest/pipeline.ts';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 300_000);
const gbk = process.argv.includes('--gbk');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-csv-'));
const file = path.join(dir, 'parcels.csv');

function writeFile(): void {
  const header = ['courier', 'waybillNo', 'senderName', 'senderIdType', 'senderIdNumber', 'senderPhone', 'senderAddress', 'receiverName', 'receiverPhone', 'receiverAddress', 'itemName', 'itemNature', 'itemQuantity', 'weightGrams', 'outlet', 'clerk', 'acceptedAt', 'inspected', 'postcode', 'note'];
  const fd = fs.openSync(file, 'w');
  let block = header.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    block += `ZTO,7891${String(i).padStart(10, '0')},李娜,resident,11010519880815108X,138${String(i % 1e8).padStart(8, '0')},"北京市朝阳区幸福路${i % 100}号",王强,13912345678,上海市浦东新区张江路${i % 50}号,手机壳,goods,1,${200 + (i % 900)},OUT${i % 500},C${i % 40},2026-11-11T09:30:00+08:00,true,100020,\n`;
    if (block.length > 1 << 20) {
      fs.writeSync(fd, gbk ? iconv.encode(block, "gbk") : Buffer.from(block));
      block = '';
    }
  }
  fs.writeSync(fd, gbk ? iconv.encode(block, "gbk") : Buffer.from(block));
  fs.closeSync(fd);
}

async function csvParseAlone(): Promise<number> {
  let n = 0;
  const input = fs.createReadStream(file); // default 64 KiB pieces, csv-parse's usual setting
  const parser = gbk ? input.pipe(iconv.decodeStream('gbk')).pipe(parse({ relax_column_count: true })) : input.pipe(parse({ relax_column_count: true }));
  for await (const record of parser) if ((record as string[]).length > 0) n++;
  return n - 1;
}

async function gongzhiReadCsv(): Promise<number> {
  let n = 0;
  for await (const chunk of readCsv(file, { encoding: gbk ? 'gbk' : 'auto' }).chunks()) n += chunk.length;
  return n;
}

/** Rows per second of wall time and per second of this process's CPU time (user + system, all threads). */
async function gongzhiPipeline(batchSize: number): Promise<number> {
  const result = await runPipeline({ source: readCsv(file, { encoding: gbk ? 'gbk' : 'auto' }), validate: (row) => ({ record: row.fields }), sink: async () => undefined, batchSize });
  return result.accepted;
}

async function time(name: string, f: () => Promise<number>): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const n = await f();
  const c = process.cpuUsage(c0);
  const s = (performance.now() - t0) / 1000;
  const cpuS = (c.user + c.system) / 1e6;
  if (n !== rows) throw new Error(`${name} read ${n} rows, expected ${rows}`);
  const r = { wall: n / s, cpu: n / cpuS };
  process.stdout.write(`${name.padEnd(18)} ${Math.round(r.wall).toLocaleString('en').padStart(9)} rows/s wall (${s.toFixed(2)} s)   ${Math.round(r.cpu).toLocaleString('en').padStart(9)} rows per CPU-second\n`);
  return r;
}

const best = (a: { wall: number; cpu: number }, b: { wall: number; cpu: number }) => ({ wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) });

writeFile();
process.stdout.write(`${rows.toLocaleString('en')} rows × 20 columns, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${gbk ? 'GBK' : 'UTF-8'}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0]!.toFixed(2)}\n`);
try {
  // best of two each; CPU-time rates are the fair figure when other work shares the machine
  // interleaved (A B A B) so that a burst of load elsewhere or the heap's history hurts both alike
  let base = await time('csv-parse alone', csvParseAlone);
  let ours = await time('gongzhi readCsv', gongzhiReadCsv);
  base = best(base, await time('csv-parse alone', csvParseAlone));
  ours = best(ours, await time('gongzhi readCsv', gongzhiReadCsv));
  process.stdout.write(`ratio readCsv / csv-parse: ${(ours.wall / base.wall).toFixed(2)} (wall), ${(ours.cpu / base.cpu).toFixed(2)} (CPU time)\n`);
  for (const size of [2000, 10_000]) {
    const p = best(await time(`+ pipeline b=${size}`, () => gongzhiPipeline(size)), await time(`+ pipeline b=${size}`, () => gongzhiPipeline(size)));
    process.stdout.write(`ratio readCsv+runPipeline (batch ${size}, records kept until sunk) / csv-parse: ${(p.wall / base.wall).toFixed(2)} (wall), ${(p.cpu / base.cpu).toFixed(2)} (CPU time)\n`);
  }
  process.stdout.write(`target readCsv >= 300,000 rows/s: ${Math.round(ours.wall).toLocaleString('en')} wall, ${Math.round(ours.cpu).toLocaleString('en')} per CPU-second\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
