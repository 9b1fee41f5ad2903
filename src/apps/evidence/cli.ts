/**
 * `gongzhi evidence …` commands:
 * - `evidence demo [--seed N]` loads the demo case files (missing ones only) and writes the
 *   ground truth to <dataDir>/demo/evidence-ground-truth.json;
 * - `evidence check CASE_NO [--stage S] [--json]` prints the stage-gate report (audited as a read by cli:<user>).
 */
import os from 'node:os';
import type { Command } from 'commander';
import type { PlatformContext } from '../../platform/module.ts';
import { readCaseFile } from './caseFileService.ts';
import { loadEvidenceDemo } from './demoLoader.ts';
import { STAGES, type Stage } from './types.ts';

/** Register the commands on the program. */
export function evidenceCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const evidence = program.command('evidence').description('证据标准指引 evidence standards and stage gates');
  evidence
    .command('demo')
    .description('载入演示案卷 load the demo case files')
    .option('--seed <n>', 'generator seed', (v) => Number(v))
    .action(async (o: { seed?: number }) => {
      const ctx = await open();
      const r = await loadEvidenceDemo(ctx, o.seed);
      process.stdout.write(`演示案卷 demo case files: ${r.inserted} inserted, ${r.existing} already present; ground truth ${r.groundTruthFile}\n`);
    });
  evidence
    .command('check')
    .description('阶段审查报告 stage-gate report of a case')
    .argument('<caseNo>')
    .option('--stage <stage>', STAGES.join(' | '))
    .option('--json', 'print JSON')
    .action(async (caseNo: string, o: { stage?: string; json?: boolean }) => {
      if (o.stage && !(STAGES as readonly string[]).includes(o.stage)) throw new Error(`--stage must be one of ${STAGES.join(', ')}`);
      const ctx = await open();
      const view = await readCaseFile(ctx, caseNo, { username: `cli:${os.userInfo().username}`, role: null }, o.stage as Stage | undefined);
      const r = view.report;
      if (o.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const lines = [`${r.caseNo} ${r.title} — ${r.stageLabel.zh} ${r.stageLabel.en}: ${r.passed ? '通过 passed' : '不通过 blocked'}`];
      for (const [label, list] of [['阻断 blocking', r.blocking], ['提示 warnings', r.warnings], ['已推翻 overridden', r.overridden]] as const) {
        lines.push(`${label} (${list.length})`);
        for (const f of list) lines.push(`  [${f.ruleId}] ${f.message}  — ${f.sourceTitle} ${f.source.clause}${f.override ? `  推翻理由 reason: ${f.override.reason} (${f.override.officer})` : ''}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
