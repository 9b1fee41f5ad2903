/**
 * Building findings: the stable finding key, the severity a general check has at a stage, and
 * a Finding from a rule, a registered code and its params (messages filled from errors.ts).
 */
import { issue } from '../../core/errors.ts';
import type { CheckRule, StandardSet } from './standards.ts';
import { sourceTitle } from './standards.ts';
import { stageIndex, type Element, type Finding, type Severity, type SourceRef, type Stage } from './types.ts';

/** `${ruleId}|${subjects sorted, comma-joined}`: the same gap keeps its key across runs, so overrides stay attached. */
export function findingKey(ruleId: string, subjects: readonly string[]): string {
  return `${ruleId}|${[...subjects].sort().join(',')}`;
}

/** Severity of a general check at `stage`: blocking from blockingFrom, warning from warningFrom, else null (not reported). */
export function severityAt(rule: Pick<CheckRule, 'warningFrom' | 'blockingFrom'>, stage: Stage): Severity | null {
  if (rule.blockingFrom && stageIndex(stage) >= stageIndex(rule.blockingFrom)) return 'blocking';
  if (stageIndex(stage) >= stageIndex(rule.warningFrom)) return 'warning';
  return null;
}

/** What makeFinding needs besides the standards. */
export interface FindingSpec {
  readonly ruleId: string;
  readonly code: string;
  readonly severity: Severity;
  readonly source: SourceRef;
  readonly text: { readonly zh: string; readonly en: string };
  readonly itemKeys: readonly string[];
  /** Extra subjects of the key (e.g. 'person:S1') besides the items. */
  readonly subjects?: readonly string[];
  readonly params?: Readonly<Record<string, string | number>>;
  readonly element?: Element;
  readonly contradiction?: Finding['contradiction'];
  readonly overridable: boolean;
}

/** A Finding with its messages filled from the code's templates (params plus text/textEn). */
export function makeFinding(set: StandardSet, spec: FindingSpec): Finding {
  const msg = issue(spec.code, { text: spec.text.zh, textEn: spec.text.en, ...spec.params });
  const f: Finding = {
    key: findingKey(spec.ruleId, [...spec.itemKeys, ...(spec.subjects ?? [])]),
    ruleId: spec.ruleId,
    code: spec.code,
    severity: spec.severity,
    message: msg.message,
    messageEn: msg.messageEn,
    source: spec.source,
    sourceTitle: sourceTitle(set, spec.source.doc),
    itemKeys: [...spec.itemKeys],
    overridable: spec.overridable,
    ...(spec.element ? { element: spec.element } : {}),
    ...(spec.contradiction ? { contradiction: spec.contradiction } : {}),
  };
  return f;
}

/** The general check with the given name, or undefined when general.yaml does not declare it. */
export function checkRule(set: StandardSet, check: CheckRule['check']): CheckRule | undefined {
  return set.general.checks.find((c) => c.check === check);
}
