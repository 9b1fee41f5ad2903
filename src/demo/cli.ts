/**
 * `gongzhi demo generate [--parcels N] [--seed S] [--export FILE]`: generate the seeded demo
 * data set, load it with a progress bar (stderr, only on a terminal), print a summary.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '../core/errors.ts';
import type { PlatformContext } from '../platform/module.ts';
import { DemoErrors } from './errors.ts';
import { DEFAULT_SEED, generateDemo, type DemoSummary } from './generate.ts';

function positiveInt(v: string): number {
  const n = Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new AppError(DemoErrors.DEMO_COUNT_INVALID, { value: v });
  return n;
}

/** Register `demo generate` on the program. */
export function registerDemoCommand(program: Command, open: () => Promise<PlatformContext>): void {
  const demo = program.command('demo').description('seeded demo data / 演示数据');
  demo
    .command('generate')
    .description('generate demo parcels and load them / 生成并导入演示快递数据')
    .option('--parcels <n>', 'number of parcels (default GONGZHI_DEMO_PARCELS, 1,000,000)', positiveInt)
    .option('--seed <s>', `seed, number or text (default ${DEFAULT_SEED})`)
    .option('--days <n>', 'days in the period (default 90)', positiveInt)
    .option('--end <day>', 'last day YYYY-MM-DD (default 2026-11-29)')
    .option('--export <file>', 'also write a courier export CSV with spreadsheet damage')
    .option('--export-count <n>', 'rows of the export file (default 100,000)', positiveInt)
    .option('--encoding <e>', 'export encoding gbk|utf8 (default gbk)')
    .option('--no-ring', 'do not plant the imitation-gun ring and its decoys (planted by default from 100,000 parcels)')
    .option('--quiet', 'no progress bar')
    .action(async (o: { parcels?: number; seed?: string; days?: number; end?: string; export?: string; exportCount?: number; encoding?: string; ring: boolean; quiet?: boolean }) => {
      if (o.encoding && o.encoding !== 'gbk' && o.encoding !== 'utf8') throw new AppError(DemoErrors.DEMO_ENCODING_INVALID, { value: o.encoding });
      const ctx = await open();
      const total = o.parcels ?? ctx.config.demoParcels;
      const bar = !o.quiet && process.stderr.isTTY
        ? new cliProgress.SingleBar({ stream: process.stderr, format: '{bar} {percentage}% | {value}/{total} parcels | {rate}/s | ETA {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic)
        : null;
      bar?.start(total, 0, { rate: 0 });
      const summary = await generateDemo(ctx, {
        parcels: total,
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(o.days !== undefined ? { days: o.days } : {}),
        ...(o.end !== undefined ? { end: o.end } : {}),
        ...(o.export !== undefined ? { exportFile: o.export } : {}),
        ...(o.exportCount !== undefined ? { exportCount: o.exportCount } : {}),
        ...(o.encoding ? { exportEncoding: o.encoding as 'gbk' | 'utf8' } : {}),
        ...(o.ring === false ? { ring: false } : {}),
        onProgress: (s) => bar?.update(s.processed, { rate: Math.round(s.processed / Math.max(s.elapsedMs / 1000, 0.001)) }),
      });
      bar?.stop();
      process.stdout.write(formatSummary(summary));
    });
}

/** The human summary printed after a run (zh / en). */
export function formatSummary(s: DemoSummary): string {
  const t = s.truth;
  const lines = [
    `演示数据 demo data: seed ${s.seed}, ${s.generated.toLocaleString('en')} parcels generated, ${s.accepted.toLocaleString('en')} accepted (${s.stats.inserted.toLocaleString('en')} new, ${s.stats.duplicates.toLocaleString('en')} already stored), ${s.rejected.toLocaleString('en')} rejected, in ${(s.stats.elapsedMs / 1000).toFixed(1)} s`,
    `  senders: ${t.senders.shopCount} shops sent ${t.senders.shops.toLocaleString('en')}, individuals (pool ${t.senders.individualPool.toLocaleString('en')}) sent ${t.senders.individuals.toLocaleString('en')}`,
    `  planted defects 实名缺陷: ${Object.entries(t.defects).map(([k, v]) => `${k} ${v}`).join(', ')}; prohibited items 禁寄物品: ${t.prohibited.length}`,
    `  non-compliant stored 不合规: ${s.stats.nonCompliant.toLocaleString('en')}, flagged 命中禁寄词: ${s.stats.flagged.toLocaleString('en')}`,
    `  ground truth 基准答案: ${s.truthFile}`,
  ];
  if (s.ringTruthFile) lines.push(`  planted ring 团伙: ${t.planted.toLocaleString('en')} parcels of the ring and decoys; ground truth ${s.ringTruthFile}`);
  if (s.export) lines.push(`  export 导出文件: ${s.export.file} (${s.export.encoding}, ${s.export.rows.toLocaleString('en')} rows, ${s.export.damaged.length} damaged by spreadsheet)`);
  return lines.join('\n') + '\n';
}
