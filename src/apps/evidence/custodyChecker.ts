/**
 * Chain of custody (pure): every physical exhibit and every piece of audio-visual or electronic
 * data must have a custody record that starts with its collection and continues hand-over by
 * hand-over — each entry's `fromHolder` is the previous entry's `toHolder`, and times never go
 * backwards nor precede the collection. Source: the 2010 death-penalty evidence rules (whether
 * physical evidence was damaged or changed in collection, keeping and examination) as cited in
 * general.yaml (GEN-CUSTODY-CHAIN).
 */
import { checkRule, makeFinding, severityAt } from './findingBuilder.ts';
import { EvidenceErrors as E } from './errors.ts';
import type { StandardSet } from './standards.ts';
import type { EvidenceItem, Finding, Stage } from './types.ts';

/** The first break in an item's chain, in zh and en, or null when the chain is whole. */
export function custodyBreak(item: EvidenceItem): { zh: string; en: string } | null {
  const c = item.custody;
  if (c.length === 0) return { zh: '没有保管记录', en: 'no custody record' };
  if (c[0]!.action !== 'collected') return { zh: '保管记录不是从提取开始', en: 'the custody record does not start with the collection' };
  if (Date.parse(c[0]!.at) < Date.parse(item.collectedAt)) return { zh: '第 1 条记录早于提取时间', en: 'entry 1 precedes the collection' };
  for (let i = 1; i < c.length; i++) {
    const prev = c[i - 1]!;
    const cur = c[i]!;
    if (cur.fromHolder !== prev.toHolder) return { zh: `第 ${i + 1} 条由“${cur.fromHolder}”交出，但上一手为“${prev.toHolder}”`, en: `entry ${i + 1} is handed over by "${cur.fromHolder}" but the previous holder was "${prev.toHolder}"` };
    if (Date.parse(cur.at) < Date.parse(prev.at)) return { zh: `第 ${i + 1} 条时间早于第 ${i} 条`, en: `entry ${i + 1} is dated before entry ${i}` };
  }
  return null;
}

/** Custody findings for the physical and audio-visual items of a file. */
export function checkCustody(set: StandardSet, items: readonly EvidenceItem[], stage: Stage): { findings: Finding[]; reportable: Set<string> } {
  const rule = checkRule(set, 'custody_chain');
  const findings: Finding[] = [];
  const reportable = new Set<string>();
  if (!rule) return { findings, reportable };
  const sev = severityAt(rule, stage);
  for (const item of items) {
    if (item.kind !== 'physical' && item.kind !== 'audio_visual') continue;
    const broken = custodyBreak(item);
    if (!broken) continue;
    const f = makeFinding(set, { ruleId: rule.id, code: E.EVIDENCE_CUSTODY_GAP, severity: sev ?? 'warning', source: rule.source, text: rule.text, itemKeys: [item.key], params: { item: `${item.key} ${item.title}`, detail: broken.zh, detailEn: broken.en }, overridable: rule.overridable });
    findings.push(f);
    if (sev) reportable.add(f.key);
  }
  return { findings, reportable };
}
