/**
 * `gongzhi orgs …` commands:
 * - `orgs import FILE [--json]`: import orgs from CSV/TSV/XLSX/NDJSON; prints accepted and each rejected row with its reasons;
 * - `orgs list [--kind K] [--division CODE] [--category C]`: one line per org.
 */
import type { Command } from 'commander';
import type { PlatformContext } from '../../platform/module.ts';
import { importOrgs, listOrgs } from './service.ts';

/** Register the commands on the program. */
export function orgsCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const orgs = program.command('orgs').description('调解组织名录 registry of mediation bodies, legal service stations and social organisations');
  orgs
    .command('import')
    .description('导入机构 import orgs from a file')
    .argument('<file>')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const ctx = await open();
      const r = await importOrgs(ctx, file);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const lines = [`导入 imported: ${r.accepted} accepted (${r.stats.created} new, ${r.stats.replaced} replaced), ${r.rejected.length} rejected of ${r.stats.rows} rows`];
      for (const x of r.rejected) lines.push(`  row ${x.rowNumber} (line ${x.line}) ${x.code ?? '-'}: ${x.issues.map((i) => `${i.code} ${i.message}`).join('；')}`);
      process.stdout.write(`${lines.join('\n')}\n`);
      if (r.rejected.length) process.exitCode = 1;
    });
  orgs
    .command('list')
    .description('列出机构 list orgs')
    .option('--kind <kind>')
    .option('--division <code>')
    .option('--category <category>')
    .action(async (o: { kind?: string; division?: string; category?: string }) => {
      const ctx = await open();
      const list = await listOrgs(ctx, { ...(o.kind ? { kind: o.kind } : {}), ...(o.division ? { divisionCode: o.division } : {}), ...(o.category ? { category: o.category } : {}) });
      for (const x of list) process.stdout.write(`${x.code}\t${x.kind}\t${x.divisionCode}\tcap ${x.capacity}\t${x.name}\t${x.categories.join(',')}\n`);
      process.stdout.write(`${list.length} orgs\n`);
    });
}
