import { describe, expect, it } from 'vitest';
import { runRulesInMemory } from './run.ts';
import { ruleFromExpression, type RuleDef } from './ruleFile.ts';
import { hitToTag, tagIsLive } from './tags.ts';
import { FIXTURE_AS_OF, FIXTURE_RULES, fixtureCatalogue, fixtureToMemory, smallFixture } from './testing.ts';
import { checkRule } from './catalogue.ts';
import { parseExpression } from './parser.ts';

const rule = (id: string, when: string): RuleDef => {
  const r = ruleFromExpression(id, when);
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.rule;
};
const ctx = { asOf: FIXTURE_AS_OF, values: { grid: { allowedDivisions: ['320102'] }, watch: { provinces: ['A'] } } };
const data = fixtureToMemory(smallFixture());

describe('in-memory evaluation over the fixture', () => {
  it.each(FIXTURE_RULES)('$id hits $hits', ({ id, when, hits }) => {
    const run = runRulesInMemory([rule(id, when)], fixtureCatalogue, data, ctx);
    expect(run.results[0]!.errors).toEqual([]);
    expect(run.results[0]!.hits.map((h) => h.subjectKey)).toEqual(hits);
  });

  it('explains a hit: value, threshold, outcome and evidence ids per condition', () => {
    const run = runRulesInMemory([rule('r', 'count(parcels where flagged and sender = person within 30d) >= 3 and householdSize < 2')], fixtureCatalogue, data, ctx);
    const [hit] = run.results[0]!.hits;
    expect(hit!.subjectKey).toBe('p1');
    expect(hit!.explanation.conditions).toEqual([
      { text: 'count(parcels where flagged and sender = person within 30d) >= 3', line: 1, column: 1, outcome: 'true', actual: 4, threshold: 3, missing: [],
        evidence: ['1', '2', '3', '4'].map((recordId) => ({ recordKind: 'parcels', recordId })) },
      { text: 'householdSize < 2', line: 1, column: 70, outcome: 'true', actual: 1, threshold: 2, missing: [], evidence: [] },
    ]);
  });

  it('limits evidence ids per aggregate to the lowest ids', () => {
    const run = runRulesInMemory([rule('r', 'count(parcels where sender = person) >= 1')], fixtureCatalogue, data, { ...ctx, evidenceLimit: 2 });
    const p1 = run.results[0]!.hits.find((h) => h.subjectKey === 'p1')!;
    expect(p1.explanation.conditions[0]!.actual).toBe(6);
    expect(p1.explanation.conditions[0]!.evidence.map((e) => e.recordId)).toEqual(['1', '2']);
  });

  it('a dry run counts all hits and keeps a sample', () => {
    const run = runRulesInMemory([{ ...rule('r', 'count(parcels where sender = person) >= 1'), enabled: false }], fixtureCatalogue, data, ctx, { dryRun: true, sampleSize: 1 });
    expect(run.dryRun).toBe(true);
    expect(run.results[0]!.stats.hits).toBe(3);
    expect(run.results[0]!.hits.map((h) => h.subjectKey)).toEqual(['p1']);
    expect(runRulesInMemory([{ ...rule('r', 'householdSize > 0'), enabled: false }], fixtureCatalogue, data, ctx).results).toEqual([]);
  });

  it('builds a tag with evidence values and expiry; an expired tag no longer counts', () => {
    const r = rule('flagged30', 'count(parcels where flagged and sender = person within 30d) >= 3');
    const hit = runRulesInMemory([r], fixtureCatalogue, data, ctx).results[0]!.hits[0]!;
    const tag = hitToTag(r, hit, new Date('2026-11-01T00:00:00Z'));
    expect(tag).toMatchObject({ ruleId: 'flagged30', ruleVersion: 1, subjectKey: 'p1', firedAt: '2026-11-01T00:00:00.000Z', expiresAt: '2027-01-30T00:00:00.000Z' });
    expect(tag.evidence.map((e) => e.recordId)).toEqual(['1', '2', '3', '4']);
    expect(tag.evidence[0]!.values).toEqual({ [r.whenText]: 4 });
    expect(tagIsLive(tag, new Date('2027-01-29T23:59:59Z'))).toBe(true);
    expect(tagIsLive(tag, new Date('2027-01-30T00:00:00Z'))).toBe(false);
  });
});

describe('checkRule', () => {
  const errs = (src: string): unknown[] => {
    const p = parseExpression(src);
    if (!p.ok) throw new Error(p.error.messageEn);
    const c = checkRule(p.ast, fixtureCatalogue);
    return c.ok ? [] : c.errors.map((e) => [e.code, e.params?.line, e.params?.column]);
  };
  it('reports unknown names, type mismatches and unlinked aggregates with positions', () => {
    expect(errs('count(parcels where flagged) >= 1')).toEqual([]); // default person key: sender
    expect(errs('count(sharedPhones) >= 1 and x = 1')).toEqual([['RULE_PERSON_LINK', 1, 1], ['RULE_UNKNOWN_FACT', 1, 30]]);
    expect(errs('count(sharedPhones where owner = person within 30d) >= 1')).toEqual([['RULE_TYPE_MISMATCH', 1, 1]]);
    expect(errs('householdSize = "3"')).toEqual([['RULE_TYPE_MISMATCH', 1, 1]]);
    expect(errs('divisionCode > "3"')).toEqual([['RULE_TYPE_MISMATCH', 1, 1]]);
    expect(errs('sum(parcels.receiverProvince) > 1')).toEqual([['RULE_TYPE_MISMATCH', 1, 1]]);
    expect(errs('count(parcel) > 1')).toEqual([['RULE_UNKNOWN_RECORD_KIND', 1, 1]]);
    expect(errs('count(parcels where colour = "red") > 1')).toEqual([['RULE_UNKNOWN_FIELD', 1, 21]]);
    expect(errs('divisionCode in grid.nope')).toEqual([['RULE_UNKNOWN_LIST', 1, 17]]);
    expect(errs('householdSize')).toEqual([['RULE_TYPE_MISMATCH', 1, 1]]);
    expect(errs('householdSize in ["1"]')).toEqual([['RULE_TYPE_MISMATCH', 1, 1]]);
  });
});
