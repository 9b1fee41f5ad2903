/**
 * The stage-gate report (pure): runs every check of a case file against the standards of its
 * charges at a stage and lists the blocking gaps, the warnings and the overridden findings,
 * each with its rule id, its source and the items involved, plus the checklist (met / missing /
 * contradicted / below threshold) and the contradictions side by side. The gate passes when
 * no blocking finding remains.
 *
 * Order: formalities first (their findings exclude items unless overridden), then consistency
 * over the admissible items, chain of custody, completeness and corroboration.
 */
import { checkCompleteness, checkCorroboration, type ChecklistEntry } from './completenessChecker.ts';
import { checkConsistency } from './consistencyChecker.ts';
import { checkCustody } from './custodyChecker.ts';
import { checkFormalities } from './formalityChecker.ts';
import { sourceTitle, type StandardSet } from './standards.ts';
import type { CaseFile, Finding, Override, SourceRef, Stage } from './types.ts';

/** The report of one gate. */
export interface StageGateReport {
  readonly caseNo: string;
  readonly title: string;
  readonly stage: Stage;
  readonly stageLabel: { readonly zh: string; readonly en: string };
  /** The legal standard of the stage and its source. */
  readonly stageStandard: { readonly zh: string; readonly en: string; readonly source: SourceRef; readonly sourceTitle: string };
  /** The standards applied, with versions. */
  readonly standards: readonly { readonly id: string; readonly version: string; readonly zh: string; readonly en: string }[];
  readonly generalVersion: string;
  readonly passed: boolean;
  readonly blocking: readonly Finding[];
  readonly warnings: readonly Finding[];
  /** Findings an officer overrode, each with its override (reason, officer, time, audit seq). */
  readonly overridden: readonly Finding[];
  readonly checklist: readonly ChecklistEntry[];
  /** Unresolved contradictions (a subset of blocking and warnings). */
  readonly contradictions: readonly Finding[];
  /** Items excluded by a formality finding that is not overridden. */
  readonly excludedItems: readonly string[];
}

/**
 * Check `file` at `stage` (default: the file's current stage) with the recorded overrides.
 * Charges without a standard are ignored here (the service refuses them on input).
 */
export function stageGate(set: StandardSet, file: CaseFile, overrides: readonly Override[] = [], stage: Stage = file.stage): StageGateReport {
  const byKey = new Map(overrides.map((o) => [o.findingKey, o]));
  const isOverridden = (f: Finding) => f.overridable && byKey.has(f.key);

  const formal = checkFormalities(set, file, stage);
  const excluded = new Set<string>();
  for (const f of formal.findings) {
    const items = formal.excluding.get(f.key);
    if (items && !isOverridden(f)) for (const k of items) excluded.add(k);
  }
  const admissible = file.items.filter((i) => !excluded.has(i.key));
  const consistency = checkConsistency(set, admissible, stage);
  const custody = checkCustody(set, file.items, stage);
  const contradictedItems = new Set<string>();
  for (const f of consistency.findings) if (!isOverridden(f)) for (const k of f.itemKeys) contradictedItems.add(k);
  const completeness = checkCompleteness(set, file, admissible, contradictedItems, stage);
  const corroboration = checkCorroboration(set, admissible, stage);

  const reportable = new Set([...formal.reportable, ...consistency.reportable, ...custody.reportable]);
  const all: Finding[] = [
    ...formal.findings.filter((f) => reportable.has(f.key)),
    ...consistency.findings.filter((f) => reportable.has(f.key)),
    ...custody.findings.filter((f) => reportable.has(f.key)),
    ...completeness.findings,
    ...(corroboration ? [corroboration] : []),
  ];
  const blocking: Finding[] = [];
  const warnings: Finding[] = [];
  const overridden: Finding[] = [];
  for (const f of all) {
    if (isOverridden(f)) overridden.push({ ...f, override: byKey.get(f.key)! });
    else if (f.severity === 'blocking') blocking.push(f);
    else warnings.push(f);
  }
  const st = set.general.stages.find((s) => s.stage === stage)!;
  return {
    caseNo: file.caseNo,
    title: file.title,
    stage,
    stageLabel: { zh: st.zh, en: st.en },
    stageStandard: { zh: st.standard.zh, en: st.standard.en, source: st.source, sourceTitle: sourceTitle(set, st.source.doc) },
    standards: file.charges.flatMap((id) => {
      const c = set.charges.get(id);
      return c ? [{ id, version: c.version, zh: c.name.zh, en: c.name.en }] : [];
    }),
    generalVersion: set.general.version,
    passed: blocking.length === 0,
    blocking,
    warnings,
    overridden,
    checklist: completeness.checklist,
    contradictions: [...blocking, ...warnings].filter((f) => f.contradiction),
    excludedItems: [...excluded].sort(),
  };
}
