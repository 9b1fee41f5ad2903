/**
 * `npm run bench:open311` — two measurements, each as a ratio to a named baseline in the same run:
 * 1. Boston replay (read + learn routing rules + route the test half + judge every SLA) on the
 *    whole boston311_2015.csv, against the baseline "csv-parse of the same file alone";
 * 2. Open311 POST requests.json through fastify inject on SQLite (api_key check, validation,
 *    encryption of the submitter, insert), against the baseline "GET /api/health through inject".
 * Each figure is the best of 3 runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildApp } from '../src/api/app.ts';
import { createApiKey, createOpen311Module, serviceCatalogue } from '../src/apps/disputes/open311/index.ts';
import { readBostonCases } from '../src/apps/disputes/routing/bostonData.ts';
import { replayBoston } from '../src/apps/disputes/routing/bostonReplay.ts';
import { loadConfig } from '../src/config.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';

const base = loadConfig();
const FILE = path.join(base.sharedDataDir, 'open311/boston311_2015.csv');
const best = async (f: () => unknown | Promise<unknown>) => {
  let b = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await f();
    b = Math.min(b, performance.now() - t);
  }
  return b;
};

const csvMs = await best(() => parse(fs.readFileSync(FILE, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }));
let figures = '';
const replayMs = await best(() => {
  const r = replayBoston(readBostonCases(FILE).accepted);
  figures = `Department ${(r.department.accuracy * 100).toFixed(2)}%, QUEUE ${(r.queue.accuracy * 100).toFixed(2)}%, SLA ${r.sla.agree}/${r.sla.judged}`;
});
console.log(`Boston replay (7,335 cases): ${replayMs.toFixed(0)} ms; baseline csv-parse alone ${csvMs.toFixed(0)} ms; ratio ${(replayMs / csvMs).toFixed(2)}× (${figures})`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-open311-'));
const config = loadConfig({}, { dataDir: dir, databaseUrl: undefined, sharedDataDir: base.sharedDataDir, secret: 'bench-secret-bench-secret-bench-secret', logLevel: 'silent' });
const modules = [securityModule, createOpen311Module({ postRateLimit: { max: 1_000_000, timeWindow: '1 minute' } })];
const ctx = await openPlatform(config, { modules });
const app = await buildApp(ctx, modules, { logger: false });
const key = (await createApiKey(ctx, { label: 'bench', actor: 'bench' })).key;
const service = serviceCatalogue(base.sharedDataDir).services[0]!;
const N = 1000;
const healthMs = await best(async () => {
  for (let i = 0; i < N; i++) await app.inject({ method: 'GET', url: '/api/health' });
});
const postMs = await best(async () => {
  for (let i = 0; i < N; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: { api_key: key, service_code: service.code, address_string: `A市A3区人民路 ${i} 号`, description: '路灯不亮', phone: '13800138000' } });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});
console.log(`Open311 POST requests.json: ${((N / postMs) * 1000).toFixed(0)} requests/s; baseline GET /api/health ${((N / healthMs) * 1000).toFixed(0)} requests/s; ratio ${(healthMs / postMs).toFixed(2)}× of the baseline rate (${N} sequential requests, SQLite)`);
await app.close();
await ctx.database.close();
fs.rmSync(dir, { recursive: true, force: true });
