/**
 * The Boston 311 replay on the whole 2015 file (7,335 cases; issue 5, "What it must show"):
 * rules learned from the even CASE_ENQUIRY_IDs route the odd ones to the right Department for
 * ≥ 97% and QUEUE for ≥ 90%; the remaining confusion is printed; the workflow engine's SLA
 * verdict equals OnTime_Status for ≥ 99% of closed cases and cases without a target date.
 * Exact figures are pinned so that a change of the learner shows up here and in BENCHMARKS.md.
 */
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { readBostonCases } from '../src/apps/disputes/routing/bostonData.ts';
import { bostonOnTime, formatBostonReport, replayBoston, splitCases } from '../src/apps/disputes/routing/bostonReplay.ts';
import { bostonCommands } from '../src/apps/disputes/routing/cli.ts';
import { buildApp } from '../src/api/app.ts';
import { open311Module, sqlAppealSink } from '../src/apps/disputes/open311/index.ts';
import { open311Db } from '../src/apps/disputes/open311/schema.ts';
import { bostonServiceCode, replayBostonIntake } from '../src/apps/disputes/routing/bostonIntake.ts';
import { loadConfig } from '../src/config.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';

const FILE = path.join(loadConfig().sharedDataDir, 'open311/boston311_2015.csv');
const { accepted, rejected } = readBostonCases(FILE);
const report = replayBoston(accepted);

describe('Boston 311 replay', () => {
  it('reads every case and splits by CASE_ENQUIRY_ID parity', () => {
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(7335);
    const { train, test } = splitCases(accepted);
    expect([train.length, test.length]).toEqual([3629, 3706]);
    expect(train.every((c) => Number(c.id.at(-1)) % 2 === 0)).toBe(true);
  });

  it('routes the held-out half: Department ≥ 97%, QUEUE ≥ 90%, near the ceiling of type × place rules', () => {
    console.log(formatBostonReport(report));
    expect(report.department.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(report.queue.accuracy).toBeGreaterThanOrEqual(0.9);
    expect([report.department.correct, report.queue.correct, report.queue.total]).toEqual([3638, 3386, 3706]);
    expect(report.queue.ceiling.accuracy).toBeGreaterThan(report.queue.accuracy);
    expect(report.queue.ceiling.accuracy).toBeLessThan(0.93);
    expect(report.queue.table.refinement['Abandoned Bicycle']!.field).toBe('pwd_district');
    expect(report.queue.confusion[0]).toEqual({ actual: 'BTDT_Abandoned Bicycle', predicted: 'BTDT_District 06', count: 46 });
    expect(report.queue.confusion.reduce((s, c) => s + c.count, 0)).toBe(report.queue.total - report.queue.correct);
  });

  it('SLA verdicts equal OnTime_Status for closed cases and cases without a target', () => {
    const s = report.sla;
    expect(s.share).toBeGreaterThanOrEqual(0.99);
    expect(s.closedWithTarget).toEqual({ agree: 4051, total: 4051 });
    expect(s.withoutTarget).toEqual({ agree: 1490, total: 1490 });
    expect(s.unlabelled).toBe(6);
    expect(s.openWithTarget).toMatchObject({ agree: 1788, total: 1788 });
    // The export moment lies after the last open OVERDUE target and before the first open ONTIME one.
    const at = new Date(s.openWithTarget.exportedAt!);
    const open = accepted.filter((c) => c.caseStatus === 'Open' && c.target);
    for (const c of open) if (c.onTimeStatus) expect(bostonOnTime(c, at)).toBe(c.onTimeStatus);
    // A case closed one second after its target is OVERDUE; at the target, ONTIME.
    const c = accepted.find((x) => x.closed && x.target)!;
    expect(bostonOnTime({ ...c, closed: new Date(c.target!.getTime() + 1000) }, new Date())).toBe('OVERDUE');
    expect(bostonOnTime({ ...c, closed: c.target }, new Date())).toBe('ONTIME');
  });

  it('`gongzhi disputes boston-replay FILE` prints the figures', async () => {
    const program = new Command().exitOverride();
    bostonCommands(program, () => Promise.reject(new Error('no database without --store')));
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
    try {
      await program.parseAsync(['node', 'gongzhi', 'disputes', 'boston-replay', FILE]);
    } finally {
      process.stdout.write = write;
    }
    const text = out.join('');
    expect(text).toContain('Department: 3638/3706 = 98.17%');
    expect(text).toContain('QUEUE: 3386/3706 = 91.37%');
    expect(text).toContain('5541/5541 = 100.00%');
  });
});

// Every 25th case (294 cases, all 12 types), stored through the Open311 request store.
const subset = accepted.filter((_, i) => i % 25 === 0);

describe.each(testDialects())('Boston cases replayed as intake on $name', (dialect) => {
  it('stores each case once, routed, closed at CLOSED_DT, and serves it through GeoReport v2', async () => {
    const created = await dialect.create();
    const modules = [securityModule, open311Module];
    const ctx = await openPlatform(created.config, { modules, now: () => new Date('2016-01-12T20:00:00Z') });
    const app = await buildApp(ctx, modules, { logger: false });
    try {
      const tables = { department: report.department.table, queue: report.queue.table };
      const first = await replayBostonIntake(sqlAppealSink(ctx), subset, tables);
      expect(first).toMatchObject({ accepted: subset.length, existing: 0, stats: { closed: subset.filter((c) => c.caseStatus === 'Closed').length } });
      expect(await replayBostonIntake(sqlAppealSink(ctx), subset, tables)).toMatchObject({ accepted: 0, existing: subset.length });
      const c = subset.find((x) => x.id === '101001242404')!;
      const row = await open311Db(ctx.database.db).selectFrom('open311_requests').selectAll().where('external_id', '=', 'boston:101001242404').executeTakeFirstOrThrow();
      // 01/05/2015 12:40:41 PM in Boston (EST, -05:00); closed 01/06/2015 01:46:56 PM.
      expect(row).toMatchObject({ service_code: bostonServiceCode(c.type), requested_at: '2015-01-05T17:40:41.000Z', local_day: '2015-01-05', status: 'closed', updated_at: '2015-01-06T18:46:56.000Z', zipcode: '02115' });
      expect(row.status_notes).toContain('no bicycle at this address');
      expect(row.agency_responsible).toBe('BTDT / BTDT_District 06');
      const served = (await app.inject({ method: 'GET', url: `/api/open311/v2/requests/${row.id}.json` })).json()[0];
      expect(served).toMatchObject({ service_code: 'BOS-Abandoned-Bicycle', service_name: 'Abandoned Bicycle', status: 'closed', requested_datetime: '2015-01-06T01:40:41+08:00', agency_responsible: 'BTDT / BTDT_District 06', lat: 42.3504 });
      const open = subset.filter((x) => x.caseStatus === 'Open').length;
      expect(await open311Db(ctx.database.db).selectFrom('open311_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow()).toEqual({ n: open });
    } finally {
      await app.close();
      await ctx.database.close();
      await created.drop();
    }
  });
});
