/**
 * Property: the SQL compilation and the JS evaluator agree — same hits, same values, same
 * evidence ids — on random fixtures and random rules, on every test dialect.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../store/database.ts';
import { testDialects } from '../../store/testing.ts';
import { runRulesInMemory } from './run.ts';
import { ruleFromExpression } from './ruleFile.ts';
import { runRulesSql } from './sqlRun.ts';
import { DAY_MS, FIXTURE_AS_OF, fixtureCatalogue, fixtureToMemory, loadFixture, type Fixture } from './testing.ts';

const op = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');
const filter = fc.constantFrom('flagged', 'not flagged', 'receiverProvince in ["A", "B"]', 'weightGrams > 250', 'receiverProvince not in watch.provinces', 'receiver != person');
const atom = fc.oneof(
  fc.tuple(filter, fc.constantFrom('sender', 'receiver'), fc.integer({ min: 1, max: 120 }), op, fc.integer({ min: 0, max: 4 }))
    .map(([f, link, w, o, n]) => `count(parcels where ${f} and ${link} = person within ${w}d) ${o} ${n}`),
  fc.tuple(fc.constantFrom('sum', 'min', 'max'), fc.constantFrom('sender', 'receiver'), fc.integer({ min: 1, max: 120 }), op, fc.integer({ min: 0, max: 1500 }))
    .map(([fn, link, w, o, n]) => `${fn}(parcels.weightGrams where ${link} = person within ${w}d) ${o} ${n}`),
  fc.tuple(filter, op, fc.integer({ min: 0, max: 3 })).map(([f, o, n]) => `distinctCount(parcels.receiverProvince where ${f}) ${o} ${n}`),
  fc.tuple(op, fc.integer({ min: 0, max: 4 })).map(([o, n]) => `householdSize ${o} ${n}`),
  fc.constantFrom('registered', 'not registered', 'divisionCode in ["320102", "110101"]', 'divisionCode not in grid.allowedDivisions', 'count(sharedPhones where owner = person) >= 1'),
);
const ruleText = fc.tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.constantFrom(' and ', ' or '), fc.boolean())
  .map(([atoms, join, neg]) => (neg ? `not (${atoms.join(join)})` : atoms.join(join)));

const keys = ['p1', 'p2', 'p3', 'p4', 'p5'];
const fixture: fc.Arbitrary<Fixture> = fc.record({
  persons: fc.tuple(...keys.map((key) => fc.record({
    key: fc.constant(key),
    householdSize: fc.option(fc.integer({ min: 1, max: 4 })),
    divisionCode: fc.option(fc.constantFrom('320102', '110101', '440305')),
    registered: fc.option(fc.boolean()),
  }))).map((ps) => [...ps]),
  parcels: fc.array(fc.record({
    sender: fc.constantFrom(...keys), receiver: fc.constantFrom(...keys, 'r-other'),
    days: fc.integer({ min: -5, max: 130 }), flagged: fc.option(fc.boolean()),
    receiverProvince: fc.option(fc.constantFrom('A', 'B', 'C', 'D')), weightGrams: fc.option(fc.integer({ min: 0, max: 900 })),
  }), { maxLength: 30 }).map((ps) => ps.map((p, i) => ({ id: i + 1, sender: p.sender, receiver: p.receiver, sentAt: FIXTURE_AS_OF - p.days * DAY_MS, flagged: p.flagged, receiverProvince: p.receiverProvince, weightGrams: p.weightGrams }))),
  phones: fc.array(fc.record({ person: fc.constantFrom(...keys), phone: fc.constantFrom('1', '2', '3') }), { maxLength: 6 })
    .map((ps) => ps.map((p, i) => ({ id: i + 1, ...p }))),
});
const context = fc.record({ grid: fc.option(fc.record({ allowedDivisions: fc.subarray(['320102', '110101', '440305']) }), { nil: undefined }), watch: fc.constant({ provinces: ['A', 'C'] }) });

describe.each(testDialects())('SQL and JS evaluators agree on $name', (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await dialect.create();
    drop = t.drop;
    database = openDatabase(t.config);
  });
  afterAll(async () => { await database.close(); await drop(); });

  it('on random fixtures and rules', async () => {
    await fc.assert(fc.asyncProperty(fixture, fc.array(ruleText, { minLength: 1, maxLength: 4 }), context, async (f, texts, values) => {
      for (const t of ['rule_persons', 'rule_parcels', 'rule_phones']) await sql.raw(`drop table if exists ${t}`).execute(database.db);
      await loadFixture(database, f);
      const rules = texts.map((t, i) => { const r = ruleFromExpression(`r${i}`, t); if (!r.ok) throw new Error(`${t}: ${r.error.messageEn}`); return r.rule; });
      const ctx = { asOf: FIXTURE_AS_OF, values: values.grid ? values : { watch: values.watch }, evidenceLimit: 3 };
      const viaSql = await runRulesSql(database, rules, fixtureCatalogue, ctx);
      const viaJs = runRulesInMemory(rules, fixtureCatalogue, fixtureToMemory(f), ctx);
      viaSql.results.forEach((r, i) => {
        expect(r.errors).toEqual([]);
        expect(r.hits).toEqual(viaJs.results[i]!.hits);
        expect(r.warnings).toEqual(viaJs.results[i]!.warnings);
      });
    }), { numRuns: 40 });
  });
});
