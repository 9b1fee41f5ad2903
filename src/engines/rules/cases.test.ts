/**
 * Real-world failure cases C19 and C20 (/work/shared/cases/cases.json, area "rules"), run
 * through the public API exactly as the cases give them.
 */
import { describe, expect, it } from 'vitest';
import type { FactCatalogue } from './catalogue.ts';
import { runRulesInMemory } from './run.ts';
import { ruleFromExpression, type RuleDef } from './ruleFile.ts';

const catalogue: FactCatalogue = {
  subjects: { table: 'persons', key: 'person_key' },
  facts: { householdSize: { type: 'number', table: 'persons', key: 'person_key', value: 'household_size' } },
  context: { 'case.divisionCode': 'string' },
  lists: { 'grid.allowedDivisions': 'string' },
};
const rule = (id: string, when: string): RuleDef => {
  const r = ruleFromExpression(id, when);
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.rule;
};

describe('rules cases', () => {
  it('C19: "householdSize is not 1" on facts {} does not fire and reports householdSize as missing', () => {
    const run = runRulesInMemory([rule('c19', 'householdSize is not 1')], catalogue, { subjects: ['s1'], facts: { s1: {} }, records: {} }, { asOf: 0 });
    const r = run.results[0]!;
    expect(r.hits).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.stats).toMatchObject({ subjects: 1, hits: 0, unknown: 1, missingFacts: { householdSize: 1 } });
    // the explanation of a non-hit is available by dry-running the evaluator: outcome unknown, fact missing
    const hit2 = runRulesInMemory([rule('c19b', 'not (householdSize = 1)')], catalogue, { subjects: ['s1'], facts: { s1: {} }, records: {} }, { asOf: 0 });
    expect(hit2.results[0]!.stats.hits).toBe(0);
    // with the fact present the rule behaves as written
    const present = runRulesInMemory([rule('c19', 'householdSize is not 1')], catalogue, { subjects: ['a', 'b'], facts: { a: { householdSize: 1 }, b: { householdSize: 4 } }, records: {} }, { asOf: 0 });
    expect(present.results[0]!.hits.map((h) => h.subjectKey)).toEqual(['b']);
    expect(present.results[0]!.hits[0]!.explanation.conditions[0]).toMatchObject({ text: 'householdSize is not 1', actual: 4, threshold: 1, outcome: 'true', missing: [] });
  });

  it('C20: "case.divisionCode in grid.allowedDivisions" with grid {} is false with a warning; other rules still run; nothing thrown', () => {
    const rules = [
      rule('c20', 'case.divisionCode in grid.allowedDivisions'),
      rule('undeclared', 'nosuchFact > 1'),
      rule('other', 'householdSize >= 2'),
    ];
    const ctx = { asOf: 0, values: { case: { divisionCode: '320102' }, grid: {} } };
    const data = { subjects: ['s1', 's2'], facts: { s1: { householdSize: 3 }, s2: { householdSize: 1 } }, records: {} };
    const run = runRulesInMemory(rules, catalogue, data, ctx);
    const [c20, undeclared, other] = run.results;
    expect(c20!.hits).toEqual([]);
    expect(c20!.errors).toEqual([]);
    expect(c20!.warnings).toHaveLength(1);
    expect(c20!.warnings[0]).toMatchObject({ code: 'RULE_MISSING_LIST', params: { name: 'grid.allowedDivisions', condition: 'case.divisionCode in grid.allowedDivisions' } });
    expect(undeclared!.errors[0]).toMatchObject({ code: 'RULE_UNKNOWN_FACT', params: { name: 'nosuchFact', line: 1, column: 1 } });
    expect(other!.hits.map((h) => h.subjectKey)).toEqual(['s1']);
    expect(run.stats).toMatchObject({ rules: 3, failed: 1, hits: 1 });
    // a dry run explains why the condition does not hold
    const dry = runRulesInMemory([rule('c20', 'not (case.divisionCode in grid.allowedDivisions)')], catalogue, data, ctx, { dryRun: true });
    expect(dry.results[0]!.stats.hits).toBe(0); // a negated broken condition does not fire either
    // with the list present the condition holds
    const ok = runRulesInMemory([rules[0]!], catalogue, data, { asOf: 0, values: { case: { divisionCode: '320102' }, grid: { allowedDivisions: ['320102', '320104'] } } });
    expect(ok.results[0]!.stats.hits).toBe(2);
    expect(ok.results[0]!.hits[0]!.explanation.conditions[0]).toMatchObject({ actual: '320102', threshold: ['320102', '320104'], outcome: 'true' });
  });
});
