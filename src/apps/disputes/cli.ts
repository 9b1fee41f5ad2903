/**
 * `gongzhi disputes …` commands:
 * - `disputes import FILE [--division CODE] [--limit N]`: batch intake (channel import), prints accepted/skipped/rejected with reasons;
 * - `disputes demo [--count N]`: load the demo set (needs the orgs demo; loads it first);
 * - `disputes retrain`: retrain the classifier with the stored category corrections (model kept under the data directory);
 * - `disputes warnings [--days N] [--window-days N] [--min-count N]`: the early-warning clusters.
 */
import os from 'node:os';
import type { Command } from 'commander';
import type { PlatformContext } from '../../platform/module.ts';
import { loadOrgsDemo } from '../orgs/index.ts';
import { loadDisputesDemo } from './demo.ts';
import { earlyWarning } from './earlyWarning.ts';
import { importAppeals } from './importer.ts';
import { registerTrainClassifierCommand } from './classifier/cli.ts';
import { retrainFromCorrections } from './retrain.ts';

/** Register the commands on the program. */
export function disputesCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const disputes = program.command('disputes').description('诉求与矛盾纠纷 appeals and disputes');
  registerTrainClassifierCommand(disputes);
  const actor = () => ({ username: `cli:${os.userInfo().username}`, role: 'admin' });
  disputes
    .command('import')
    .description('批量导入诉求 import appeals from a file')
    .argument('<file>')
    .option('--division <code>', 'division code for rows without one')
    .option('--limit <n>', 'stop after N rows', (v) => Number(v))
    .action(async (file: string, o: { division?: string; limit?: number }) => {
      const ctx = await open();
      const r = await importAppeals(ctx, file, actor(), { ...(o.division ? { divisionCode: o.division } : {}), ...(o.limit ? { limit: o.limit } : {}) });
      const lines = [`导入 imported: ${r.accepted} accepted, ${r.skipped} already present, ${r.rejected.length} rejected`];
      for (const x of r.rejected.slice(0, 50)) lines.push(`  row ${x.rowNumber} (line ${x.line}): ${x.issues.map((i) => `${i.code} ${i.message}`).join('；')}`);
      process.stdout.write(`${lines.join('\n')}\n`);
      if (r.rejected.length) process.exitCode = 1;
    });
  disputes
    .command('demo')
    .description('载入演示数据 load the demo appeals')
    .option('--count <n>', 'appeals to generate', (v) => Number(v))
    .action(async (o: { count?: number }) => {
      const ctx = await open();
      await loadOrgsDemo(ctx);
      const r = await loadDisputesDemo(ctx, o.count ? { count: o.count } : {});
      process.stdout.write(`演示诉求 demo appeals: ${r.inserted} inserted\n`);
    });
  disputes
    .command('retrain')
    .description('用操作员更正的分类重新训练分类器 retrain the classifier with the operators’ corrections')
    .action(async () => {
      const ctx = await open();
      const r = await retrainFromCorrections(ctx);
      process.stdout.write(`重新训练 retrained with ${r.corrections} corrections (${r.examples} labelled examples, classes ${r.classes.join(' ')}); model ${r.file} is used from now on\n`);
    });
  disputes
    .command('warnings')
    .description('预警聚类 early-warning clusters')
    .option('--days <n>', 'look-back days', (v) => Number(v), 30)
    .option('--window-days <n>', 'alert window in days', (v) => Number(v), 7)
    .option('--min-count <n>', 'appeals in the window needed to alert', (v) => Number(v), 5)
    .action(async (o: { days: number; windowDays: number; minCount: number }) => {
      const ctx = await open();
      const r = await earlyWarning(ctx, { days: o.days, windowDays: o.windowDays, minCount: o.minCount });
      const lines = [`${r.appeals} appeals in ${o.days} days, ${r.clusters.length} clusters shown, ${r.alerts} alerts`];
      r.clusters.forEach((c, i) => lines.push(`${i + 1}. [${c.size}] ${c.alert ? `⚠ ${c.alert.reason} ` : ''}${c.representative.title} — ${c.topTerms.slice(0, 5).join(' ')}${c.projects.length ? ` · projects ${c.projects.join(',')}` : ''}`));
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
