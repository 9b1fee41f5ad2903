/**
 * `gongzhi case …`, `gongzhi rules run`, `gongzhi leads score`, `gongzhi graph …` (issue 3 item 7).
 * Person-level commands act as the account named by `--user` (cliActor): it must exist, hold a
 * role granted the action and be a member of the case — the same check, refusals audit and read
 * audit as the API. `case open` is an administrative act of the machine's operator, recorded in
 * the audit log as `cli:<os user>`.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import type { PlatformContext } from '../../platform/module.ts';
import { cliActor, type Actor } from './access.ts';
import { listCaseViews, openCase } from './caseService.ts';
import { scoreLeads } from './leadScorer.ts';
import { expandNetwork, exportNetwork, type ExportFormat } from './networkService.ts';
import { runTagRules } from './tagRunner.ts';

/** The machine's shell user (policies.ts role 'operator'). */
const operator = (): Actor => ({ username: `cli:${os.userInfo().username}`, role: 'operator' });
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
const hopsOf = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error('--hops must be an integer 1–8');
  return n;
};

/** Register the commands on the program. */
export function leadsCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const kase = program.command('case').description('研判案件 leads cases');
  kase.command('open').description('立案 open a case')
    .requiredOption('--number <caseNo>', '案件编号 case number')
    .requiredOption('--legal-basis <text>', '法律依据 legal basis')
    .requiredOption('--purpose <text>', '用途 purpose')
    .requiredOption('--owner <user>', '负责人（侦查人员账号） owner, an investigator account')
    .option('--member <user...>', '其他成员 further members')
    .action(async (o: { number: string; legalBasis: string; purpose: string; owner: string; member?: string[] }) => {
      const ctx = await open();
      const v = await openCase(ctx, operator(), { caseNo: o.number, legalBasis: o.legalBasis, purpose: o.purpose, owner: o.owner, members: o.member ?? [] }, 'cli');
      out(`已立案 opened ${v.caseNo}: owner ${v.owner}, members ${v.members.join(', ')}`);
    });
  kase.command('list').description('案件列表 list cases').option('--json', 'print JSON').action(async (o: { json?: boolean }) => {
    const ctx = await open();
    const cases = await listCaseViews(ctx, operator());
    out(o.json ? JSON.stringify(cases, null, 2) : cases.map((c) => `${c.caseNo}\t${c.open ? 'open' : 'closed'}\t${c.owner}\t${c.members.join(',')}\t${c.purpose}`).join('\n') || '(no cases)');
  });

  program.command('rules').description('标签规则 tag rules').command('run').description('在案件中运行标签规则 run the tag rules in a case')
    .requiredOption('--case <caseNo>').requiredOption('--user <username>', 'acting account (must be a member of the case)')
    .option('--dry-run', 'count hits only, store nothing').option('--rule <id...>', 'only these rules').option('--json', 'print JSON')
    .action(async (o: { case: string; user: string; dryRun?: boolean; rule?: string[]; json?: boolean }) => {
      const ctx = await open();
      const r = await runTagRules(ctx, await cliActor(ctx, o.user), o.case, { dryRun: o.dryRun ?? false, ...(o.rule ? { ruleIds: o.rule } : {}) }, 'cli');
      if (o.json) { out(JSON.stringify(r, null, 2)); return; }
      const lines = [`${r.dryRun ? '试运行 dry run' : '运行 run'} ${r.caseNo} as of ${r.asOf}: ${r.subjects} persons`];
      for (const x of r.rules) lines.push(`  ${x.ruleId}@${x.ruleVersion}${x.enabled ? '' : ' (disabled)'}: ${x.hits} hits, ${x.stored} tags stored, ${x.ms} ms${x.errors.length ? ` — ${x.errors.map((e) => e.messageEn).join('; ')}` : ''}${x.warnings.length ? ` — ${x.warnings.map((e) => e.messageEn).join('; ')}` : ''}`);
      out(lines.join('\n'));
    });

  program.command('leads').description('研判线索 leads').command('score').description('按有效标签评分 score persons from live tags')
    .requiredOption('--case <caseNo>').requiredOption('--user <username>').option('--model <declared|fitted>', 'scoring model', 'declared')
    .action(async (o: { case: string; user: string; model: string }) => {
      if (o.model !== 'declared' && o.model !== 'fitted') throw new Error('--model must be declared or fitted');
      const ctx = await open();
      const r = await scoreLeads(ctx, await cliActor(ctx, o.user), o.case, { model: o.model }, 'cli');
      out(`${o.case}: ${r.scored} persons scored (${r.model}), ${r.queued} leads awaiting review`);
    });

  const graph = program.command('graph').description('关系网络 network analysis inside a case');
  graph.command('expand').description('从证件号码扩展 k 跳 expand k hops from a sender ID number')
    .requiredOption('--case <caseNo>').requiredOption('--user <username>').requiredOption('--seed <idNumber>').option('--hops <n>', '1–8', '3')
    .option('--kinds <list>', 'parcel,shared_id,shared_address', 'parcel').option('--json', 'print the network as JSON')
    .action(async (o: { case: string; user: string; seed: string; hops: string; kinds: string; json?: boolean }) => {
      const ctx = await open();
      const kinds = o.kinds.split(',') as ('parcel' | 'shared_id' | 'shared_address')[];
      const v = await expandNetwork(ctx, await cliActor(ctx, o.user), o.case, { seed: { idNumber: o.seed }, hops: hopsOf(o.hops), kinds }, 'cli');
      if (o.json) { out(JSON.stringify(v)); return; }
      out([`${v.caseNo}: ${v.nodes.length} persons, ${v.edges.length} relations; by hop ${v.countsByHop.join(' / ')}${v.truncated ? ' (truncated)' : ''}`,
        `roles: ${Object.entries(v.roles).map(([r, n]) => `${r} ${n}`).join(', ') || '—'}`,
        `provinces: ${v.spread.values.length} (${v.spread.values.slice(0, 5).map((s) => `${s.value} ${s.nodes}`).join(', ')}…)`].join('\n'));
    });
  graph.command('export').description('导出 GEXF / GraphML / CSV export the expansion')
    .requiredOption('--case <caseNo>').requiredOption('--user <username>').requiredOption('--seed <idNumber>').option('--hops <n>', '1–8', '3')
    .requiredOption('--format <gexf|graphml|csv>').requiredOption('--out <file>')
    .action(async (o: { case: string; user: string; seed: string; hops: string; format: string; out: string }) => {
      if (!['gexf', 'graphml', 'csv'].includes(o.format)) throw new Error('--format must be gexf, graphml or csv');
      const ctx = await open();
      const r = await exportNetwork(ctx, await cliActor(ctx, o.user), o.case, { seed: { idNumber: o.seed }, hops: hopsOf(o.hops), format: o.format as ExportFormat }, 'cli');
      fs.writeFileSync(o.out, r.content);
      out(`${o.out}: ${r.nodes} nodes, ${r.edges} edges (${r.format})`);
    });
}
