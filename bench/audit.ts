/**
 * Audit-log benchmark (`npm run bench:audit [-- --entries N] [-- --postgres URL]`): in one run on
 * a fresh embedded SQLite database (and on PostgreSQL when a URL is given),
 * (a) appendAudit from 50 concurrent callers — hash-chained, queued, signed head — as a ratio to
 *     the baseline "plain insert": the same rows inserted by 50 concurrent callers with one
 *     Kysely INSERT each, no chain, no lock;
 * (b) verifyAuditLog over the whole log as a ratio to the baseline "plain scan": reading every
 *     row in the same 2,000-row pages without hashing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../src/config.ts';
import { openPlatform } from '../src/platform/platform.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { appendAudit, type AuditEntryInput } from '../src/security/audit.ts';
import { verifyAuditLog } from '../src/security/auditVerify.ts';
import { securityModule } from '../src/security/index.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const N = Number(arg('entries') ?? 20_000);
const CONCURRENCY = 50;

function entry(i: number): AuditEntryInput {
  return {
    actor: `investigator${i % 7}`,
    role: 'investigator',
    action: 'parcel.lookup',
    purpose: '盗窃案侦查，核对寄件人身份',
    legalBasis: `宁公刑立字2026第${i % 500}号`,
    recordKind: 'parcel',
    recordIds: [i, i + 1, i + 2],
    outcome: 'allowed',
    detail: { by: 'idNumber', count: 3 },
  };
}

async function concurrently(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  return (performance.now() - t0) / 1000;
}

async function run(label: string, config: Config): Promise<void> {
  const ctx: PlatformContext = await openPlatform(config, { modules: [securityModule] });
  const db = ctx.database.db;
  await sql`create table plain_log (seq integer primary key, at text, actor text, role text, action text, purpose text, legal_basis text, record_kind text, record_ids text, outcome text, detail text)`.execute(db);
  const plainS = await concurrently(N, async (i) => {
    const e = entry(i);
    await db
      .insertInto('plain_log')
      .values({ seq: i + 1, at: new Date().toISOString(), actor: e.actor, role: e.role, action: e.action, purpose: e.purpose, legal_basis: e.legalBasis, record_kind: e.recordKind, record_ids: JSON.stringify(e.recordIds), outcome: e.outcome, detail: JSON.stringify(e.detail) })
      .execute();
  });
  const chainS = await concurrently(N, (i) => appendAudit(ctx, entry(i)));
  const t0 = performance.now();
  for (let seq = 0; ; ) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', seq).orderBy('seq').limit(2000).execute();
    if (rows.length === 0) break;
    seq = Number(rows[rows.length - 1]!.seq);
  }
  const scanS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const v = await verifyAuditLog(ctx);
  const verifyS = (performance.now() - t1) / 1000;
  if (!v.ok || v.checked !== N) throw new Error(`verification failed: ${JSON.stringify(v)}`);
  const rate = (s: number) => Math.round(N / s).toLocaleString('en-US');
  process.stdout.write(
    `${label}: ${N} entries, ${CONCURRENCY} concurrent callers\n` +
      `  append  chained ${rate(chainS)}/s vs plain insert ${rate(plainS)}/s  ratio ${(plainS / chainS).toFixed(2)}\n` +
      `  verify  ${rate(verifyS)}/s vs plain scan ${rate(scanS)}/s  ratio ${(scanS / verifyS).toFixed(2)}\n`,
  );
  ctx.database.pgPool?.on('error', () => undefined);
  await ctx.database.close();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-audit-'));
try {
  const secret = 'bench-secret-bench-secret-bench-secret';
  await run('sqlite', loadConfig({}, { dataDir: dir, databaseUrl: undefined, secret, logLevel: 'silent' }));
  const pgUrl = arg('postgres');
  if (pgUrl) {
    const pg = (await import('pg')).default;
    const name = `gz_bench_audit_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    try {
      await run('postgres', loadConfig({}, { dataDir: dir, databaseUrl: url.toString(), secret, logLevel: 'silent' }));
    } finally {
      admin.on('error', () => undefined);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
