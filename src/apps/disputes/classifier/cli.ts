/**
 * The `train-classifier` sub-command for the `gongzhi disputes` command group: cross-validates
 * the shipped recipe (3 fold seeds, NB baseline beside), trains on all labelled messages plus
 * optional operator corrections (CSV `id,label[,title,body]`, see `readCorrections`) and writes
 * the versioned model file and its training report. Needs no database.
 */
import type { Command } from 'commander';
import { readCorrections, trainAndReport } from './train.ts';

/**
 * Add `train-classifier [--corrections FILE] [--out DIR]` to `parent` (the `disputes` command).
 * Prints one line per fold seed and the paths written.
 */
export function registerTrainClassifierCommand(parent: Command): void {
  parent
    .command('train-classifier')
    .description('训练诉求分类器并写出模型与训练报告 train the appeal classifier, write the model file and its training report')
    .option('--corrections <file>', 'CSV of operator corrections: id,label[,title,body]')
    .option('--out <dir>', 'directory for the model file and report (default: the shipped models folder)')
    .action((o: { corrections?: string; out?: string }) => {
      const r = trainAndReport({
        ...(o.corrections ? { corrections: readCorrections(o.corrections) } : {}),
        ...(o.out ? { outDir: o.out } : {}),
        log: (line) => process.stdout.write(`${line}\n`),
      });
      process.stdout.write(`模型 model ${r.modelFile}\n报告 report ${r.reportFile}\n`);
    });
}
