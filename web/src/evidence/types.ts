/**
 * Shapes the evidence API returns, imported as types from the server's own modules so the
 * pages and the routes cannot drift apart (type-only imports: nothing of the server is bundled).
 */
import type { CaseFileView } from '../../../src/apps/evidence/caseFileService.ts';
import type { ChecklistEntry } from '../../../src/apps/evidence/completenessChecker.ts';
import type { StageGateReport } from '../../../src/apps/evidence/stageGate.ts';
import type { CaseFile, EvidenceItem, Finding, Stage } from '../../../src/apps/evidence/types.ts';

export type { CaseFileView, ChecklistEntry, StageGateReport, CaseFile, EvidenceItem, Finding, Stage };

/** One row of GET /api/evidence/cases. */
export interface CaseSummary {
  readonly caseNo: string;
  readonly title: string;
  readonly charges: readonly string[];
  readonly stage: Stage;
  readonly passed: boolean;
  readonly blocking: number;
  readonly warnings: number;
  readonly updatedAt: string;
}

/** GET /api/evidence/standards (the parts the pages use). */
export interface StandardsInfo {
  readonly stages: readonly { readonly stage: Stage; readonly zh: string; readonly en: string }[];
  readonly kinds: Readonly<Record<string, { readonly zh: string; readonly en: string }>>;
  readonly charges: readonly { readonly id: string; readonly version: string; readonly name: { readonly zh: string; readonly en: string } }[];
}
