/**
 * Consistency across items (pure): the time, place, weapon, injuries and amount that the
 * admissible items state are compared pairwise; each disagreeing pair is one finding with both
 * values side by side. Tolerances come from general.yaml (time: toleranceMinutes; amount:
 * tolerancePercent of the larger amount). Places agree when, after removing spaces and
 * punctuation, one contains the other (a street address and the same address with its room).
 * Legal basis: CPL art. 55 (facts beyond reasonable doubt) and the 2010 death-penalty evidence
 * rules (evidence corroborates, no contradiction left unexplained).
 */
import { checkRule, makeFinding, severityAt } from './findingBuilder.ts';
import { EvidenceErrors as E } from './errors.ts';
import type { CheckRule, StandardSet } from './standards.ts';
import type { EvidenceItem, ExtractedFacts, Finding, Stage } from './types.ts';

type Fact = 'time' | 'place' | 'weapon' | 'injuries' | 'amountYuan';

const CHECK_OF: Readonly<Record<Fact, CheckRule['check']>> = {
  time: 'consistency_time',
  place: 'consistency_place',
  weapon: 'consistency_weapon',
  injuries: 'consistency_injuries',
  amountYuan: 'consistency_amount',
};

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** A fact value as shown to people, e.g. '2 处：胸部、腹部' for injuries. */
export function showFact(fact: Fact, facts: ExtractedFacts): string {
  switch (fact) {
    case 'injuries': {
      const i = facts.injuries!;
      return [i.count !== undefined ? `${i.count}` : null, i.sites && i.sites.length > 0 ? [...i.sites].join('、') : null].filter(Boolean).join(' / ');
    }
    case 'amountYuan':
      return `¥${facts.amountYuan}`;
    default:
      return String(facts[fact]);
  }
}

/**
 * Whether two values of a fact contradict.
 * @param rule the general check, for its tolerance
 */
export function contradicts(fact: Fact, a: ExtractedFacts, b: ExtractedFacts, rule: CheckRule): boolean {
  switch (fact) {
    case 'time':
      return Math.abs(Date.parse(a.time!) - Date.parse(b.time!)) > (rule.toleranceMinutes ?? 0) * 60_000;
    case 'place': {
      const x = norm(a.place!);
      const y = norm(b.place!);
      return !(x.includes(y) || y.includes(x));
    }
    case 'weapon':
      return norm(a.weapon!) !== norm(b.weapon!);
    case 'injuries': {
      const x = a.injuries!;
      const y = b.injuries!;
      if (x.count !== undefined && y.count !== undefined && x.count !== y.count) return true;
      if (x.sites && y.sites && x.sites.length > 0 && y.sites.length > 0) {
        const sx = new Set(x.sites.map(norm));
        const sy = new Set(y.sites.map(norm));
        return sx.size !== sy.size || [...sx].some((s) => !sy.has(s));
      }
      return false;
    }
    case 'amountYuan': {
      const big = Math.max(a.amountYuan!, b.amountYuan!);
      return big > 0 && (Math.abs(a.amountYuan! - b.amountYuan!) / big) * 100 > (rule.tolerancePercent ?? 0);
    }
  }
}

/**
 * Pairwise contradictions among `items` (the admissible items) for every fact.
 * @returns findings (severity per the rule at `stage`, 'warning' when not yet reportable) and
 *   the keys of those reportable at `stage`.
 */
export function checkConsistency(set: StandardSet, items: readonly EvidenceItem[], stage: Stage): { findings: Finding[]; reportable: Set<string> } {
  const findings: Finding[] = [];
  const reportable = new Set<string>();
  for (const fact of Object.keys(CHECK_OF) as Fact[]) {
    const rule = checkRule(set, CHECK_OF[fact]);
    if (!rule) continue;
    const sev = severityAt(rule, stage);
    const having = items.filter((i) => i.facts[fact] !== undefined && i.facts[fact] !== null);
    for (let x = 0; x < having.length; x++) {
      for (let y = x + 1; y < having.length; y++) {
        const a = having[x]!;
        const b = having[y]!;
        if (!contradicts(fact, a.facts, b.facts, rule)) continue;
        const valueA = showFact(fact, a.facts);
        const valueB = showFact(fact, b.facts);
        const f = makeFinding(set, {
          ruleId: rule.id, code: E.EVIDENCE_CONTRADICTION, severity: sev ?? 'warning', source: rule.source, text: rule.text,
          itemKeys: [a.key, b.key], params: { a: `${a.key} ${a.title}`, b: `${b.key} ${b.title}`, valueA, valueB },
          contradiction: { fact, values: { [a.key]: valueA, [b.key]: valueB } }, overridable: rule.overridable,
        });
        findings.push(f);
        if (sev) reportable.add(f.key);
      }
    }
  }
  return { findings, reportable };
}
