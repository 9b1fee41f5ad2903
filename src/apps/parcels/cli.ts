/**
 * `gongzhi parcels …` commands:
 * - `parcels import FILE [--encoding auto|gbk|gb18030|utf8] [--courier C] [--quiet] [--json]`
 *   imports a courier's export file with a progress bar, prints a summary and writes the reject
 *   report beside the file; exit code 0 even with rejected rows (they are in the report), 1 when
 *   the file could not be imported.
 * - `parcels stats [--from D] [--to D]` prints the compliance statistics as JSON.
 */
import type { Command } from 'commander';
import { createProgressBar } from '../../ingest/progress.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { importParcels, type ImportResult } from './importer.ts';
import { parcelStats } from './stats.ts';

function summaryText(file: string, r: ImportResult): string {
  const lines = [
    `导入 import ${file}${r.resumed ? `（续传 resumed after row ${r.resumedRows}）` : ''}`,
    `  读取 rows read        ${r.rowsRead.toLocaleString('en')}`,
    `  新增 inserted         ${r.inserted.toLocaleString('en')}`,
    `  重复 duplicates       ${r.duplicates.toLocaleString('en')}`,
    `  拒收 rejected         ${r.rejected.toLocaleString('en')}`,
  ];
  for (const [code, n] of Object.entries(r.rejectsByCode).sort((a, b) => b[1] - a[1])) lines.push(`      ${code.padEnd(32)} ${n.toLocaleString('en')}`);
  lines.push(`  不合规 non-compliant   ${r.nonCompliant.toLocaleString('en')}`);
  for (const [code, n] of Object.entries(r.noncomplianceByCode).sort((a, b) => b[1] - a[1])) lines.push(`      ${code.padEnd(32)} ${n.toLocaleString('en')}`);
  lines.push(`  禁寄物品命中 flagged    ${r.flagged.toLocaleString('en')}`);
  lines.push(`  拒收报告 reject report ${r.summary.rejectsFile}`);
  lines.push(`  用时 duration          ${(r.durationMs / 1000).toFixed(1)} s (${Math.round(r.rowsRead / Math.max(r.durationMs / 1000, 0.001)).toLocaleString('en')} rows/s)`);
  return lines.join('\n') + '\n';
}

/** Register `parcels import` and `parcels stats` on the program. */
export function parcelCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const parcels = program.command('parcels').description('实名收寄 real-name parcel registration');
  parcels
    .command('import')
    .description('导入快递企业导出文件 import a courier export file (CSV/XLSX/NDJSON)')
    .argument('<file>', 'CSV (UTF-8/GBK/GB18030), XLSX or NDJSON file')
    .option('--encoding <encoding>', 'auto | gbk | gb18030 | utf8', 'auto')
    .option('--courier <courier>', 'courier code or name for files without a courier column')
    .option('--quiet', 'no progress bar')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { encoding: string; courier?: string; quiet?: boolean; json?: boolean }) => {
      if (!['auto', 'gbk', 'gb18030', 'utf8'].includes(opts.encoding)) throw new Error(`--encoding must be auto, gbk, gb18030 or utf8, not ${opts.encoding}`);
      const ctx = await open();
      const bar = createProgressBar({ quiet: opts.quiet, label: file });
      try {
        const r = await importParcels(ctx, file, { encoding: opts.encoding as 'auto', courier: opts.courier, onProgress: (p) => bar.update(p) });
        bar.stop();
        process.stdout.write(opts.json ? JSON.stringify(r, null, 2) + '\n' : summaryText(file, r));
      } finally {
        bar.stop();
      }
    });
  parcels
    .command('stats')
    .description('合规统计 compliance statistics as JSON')
    .option('--from <day>', 'first local day YYYY-MM-DD')
    .option('--to <day>', 'last local day YYYY-MM-DD')
    .action(async (opts: { from?: string; to?: string }) => {
      const ctx = await open();
      process.stdout.write(JSON.stringify(await parcelStats(ctx, { from: opts.from, to: opts.to }), null, 2) + '\n');
    });
}
