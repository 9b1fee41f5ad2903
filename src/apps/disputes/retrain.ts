/**
 * Retraining the appeal classifier from operator corrections (issue 5 part 3): the stored
 * corrections become labelled messages (label = the level-1 part of the corrected category;
 * a dispute type gives the new class '矛盾纠纷'), the classifier's own `retrainWithCorrections`
 * trains on the shared labelled corpus plus them, and the model is written to
 * `<dataDir>/models/appeal-classifier.retrained.json`, which intake then uses instead of the
 * shipped model (classification.ts). The shipped model file is never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PlatformContext } from '../../platform/module.ts';
import { retrainWithCorrections } from './classifier/appealClassifier.ts';
import type { AppealMessage } from './classifier/data.ts';
import { writeModelFile } from './classifier/modelFile.ts';
import { listCorrections } from './caseWork.ts';

/** Where a retrained model is kept for a data directory. */
export function retrainedModelPath(dataDir: string): string {
  return path.join(dataDir, 'models', 'appeal-classifier.retrained.json');
}

/** The stored corrections as labelled messages (the latest correction of an appeal wins). */
export async function correctionMessages(ctx: PlatformContext): Promise<AppealMessage[]> {
  const latest = new Map<string, AppealMessage>();
  for (const c of await listCorrections(ctx)) latest.set(c.appealNo, { id: `correction:${c.appealNo}`, userId: c.by, title: c.title, body: c.body, time: c.at, label: c.label });
  return [...latest.values()];
}

/**
 * Retrain with the stored corrections and write the model beside the data.
 * @returns the model file, how many corrections were used and the classes of the new model
 */
export async function retrainFromCorrections(ctx: PlatformContext): Promise<{ file: string; corrections: number; classes: readonly string[]; examples: number }> {
  const corrections = await correctionMessages(ctx);
  const model = retrainWithCorrections(corrections, ctx.config.sharedDataDir);
  const file = retrainedModelPath(ctx.config.dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeModelFile(model, file);
  return { file, corrections: corrections.length, classes: model.model.classes, examples: model.examples };
}
