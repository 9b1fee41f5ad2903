import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../store/database.ts';
import { testDialects } from '../../store/testing.ts';
import { runRulesInMemory } from './run.ts';
import { ruleFromExpression, type RuleDef } from './ruleFile.ts';
import { explainSubjectSql, runRulesSql } from './sqlRun.ts';
import { FIXTURE_AS_OF, FIXTURE_RULES, fixtureCatalogue, fixtureToMemory, loadFixture, smallFixture } from './testing.ts';

const rule = (id: string, when: string): RuleDef => {
  const r = ruleFromExpression(id, when);
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.rule;
};
const ctx = { asOf: FIXTURE_AS_OF, values: { grid: { allowedDivisions: ['320102'] }, watch: { provinces: ['A'] } } };

describe.each(testDialects())('rules compiled to SQL on $name', (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await dialect.create();
    drop = t.drop;
    database = openDatabase(t.config);
    await loadFixture(database, smallFixture());
  });
  afterAll(async () => { await database.close(); await drop(); });

  it('every fixture rule hits exactly its expected subjects, with the same explanations as the JS evaluator', async () => {
    const rules = FIXTURE_RULES.map((r) => rule(r.id, r.when));
    const run = await runRulesSql(database, rules, fixtureCatalogue, ctx);
    const mem = runRulesInMemory(rules, fixtureCatalogue, fixtureToMemory(smallFixture()), ctx);
    FIXTURE_RULES.forEach((r, i) => {
      expect(run.results[i]!.errors).toEqual([]);
      expect(run.results[i]!.hits.map((h) => h.subjectKey)).toEqual(r.hits);
      expect(run.results[i]!.hits).toEqual(mem.results[i]!.hits);
    });
  });

  it('returns the values and evidence ids that met each condition', async () => {
    const run = await runRulesSql(database, [rule('r', 'distinctCount(parcels.receiverProvince where sender = person within 90d) >= 3 and sum(parcels.weightGrams where sender = person within 30d) > 1000')], fixtureCatalogue, ctx);
    const [hit] = run.results[0]!.hits;
    expect(hit!.subjectKey).toBe('p1');
    const [c0, c1] = hit!.explanation.conditions;
    expect(c0).toMatchObject({ actual: 4, threshold: 3, outcome: 'true' });
    expect(c0!.evidence.map((e) => e.recordId)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(c1).toMatchObject({ actual: 1300, threshold: 1000, outcome: 'true' });
    expect(c1!.evidence.map((e) => e.recordId)).toEqual(['1', '2', '3', '4', '6']);
  });

  it('limits evidence to the lowest N ids, and a dry run counts hits with a sample', async () => {
    const limited = await runRulesSql(database, [rule('r', 'count(parcels where sender = person) >= 1')], fixtureCatalogue, { ...ctx, evidenceLimit: 2 });
    expect(limited.results[0]!.hits.map((h) => [h.subjectKey, h.explanation.conditions[0]!.actual, h.explanation.conditions[0]!.evidence.map((e) => e.recordId)]))
      .toEqual([['p1', 6, ['1', '2']], ['p2', 3, ['7', '8']], ['p3', 3, ['10', '11']]]);
    const dry = await runRulesSql(database, [{ ...rule('r', 'count(parcels where sender = person) >= 1'), enabled: false }], fixtureCatalogue, ctx, { dryRun: true, sampleSize: 2 });
    expect(dry.results[0]!.stats).toMatchObject({ hits: 3, subjects: 4 });
    expect(dry.results[0]!.hits.map((h) => h.subjectKey)).toEqual(['p1', 'p2']);
  });

  it('windows work on ISO 8601 text times as on epoch ms', async () => {
    await database.db.schema.createTable('rule_parcels_iso').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('sender', 'text').addColumn('sent_at', 'text').execute();
    await database.db.insertInto('rule_parcels_iso').values(smallFixture().parcels.map((p) => ({ id: p.id, sender: p.sender, sent_at: new Date(p.sentAt).toISOString() }))).execute();
    const catalogue = { ...fixtureCatalogue, records: { ...fixtureCatalogue.records, parcelsIso: { table: 'rule_parcels_iso', id: 'id', time: 'sent_at', timeFormat: 'iso' as const, personKeys: ['sender'], defaultPersonKey: 'sender', fields: { sender: { type: 'string' as const, column: 'sender' } } } } };
    const run = await runRulesSql(database, [rule('iso', 'count(parcelsIso within 30d) >= 3')], catalogue, ctx);
    expect(run.results[0]!.hits.map((h) => [h.subjectKey, h.explanation.conditions[0]!.actual, h.explanation.conditions[0]!.evidence.map((e) => e.recordId)]))
      .toEqual([['p1', 5, ['1', '2', '3', '4', '6']], ['p2', 3, ['7', '8', '9']]]);
  });

  it('C19 and C20 hold in SQL: missing facts and lists never fire, the run goes on', async () => {
    const run = await runRulesSql(database, [
      rule('c19', 'householdSize is not 1'),
      rule('c20', 'divisionCode in grid.allowedDivisions'),
      rule('c20neg', 'not (divisionCode in grid.allowedDivisions)'),
      rule('bad', 'count(nosuch) > 1'),
      rule('after', 'householdSize >= 3'),
    ], fixtureCatalogue, { asOf: FIXTURE_AS_OF, values: { grid: {} } });
    const [c19, c20, c20neg, bad, after] = run.results;
    expect(c19!.hits.map((h) => h.subjectKey)).toEqual(['p2', 'p4']); // p3 (missing) does not fire
    expect(c20!.hits).toEqual([]);
    expect(c20!.warnings.map((w) => w.code)).toEqual(['RULE_MISSING_LIST']);
    expect(c20neg!.hits).toEqual([]);
    expect(bad!.errors[0]!.code).toBe('RULE_UNKNOWN_RECORD_KIND');
    expect(after!.hits.map((h) => h.subjectKey)).toEqual(['p2']);
    // why p3 did not fire: householdSize is missing, the outcome unknown
    const why = await explainSubjectSql(database, rule('c19', 'householdSize is not 1'), fixtureCatalogue, { asOf: FIXTURE_AS_OF }, 'p3');
    expect(why).toMatchObject({ outcome: 'unknown', missingFacts: ['householdSize'], conditions: [{ text: 'householdSize is not 1', actual: null, threshold: 1, outcome: 'unknown', missing: ['householdSize'] }] });
    const whyNot = await explainSubjectSql(database, rule('f', 'count(parcels where flagged and sender = person within 30d) >= 3'), fixtureCatalogue, ctx, 'p2');
    expect(whyNot).toMatchObject({ outcome: 'false', conditions: [{ actual: 2, threshold: 3, evidence: [{ recordKind: 'parcels', recordId: '7' }, { recordKind: 'parcels', recordId: '8' }] }] });
    expect(await explainSubjectSql(database, rule('c19', 'householdSize is not 1'), fixtureCatalogue, ctx, 'nobody')).toBeUndefined();
  });
});
