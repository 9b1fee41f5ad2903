/**
 * Completeness per element, the charge conditions and the corroboration of confessions (pure).
 * A requirement is met by an admissible item of one of its kinds — with its topic when it names
 * one, else offered to prove its element; it is `contradicted` when every such item is part
 * of an unresolved contradiction. A condition applies always or when an item's fact matches
 * `when`; it needs an item of its kinds and topic (with the required fact or formality), and
 * a threshold when declared (e.g. blood alcohol ≥ 80 mg/100 ml, 2013 drunk-driving opinions
 * art. 1; muzzle energy ≥ 1.8 J/cm², GA/T 718). CPL art. 55: a confession with no other
 * admissible item proving the act, result or causation is uncorroborated.
 */
import { checkRule, makeFinding, severityAt } from './findingBuilder.ts';
import { EvidenceErrors as E } from './errors.ts';
import { sourceTitle, type Condition, type Requirement, type StandardSet } from './standards.ts';
import { stageIndex, type CaseFile, type Element, type EvidenceItem, type Finding, type SourceRef, type Stage } from './types.ts';

/** Status of one checklist line. */
export type ChecklistStatus = 'met' | 'missing' | 'contradicted' | 'below_threshold' | 'not_applicable';

/** One line of the checklist: a requirement or condition and how the file stands against it. */
export interface ChecklistEntry {
  readonly ruleId: string;
  readonly kind: 'requirement' | 'condition';
  /** Charge id, or null for the requirements of general.yaml. */
  readonly charge: string | null;
  readonly element: Element | null;
  readonly text: string;
  readonly textEn: string;
  readonly requiredFrom: Stage;
  /** Required at the stage checked. */
  readonly due: boolean;
  readonly status: ChecklistStatus;
  /** The items that meet it (or, for below_threshold, the items measured). */
  readonly itemKeys: readonly string[];
  readonly source: SourceRef;
  readonly sourceTitle: string;
}

const ELEMENT_LABELS: Readonly<Record<Element, { zh: string; en: string }>> = {
  subject: { zh: '犯罪主体', en: 'the subject' },
  mental_state: { zh: '主观方面', en: 'the mental state' },
  act: { zh: '客观行为', en: 'the act' },
  result: { zh: '危害结果', en: 'the result' },
  causation: { zh: '因果关系', en: 'causation' },
};

function matchesRequirement(r: Requirement, item: EvidenceItem): boolean {
  if (!r.kinds.includes(item.kind)) return false;
  return r.topic ? item.topics.includes(r.topic) : item.proves.includes(r.element);
}

function conditionApplies(c: Condition, items: readonly EvidenceItem[]): boolean {
  if (!c.when) return true;
  const { fact, in: inList, notIn } = c.when;
  return items.some((i) => {
    const v = i.facts[fact];
    if (v === undefined || v === null) return false;
    if (inList) return inList.includes(String(v));
    if (notIn) return !notIn.includes(String(v));
    return true;
  });
}

/**
 * The checklist and completeness findings of a file at `stage`.
 * @param admissible items not excluded (after overrides)
 * @param contradicted keys of items in unresolved contradictions
 */
export function checkCompleteness(
  set: StandardSet,
  file: CaseFile,
  admissible: readonly EvidenceItem[],
  contradicted: ReadonlySet<string>,
  stage: Stage,
): { checklist: ChecklistEntry[]; findings: Finding[] } {
  const checklist: ChecklistEntry[] = [];
  const findings: Finding[] = [];
  const at = stageIndex(stage);
  const groups: { charge: string | null; reqs: readonly Requirement[]; conds: readonly Condition[] }[] = [
    { charge: null, reqs: set.general.requirements, conds: [] },
    ...file.charges.map((id) => ({ charge: id, reqs: set.charges.get(id)?.requirements ?? [], conds: set.charges.get(id)?.conditions ?? [] })),
  ];
  for (const g of groups) {
    for (const r of g.reqs) {
      const due = at >= stageIndex(r.stage);
      const meeting = admissible.filter((i) => matchesRequirement(r, i)).map((i) => i.key);
      const status: ChecklistStatus = meeting.length === 0 ? 'missing' : meeting.every((k) => contradicted.has(k)) ? 'contradicted' : 'met';
      checklist.push({ ruleId: r.id, kind: 'requirement', charge: g.charge, element: r.element, text: r.text.zh, textEn: r.text.en, requiredFrom: r.stage, due, status, itemKeys: meeting, source: r.source, sourceTitle: sourceTitle(set, r.source.doc) });
      if (due && status === 'missing') {
        const label = ELEMENT_LABELS[r.element];
        findings.push(makeFinding(set, { ruleId: r.id, code: E.EVIDENCE_REQUIREMENT_MISSING, severity: 'blocking', source: r.source, text: r.text, itemKeys: [], params: { elementZh: label.zh, elementEn: label.en }, element: r.element, overridable: true }));
      }
    }
    for (const c of g.conds) checklistCondition(set, c, g.charge, admissible, at, checklist, findings);
  }
  return { checklist, findings };
}

function checklistCondition(set: StandardSet, c: Condition, charge: string | null, admissible: readonly EvidenceItem[], at: number, checklist: ChecklistEntry[], findings: Finding[]): void {
  const due = at >= stageIndex(c.stage);
  const base = { ruleId: c.id, kind: 'condition' as const, charge, element: null, text: c.text.zh, textEn: c.text.en, requiredFrom: c.stage, due, source: c.source, sourceTitle: sourceTitle(set, c.source.doc) };
  if (!conditionApplies(c, admissible)) {
    checklist.push({ ...base, status: 'not_applicable', itemKeys: [] });
    return;
  }
  const candidates = admissible.filter(
    (i) => c.kinds.includes(i.kind) && i.topics.includes(c.topic) && (!c.requireFact || i.facts[c.requireFact] !== undefined) && (!c.requireFormality || i.formalities[c.requireFormality] === true),
  );
  const measured = c.threshold ? candidates.filter((i) => typeof i.facts[c.threshold!.fact] === 'number') : candidates;
  if (measured.length === 0) {
    checklist.push({ ...base, status: 'missing', itemKeys: [] });
    if (due) findings.push(makeFinding(set, { ruleId: c.id, code: E.EVIDENCE_CONDITION_MISSING, severity: 'blocking', source: c.source, text: c.text, itemKeys: [], overridable: false }));
    return;
  }
  const t = c.threshold;
  const meeting = t ? measured.filter((i) => (i.facts[t.fact] as number) >= t.min) : measured;
  if (meeting.length > 0) {
    checklist.push({ ...base, status: 'met', itemKeys: meeting.map((i) => i.key) });
    return;
  }
  const best = measured.reduce((a, b) => ((a.facts[t!.fact] as number) >= (b.facts[t!.fact] as number) ? a : b));
  checklist.push({ ...base, status: 'below_threshold', itemKeys: measured.map((i) => i.key) });
  if (due) {
    findings.push(makeFinding(set, {
      ruleId: c.id, code: E.EVIDENCE_CONDITION_BELOW_THRESHOLD, severity: 'blocking', source: c.source, text: c.text, itemKeys: [best.key],
      params: { item: `${best.key} ${best.title}`, value: best.facts[t!.fact] as number, unit: t!.unit }, overridable: false,
    }));
  }
}

/**
 * CPL art. 55: the admissible confessions, when no other admissible item proves the act, the
 * result or causation. Severity per general.yaml (GEN-CONFESSION-ONLY); null when not reportable.
 */
export function checkCorroboration(set: StandardSet, admissible: readonly EvidenceItem[], stage: Stage): Finding | null {
  const rule = checkRule(set, 'confession_corroboration');
  if (!rule) return null;
  const sev = severityAt(rule, stage);
  const confessions = admissible.filter((i) => i.kind === 'suspect_statement');
  if (!sev || confessions.length === 0) return null;
  const corroborated = admissible.some((i) => i.kind !== 'suspect_statement' && i.proves.some((e) => e === 'act' || e === 'result' || e === 'causation'));
  if (corroborated) return null;
  const keys = confessions.map((i) => i.key);
  return makeFinding(set, { ruleId: rule.id, code: E.EVIDENCE_CONFESSION_ONLY, severity: sev, source: rule.source, text: rule.text, itemKeys: keys, params: { items: keys.join('、') }, overridable: rule.overridable });
}
