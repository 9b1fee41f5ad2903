/**
 * `node --import tsx bench/profileServer.ts MODE N [--no-thread] [--from DIR] [--live] [--rate RECORDS_PER_S] [--warm N] [--cpu-prof-dir DIR] [--no-prof]` — profile the server
 * side of HTTP registrations: an in-process platform on a temporary SQLite database, the
 * bench client (bench/ingestClient.ts) in a separate process, and a CPU profile of the server
 * written to DIR (default .prof/) with the V8 inspector. Prints server CPU µs per record.
 */
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { registrarFor } from '../src/apps/parcels/registrar.ts';
import { loadConfig } from '../src/config.ts';
import { modules } from '../src/modules.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { generatePassword } from '../src/security/passwords.ts';
import { createUser } from '../src/security/users.ts';
import { ProcessLauncher } from './processLauncher.ts';

const [mode = 'single', nText = '20000'] = process.argv.slice(2);
// The load generator is started by a launcher forked now, not by this process (the server under
// test), which would pay a page fault per written page after each fork (bench/processLauncher.ts).
const launcher = new ProcessLauncher();
const outDir = path.resolve(process.argv.includes('--cpu-prof-dir') ? process.argv[process.argv.indexOf('--cpu-prof-dir') + 1]! : '.prof');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-prof-'));
// `--from DIR`: start from a copy of the database in DIR (e.g. one with 1,000,000 parcels, made
// with the same secret: GONGZHI_SECRET or the bench's default below).
const fromDir = process.argv.includes('--from') ? process.argv[process.argv.indexOf('--from') + 1]! : null;
if (fromDir) fs.copyFileSync(path.join(fromDir, 'gongzhi.db'), path.join(root, 'gongzhi.db'));
const config = loadConfig({}, { dataDir: root, databaseUrl: undefined, secret: process.env.GONGZHI_SECRET ?? 'profile-secret-profile-secret-profile-0' });
const ctx = await openPlatform(config, { modules });
const password = generatePassword();
// A name of its own: a database kept by bench:ingest (--keep) already has the user 'bench'.
const username = `profile-${process.pid}`;
await createUser(ctx, { username, role: 'admin', password });
// `--no-thread`: validate and write on the main thread instead of the registration thread.
if (process.argv.includes('--no-thread')) registrarFor(ctx, { thread: false });
const app = await buildApp(ctx, modules, { logger: false });
// Server-side time per request (received → answered), to tell server delays from client ones.
const served: Array<[number, number]> = [];
app.addHook('onResponse', async (request, reply) => {
  if (request.url.startsWith('/api/parcels')) served.push([performance.now(), reply.elapsedTime]);
});
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const client = (records: string, seed: string, extra: string[]) =>
  launcher.run(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'ingestClient.ts'), url, cookie, mode, mode === 'batch' ? '50' : (process.env.CLIENTS ?? '64'), records, seed, ...extra]);
await registrarFor(ctx).ready();
// `--warm N`: first N records closed-loop (seed 4), unmeasured, as bench/ingest.ts's earlier legs warm the server.
if (process.argv.includes('--warm')) {
  const warm = await client(process.argv[process.argv.indexOf('--warm') + 1]!, '4', []);
  process.stderr.write(warm.err);
  if (process.env.GZ_SETTLE) await new Promise((r) => setTimeout(r, Number(process.env.GZ_SETTLE)));
}
const session = new inspector.Session();
session.connect();
const profiling = !process.argv.includes('--no-prof');
if (profiling) {
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const c0 = process.cpuUsage();
const measured = await client(nText, '6', [process.argv.includes('--rate') ? process.argv[process.argv.indexOf('--rate') + 1]! : '0', ...(process.argv.includes('--live') ? [new Date().toISOString()] : [])]);
process.stderr.write(measured.err);
const out = measured.out;
const c1 = process.cpuUsage(c0);
let file = '(not profiled)';
if (profiling) {
  const { profile } = await session.post('Profiler.stop');
  fs.mkdirSync(outDir, { recursive: true });
  file = path.join(outDir, `server-${mode}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
}
const result = JSON.parse(out.trim().split('\n').at(-1)!) as { ok: number; seconds: number; p50: number; p99: number; clientCpuUs: number };
process.stdout.write(`${mode}: ${result.ok} ok in ${result.seconds.toFixed(1)} s → ${Math.round(result.ok / result.seconds)}/s; p50 ${result.p50} ms p99 ${result.p99} ms; server CPU ${Math.round((c1.user + c1.system) / result.ok)} µs/record; client CPU ${result.clientCpuUs} µs/request; ${registrarFor(ctx).counters.transactions} transactions (${(registrarFor(ctx).counters.records / registrarFor(ctx).counters.transactions).toFixed(1)} records each); profile ${file}\n`);
if (served.length > 0) {
  const t0 = served[0]![0];
  const bySecond = new Map<number, number[]>();
  for (const [at, ms] of served) {
    const k = Math.floor((at - t0) / 1000);
    bySecond.set(k, [...(bySecond.get(k) ?? []), ms]);
  }
  const all = served.map((x) => x[1]).sort((a, b) => a - b);
  process.stdout.write(`server-side time per request: p50 ${all[Math.floor(all.length / 2)]!.toFixed(1)} ms, p99 ${all[Math.floor(all.length * 0.99)]!.toFixed(1)} ms; per second p50/max: ${[...bySecond].map(([k, v]) => `${k}:${v.sort((a, b) => a - b)[v.length >> 1]!.toFixed(0)}/${v.at(-1)!.toFixed(0)}`).join(' ')}\n`);
}
await app.close();
await ctx.database.close();
fs.rmSync(root, { recursive: true, force: true });
launcher.close();
