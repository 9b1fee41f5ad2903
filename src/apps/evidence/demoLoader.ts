/**
 * Load the evidence demo set into the database (files not yet present, by case number) and
 * write its ground truth to `<dataDir>/demo/evidence-ground-truth.json` for the tests. The
 * application itself never reads that file.
 */
import type { PlatformContext } from '../../platform/module.ts';
import { generateEvidenceDemo, writeGroundTruth } from './demo.ts';
import { findCaseFile, insertCaseFile } from './repository.ts';

/**
 * Insert the demo case files that are missing and write the ground truth.
 * @returns how many files were inserted, how many existed, and the ground-truth path
 */
export async function loadEvidenceDemo(ctx: PlatformContext, seed?: number): Promise<{ inserted: number; existing: number; groundTruthFile: string }> {
  const demo = generateEvidenceDemo(seed);
  let inserted = 0;
  let existing = 0;
  const at = ctx.now().toISOString();
  for (const file of demo.files) {
    if (await findCaseFile(ctx.database, file.caseNo)) existing++;
    else {
      await insertCaseFile(ctx.database, file, 'demo', at);
      inserted++;
    }
  }
  return { inserted, existing, groundTruthFile: writeGroundTruth(ctx.config.dataDir, demo) };
}
