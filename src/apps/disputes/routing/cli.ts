/**
 * `gongzhi disputes boston-replay FILE [--rules] [--json] [--store]`: replay a Boston 311
 * export (e.g. ../shared/data/open311/boston311_2015.csv) as intake — read, route with rules
 * learned from half of it, judge every SLA — and print the figures (bostonReplay.ts).
 * `--rules` also prints the learned rule tables; `--store` writes every case, routed, into the
 * Open311 request store (bostonIntake.ts; idempotent). The `disputes` command group is shared with the disputes
 * application: it is reused when already registered.
 */
import type { Command } from 'commander';
import type { PlatformContext } from '../../../platform/module.ts';
import { sqlAppealSink } from '../open311/appealSink.ts';
import { readBostonCases } from './bostonData.ts';
import { replayBostonIntake } from './bostonIntake.ts';
import { formatBostonReport, replayBoston } from './bostonReplay.ts';
import { describeRuleTable } from './ruleLearner.ts';

/** The `disputes` command group, created once by whichever module registers first. */
export function disputesCommandGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'disputes') ?? program.command('disputes').description('诉求与矛盾纠纷 appeals and disputes');
}

/** Register `disputes boston-replay`; the database is opened only with --store. */
export function bostonCommands(program: Command, open: () => Promise<PlatformContext>): void {
  disputesCommandGroup(program)
    .command('boston-replay')
    .description('波士顿 311 回放：学习分派规则并核对时限 Boston 311 replay: learned routing and SLA verdicts')
    .argument('<file>', 'Boston 311 CSV export')
    .option('--rules', 'print the learned rule tables')
    .option('--json', 'print the report as JSON')
    .option('--store', 'store every case, routed, as an Open311 request (idempotent)')
    .action(async (file: string, o: { rules?: boolean; json?: boolean; store?: boolean }) => {
      const t0 = performance.now();
      const { accepted, rejected } = readBostonCases(file);
      const report = replayBoston(accepted);
      const ms = performance.now() - t0;
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ ...report, rejected, ms }, null, 2)}\n`);
        return;
      }
      const lines = [formatBostonReport(report)];
      if (rejected.length) lines.push(`rejected rows: ${rejected.length}`, ...rejected.slice(0, 10).map((r) => `  line ${r.line}: ${r.issue.messageEn}`));
      if (o.rules) lines.push(...describeRuleTable(report.department.table), ...describeRuleTable(report.queue.table));
      if (o.store) {
        const stored = await replayBostonIntake(sqlAppealSink(await open()), accepted, { department: report.department.table, queue: report.queue.table });
        lines.push(`stored as Open311 requests: ${stored.accepted} new (${stored.stats.closed} closed), ${stored.existing} already stored; ${((stored.accepted + stored.existing) / (stored.stats.ms / 1000)).toFixed(0)} cases/s`);
      }
      lines.push(`read + learn + check: ${(ms / 1000).toFixed(2)} s`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
