/**
 * `npm run bench:ingest [-- --rows N] [--http-rows N] [--single N] [--single-clients N] [--large] [--keep]`
 *
 * Baseline (measured in the same run, in a process of its own: bench/rawBaseline.ts, which also
 * writes the CSV files): raw better-sqlite3 inserts of the same N rows (default 1,000,000, already
 * validated — validation is not timed) into a `parcels` table with the same natural-key unique
 * index and the three random-key blind-index indexes on the table itself, prepared INSERT in
 * 10,000-row transactions at the default page cache (2 MiB).
 * Legs, each printed as a ratio to that baseline:
 *  (a) `gongzhi parcels import` (the CLI, spawned) of a UTF-8 CSV of the same rows, full validation;
 *  (b) HTTP batch registration, 100 records per request, 50 concurrent clients (separate process),
 *      closed-loop (throughput), then open-loop at 0.3 × the raw rate (latency at the target rate:
 *      with 50 closed-loop clients each batch waits for the 49 ahead of it, so p99 < 50 ms there
 *      would need 100,000 records/s — Little's law —, which is why latency is read open-loop);
 *  (c) single registrations per second over HTTP (target ≥ 5,000/s; 256 closed-loop clients, then
 *      open-loop at 5,000/s offered for the latency at that rate; group commit on the registration thread);
 *  the open-loop (b) and the (c) legs run a 'live' stream (accepted now, waybill numbers in issue
 *  order, as counters send them) and the generator's 'history' stream (90 days, scrambled serials);
 * plus the marginal import rate once N parcels are stored (a further 50,000-row file), the look-up
 * latency by ID number and the dashboard statistics latency; --large also loads to 10,000,000
 * stored parcels (loadParcels) and reports the marginal rate there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { loadParcels } from '../src/apps/parcels/loader.ts';
import { registrarFor } from '../src/apps/parcels/registrar.ts';
import { identifierReaderFor } from '../src/apps/parcels/identifierReader.ts';
import { lookupParcels } from '../src/apps/parcels/parcelLookup.ts';
import { parcelStats } from '../src/apps/parcels/stats.ts';
import { loadConfig } from '../src/config.ts';
import { writeCourierExport } from '../src/demo/export.ts';
import { generateParcels } from '../src/demo/parcels.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { modules } from '../src/modules.ts';
import { generatePassword } from '../src/security/passwords.ts';
import { createUser } from '../src/security/users.ts';
import { describeProbe, pageFaults, probeMachine } from './machineProbe.ts';
import { ProcessLauncher } from './processLauncher.ts';
import { BENCH_NOW, type BaselineResult } from './rawBaseline.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ROWS = opt('rows', 1_000_000);
const HTTP_ROWS = opt('http-rows', 200_000);
const SINGLE = opt('single', 30_000);
const LARGE = args.includes('--large');
/** Keep the loaded database for further probes (bench/profileServer.ts --from DIR). */
const KEEP = args.includes('--keep');
/** Concurrent connections of the single-registration leg (outlets' clients). */
const SINGLE_CLIENTS = opt('single-clients', 256);
const SECRET = 'bench-ingest-secret-bench-ingest-secret-0';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-bench-ingest-'));
const bin = path.resolve(import.meta.dirname, '../bin/gongzhi.js');
const now = () => new Date(BENCH_NOW);
const log = (s: string) => process.stdout.write(s + '\n');
/** Every child process (the CLI, the load generators) is started by this small launcher, never by
 * this process, which is the server under test: see bench/processLauncher.ts for the cost of a fork. */
const launcher = new ProcessLauncher();
const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** Run node with args (through the launcher); `cpu` = user + system seconds of the child (GNU time). */
async function run(cmd: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; seconds: number; cpu: number }> {
  const r = await launcher.run('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...cmd], env);
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.err);
  return { code: r.code, out: r.out + r.err, seconds: r.seconds, cpu: m ? Number(m[1]) + Number(m[2]) : NaN };
}

async function importCli(dataDir: string, file: string) {
  const r = await run([bin, 'parcels', 'import', file, '--quiet', '--json'], { GONGZHI_DATA_DIR: dataDir, GONGZHI_SECRET: SECRET });
  if (r.code !== 0) throw new Error(`import failed: ${r.out}`);
  const json = JSON.parse(r.out.slice(r.out.indexOf('{'), r.out.lastIndexOf('}') + 1)) as { rowsRead: number; inserted: number; rejected: number; durationMs: number };
  return { ...json, wallSeconds: r.seconds, cpuSeconds: r.cpu };
}

/**
 * Look up all parcels of each sampled ID number (at most 1,000), each once, in-process. The
 * identifier reader thread (src/apps/parcels/identifierReader.ts) is started and awaited first, as
 * a server has it while look-ups come in: otherwise the look-ups of its first half-second (100–250
 * of the 1,000) would run without it. Its CPU is in the "look-up CPU time" (the whole process).
 */
async function lookupLeg(ctx: PlatformContext, ids: readonly string[], stored: number): Promise<void> {
  await identifierReaderFor(ctx.database, ctx.secret)?.ready;
  const lat: number[] = [];
  const lc = process.cpuUsage();
  let found = 0;
  for (const id of ids.slice(0, 1000)) {
    const s = performance.now();
    found += (await lookupParcels(ctx, { idNumber: id })).parcels.length;
    lat.push(performance.now() - s);
  }
  const lcpu = process.cpuUsage(lc);
  log(`look-up CPU time: ${((lcpu.user + lcpu.system) / 1000 / lat.length).toFixed(2)} ms per look-up (${(found / lat.length).toFixed(1)} parcels each)`);
  log(`look-up by ID number among ${fmt(stored)}: median ${median(lat).toFixed(2)} ms, p99 ${[...lat].sort((x, y) => x - y)[Math.floor(lat.length * 0.99)]!.toFixed(2)} ms over ${lat.length} IDs (target median < 5 ms)`);
}

/** ", N page faults per <unit>" of the server process since `before` (empty where /proc is not available). */
function faultsPer(before: number | null, n: number, unit: string): string {
  const after = pageFaults();
  return before === null || after === null || n === 0 ? '' : `, ${((after - before) / n).toFixed(2)} server page faults per ${unit}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  log(`# bench:ingest — ${new Date().toISOString()} — ${os.cpus().length}× ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  log(describeProbe(probeMachine()));
  log(`rows ${fmt(ROWS)}, http batch rows ${fmt(HTTP_ROWS)}, single registrations ${fmt(SINGLE)}${LARGE ? ', --large (10M)' : ''}`);
  const csv = path.join(root, 'export.csv');
  const prep = await run(['--import', 'tsx', path.resolve(import.meta.dirname, 'rawBaseline.ts'), root, String(ROWS)], {});
  if (prep.code !== 0) throw new Error(`bench/rawBaseline.ts failed: ${prep.out}`);
  const raw = JSON.parse(prep.out.split('\n').find((l) => l.startsWith('{'))!) as BaselineResult;
  const ids = raw.ids;
  log(`generated CSV ${fmt(ROWS)} rows in ${raw.csvSeconds.toFixed(1)} s (${fmt(fs.statSync(csv).size / 2 ** 20)} MiB)`);
  log(`baseline raw better-sqlite3 (own process): ${fmt(raw.rate)} rows/s wall, ${fmt(raw.cpuRate)} rows per CPU-second (per 100k window: ${raw.windows.map(fmt).join(', ')}); first window ${fmt(raw.windows[0] ?? 0)}, last ${fmt(raw.windows.at(-1) ?? 0)}`);

  const dataDir = path.join(root, 'app');
  const a = await importCli(dataDir, csv);
  const aRate = a.rowsRead / a.wallSeconds;
  log(`(a) gongzhi parcels import: ${fmt(a.inserted)} inserted, ${a.rejected} rejected, ${a.wallSeconds.toFixed(1)} s wall → ${fmt(aRate)} rows/s = ${(aRate / raw.rate).toFixed(2)} × raw (target ≥ 0.6); CPU ${a.cpuSeconds.toFixed(1)} s (both threads) → ${fmt(a.rowsRead / a.cpuSeconds)} rows per CPU-second = ${(a.rowsRead / a.cpuSeconds / raw.cpuRate).toFixed(2)} × raw by CPU time`);

  const extra = path.join(root, 'extra.csv');
  const m = await importCli(dataDir, extra);
  const mRate = m.rowsRead / (m.durationMs / 1000);
  log(`marginal import rate with ${fmt(ROWS)} stored: ${fmt(mRate)} rows/s (pipeline time; raw's last window ${fmt(raw.windows.at(-1) ?? 0)} rows/s)`);

  const config = loadConfig({}, { dataDir, databaseUrl: undefined, secret: SECRET });
  const ctx = await openPlatform(config, { modules, now });
  await lookupLeg(ctx, ids, ROWS);
  const st: number[] = [];
  const sc = process.cpuUsage();
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await parcelStats(ctx, i % 2 ? {} : { from: '2026-11-01', to: '2026-11-29' });
    st.push(performance.now() - s);
  }
  const scpu = process.cpuUsage(sc);
  log(`dashboard statistics (GET /api/parcels/stats payload): median ${median(st).toFixed(1)} ms, max ${Math.max(...st).toFixed(1)} ms wall, ${((scpu.user + scpu.system) / 1000 / st.length).toFixed(1)} ms CPU each (target < 300 ms)`);

  const password = generatePassword();
  await createUser(ctx, { username: 'bench', role: 'admin', password });
  const app = await buildApp(ctx, modules, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const client = async (mode: string, conc: number, n: number, seed: number, rate = 0, live = false) => {
    const r = await run(['--expose-gc', '--import', 'tsx', path.resolve(import.meta.dirname, 'ingestClient.ts'), url, cookie, mode, String(conc), String(n), String(seed), String(rate), ...(live ? [now().toISOString()] : [])], {});
    if (r.code !== 0) throw new Error(r.out);
    return JSON.parse(r.out.split('\n').find((l) => l.startsWith('{'))!) as { requests: number; ok: number; failed: number; seconds: number; p50: number; p99: number; p99AfterFirstSecond: number | null; clientCpuUs: number };
  };
  // Two streams: 'history' = the generator's records (90 days, scrambled waybill serials, as a
  // bulk import of history) and 'live' = the same kind of records as counters send them, accepted
  // now with each courier's waybill numbers in issue order (ingestClient.ts live()).
  await registrarFor(ctx).ready();
  log(`server main thread before the legs: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB of heap used`);
  // An open-loop leg measures latency at a steady offered load and a closed-loop leg the most a
  // server keeps up, neither the tail of the leg before it: before each leg the WAL the last
  // one left (a closed-loop burst leaves hundreds of MiB) is copied back into the database file
  // and the machine is left alone for two seconds.
  const settle = async () => {
    ctx.database.sqlite?.pragma('wal_checkpoint(PASSIVE)');
    await new Promise((r) => setTimeout(r, 2000));
  };
  let hc = process.cpuUsage();
  const b = await client('batch', 50, HTTP_ROWS, 5);
  let hcpu = process.cpuUsage(hc);
  log(`    server CPU for the batch leg: ${((hcpu.user + hcpu.system) / b.ok).toFixed(0)} µs per record (both threads)`);
  const bRate = b.ok / b.seconds;
  log(`(b) HTTP batch, history (100/request, 50 closed-loop clients): ${fmt(b.ok)} accepted in ${b.seconds.toFixed(1)} s → ${fmt(bRate)} rows/s = ${(bRate / raw.rate).toFixed(2)} × raw (target ≥ 0.3); per batch p50 ${b.p50} ms, p99 ${b.p99} ms`);
  const offered = Math.round(0.3 * raw.rate);
  for (const [live, seed] of [[true, 7], [false, 11]] as const) {
    await settle();
    const f0 = pageFaults();
    const bo = await client('batch', 50, Math.min(HTTP_ROWS, offered * 20), seed, offered, live);
    log(`(b) open-loop, ${live ? 'live' : 'history'}, at 0.3 × raw = ${fmt(offered)} records/s offered (${(offered / 100).toFixed(0)} batches/s): ${fmt(bo.ok)} accepted in ${bo.seconds.toFixed(1)} s → ${fmt(bo.ok / bo.seconds)} rows/s; per batch p50 ${bo.p50} ms, p99 ${bo.p99} ms (target < 50 ms); p99 of the batches due after the first second ${bo.p99AfterFirstSecond} ms${faultsPer(f0, bo.ok, 'record')}`);
  }
  for (const [live, seed] of [[true, 6], [false, 12]] as const) {
    log(describeProbe(probeMachine()));
    await settle();
    hc = process.cpuUsage();
    const f0 = pageFaults();
    const v0 = registrarFor(ctx).counters;
    const c = await client('single', SINGLE_CLIENTS, SINGLE, seed, 0, live);
    hcpu = process.cpuUsage(hc);
    const v1 = registrarFor(ctx).counters;
    // Turns of 100 or more registrations go through the validator thread (registrationThread.ts).
    const viaValidator = (v1.onValidator - v0.onValidator) / Math.max(1, v1.onThread - v0.onThread);
    log(`(c) HTTP single registrations, ${live ? 'live' : 'history'} (${SINGLE_CLIENTS} closed-loop clients): ${fmt(c.ok)} in ${c.seconds.toFixed(1)} s → ${fmt(c.ok / c.seconds)}/s (target ≥ 5,000/s); p50 ${c.p50} ms, p99 ${c.p99} ms; server CPU ${((hcpu.user + hcpu.system) / c.ok).toFixed(0)} µs per registration (both threads)${faultsPer(f0, c.ok, 'registration')}, client ${c.clientCpuUs} µs per request; ${(100 * viaValidator).toFixed(0)} % in turns through the validator thread`);
  }
  // Registrations arrive from many outlets at their own pace: open-loop at the national
  // average (5,000/s offered, at most SINGLE_CLIENTS in flight) for the latency at that rate.
  await settle();
  const co = await client('single', SINGLE_CLIENTS, Math.min(SINGLE, 5000 * 6), 9, 5000, true);
  log(`(c) open-loop, live, at 5,000 registrations/s offered: ${fmt(co.ok)} in ${co.seconds.toFixed(1)} s → ${fmt(co.ok / co.seconds)}/s; p50 ${co.p50} ms, p99 ${co.p99} ms`);
  await app.close();

  if (LARGE) {
    const target = 10_000_000;
    const have = Number((await ctx.database.db.selectFrom('parcels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())!.n);
    let last = performance.now();
    let lastCount = 0;
    const windows: number[] = [];
    await loadParcels(ctx, generateParcels({ count: target - have, seed: 8 }), {
      source: 'demo',
      onProgress: (s) => {
        if (s.processed - lastCount >= 500_000) {
          const tNow = performance.now();
          windows.push((s.processed - lastCount) / ((tNow - last) / 1000));
          last = tNow;
          lastCount = s.processed;
        }
      },
    });
    log(`--large loadParcels to ${fmt(target)} stored, rows/s per 500k window: ${windows.map(fmt).join(', ')}`);
    const e2 = path.join(root, 'extra2.csv');
    writeCourierExport(e2, generateParcels({ count: 50_000, seed: 10 }), { encoding: 'utf8' });
    await ctx.database.close();
    const m2 = await importCli(dataDir, e2);
    log(`marginal import rate with 10,000,000 stored: ${fmt(m2.rowsRead / (m2.durationMs / 1000))} rows/s`);
    // The look-ups and the live single registrations again, with 10,000,000 stored.
    const ctx10 = await openPlatform(config, { modules, now });
    await lookupLeg(ctx10, ids, target);
    const app10 = await buildApp(ctx10, modules, { logger: false });
    await app10.listen({ host: '127.0.0.1', port: address.port });
    await registrarFor(ctx10).ready();
    const c10 = await client('single', SINGLE_CLIENTS, SINGLE, 13, 0, true);
    log(`(c) HTTP single registrations, live, with 10,000,000 stored (${SINGLE_CLIENTS} closed-loop clients): ${fmt(c10.ok)} in ${c10.seconds.toFixed(1)} s → ${fmt(c10.ok / c10.seconds)}/s; p50 ${c10.p50} ms, p99 ${c10.p99} ms`);
    await app10.close();
    await ctx10.database.close();
  } else await ctx.database.close();
  if (KEEP) log(`kept the database: ${dataDir} (secret ${SECRET}; e.g. bench/profileServer.ts --from ${dataDir})`);
  else fs.rmSync(root, { recursive: true, force: true });
  launcher.close();
}

await main();
