/**
 * The evidence application (证据标准指引, issue 6) as a platform module: tables, routes and the
 * `gongzhi evidence …` commands. Public API for other modules: `stageGate` (pure check of a
 * case file), `loadStandards`, the case-file service functions and the demo generator.
 */
import type { GongzhiModule } from '../../platform/module.ts';
import { evidenceCommands } from './cli.ts';
import { loadEvidenceDemo } from './demoLoader.ts';
import { evidenceRoutes } from './routes.ts';
import { evidenceMigrations } from './schema.ts';

/** Migration 202611300300_evidence_tables, routes /api/evidence/…, command `evidence`, demo case files on first start. */
export const evidenceModule: GongzhiModule = {
  name: 'evidence',
  migrations: evidenceMigrations,
  routes: evidenceRoutes,
  commands: evidenceCommands,
  async seedDemo(ctx) {
    const r = await loadEvidenceDemo(ctx);
    return r.inserted ? `证据标准演示案卷 evidence demo case files: ${r.inserted} loaded` : null;
  },
};

export { stageGate, type StageGateReport } from './stageGate.ts';
export { loadStandards, validateStandards, type StandardSet, type ChargeStandard } from './standards.ts';
export { attachItem, createCaseFile, listCaseFiles, moveToStage, overrideFinding, readCaseFile, MIN_OVERRIDE_REASON, type CaseFileView } from './caseFileService.ts';
export { generateEvidenceDemo, groundTruthPath, type GroundTruthCase, type Plant } from './demo.ts';
export { loadEvidenceDemo } from './demoLoader.ts';
export { EvidenceErrors } from './errors.ts';
export * from './types.ts';
