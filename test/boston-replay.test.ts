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
import { loadConfig } from '../src/config.ts';

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
    bostonCommands(program);
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
