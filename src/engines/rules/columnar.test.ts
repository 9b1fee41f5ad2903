import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRule } from './catalogue.ts';
import { columnarSource, compileColumnar, toColumns } from './columnar.ts';
import { explain } from './evaluate.ts';
import { memorySource, RecordIndex } from './memory.ts';
import { parseExpression } from './parser.ts';
import { fixtureCatalogue } from './testing.ts';

const op = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');
const atom = fc.oneof(
  fc.tuple(op, fc.integer({ min: 0, max: 4 })).map(([o, n]) => `householdSize ${o} ${n}`),
  fc.tuple(op, fc.integer({ min: 0, max: 4 })).map(([o, n]) => `${n} ${o} householdSize`),
  fc.tuple(op, fc.integer({ min: 0, max: 4 })).map(([o, n]) => `householdSize ${o} case.minParcels and ${n} >= 0`),
  fc.constantFrom('registered', 'registered = false', 'divisionCode in ["320102", "110101"]', 'divisionCode not in grid.allowedDivisions',
    'divisionCode = case.divisionCode', 'divisionCode != "999999"', 'householdSize in [1, 3]', 'householdSize not in [2]', 'householdSize = null'),
);
const ruleText = fc.tuple(fc.array(atom, { minLength: 1, maxLength: 4 }), fc.constantFrom(' and ', ' or '), fc.boolean())
  .map(([atoms, join, neg]) => (neg ? `not (${atoms.join(join)})` : atoms.join(join)));
const person = fc.record({
  householdSize: fc.option(fc.integer({ min: 0, max: 4 })),
  divisionCode: fc.option(fc.constantFrom('320102', '110101', '440305')),
  registered: fc.option(fc.boolean()),
});
const ctxArb = fc.record({
  case: fc.option(fc.record({ divisionCode: fc.constantFrom('320102', '440305'), minParcels: fc.integer({ min: 0, max: 3 }) }), { nil: undefined }),
  grid: fc.option(fc.record({ allowedDivisions: fc.subarray(['320102', '110101']) }), { nil: undefined }),
});

describe('compileColumnar', () => {
  it('agrees with the three-valued evaluator on every subject (random facts, rules, contexts)', () => {
    fc.assert(fc.property(fc.array(person, { minLength: 1, maxLength: 20 }), ruleText, ctxArb, (rows, text, values) => {
      const p = parseExpression(text);
      if (!p.ok) throw new Error(p.error.messageEn);
      const c = checkRule(p.ast, fixtureCatalogue);
      if (!c.ok) throw new Error(`${text}: ${c.errors[0]!.messageEn}`);
      const keys = rows.map((_, i) => `s${i}`);
      const ctx = { asOf: 0, values };
      const facts = toColumns(fixtureCatalogue, keys, rows);
      const compiled = compileColumnar(c.rule, fixtureCatalogue, facts, ctx);
      const data = { subjects: keys, facts: Object.fromEntries(keys.map((k, i) => [k, rows[i]!])), records: {} };
      const index = new RecordIndex(data);
      const code = { false: 0, unknown: 1, true: 2 } as const;
      const expected = keys.map((k) => code[explain(c.rule, fixtureCatalogue, memorySource(c.rule, data, index, k, ctx)).outcome]);
      expect(keys.map((_, i) => compiled.truth(i))).toEqual(expected);
      expect([...compiled.hits()]).toEqual(expected.flatMap((t, i) => (t === 2 ? [i] : [])));
      // explanations read back from the columns equal the in-memory ones
      keys.forEach((k, i) => expect(explain(c.rule, fixtureCatalogue, columnarSource(facts, i, ctx))).toEqual(explain(c.rule, fixtureCatalogue, memorySource(c.rule, data, index, k, ctx))));
    }), { numRuns: 300 });
  });

  it('refuses rules with aggregates', () => {
    const p = parseExpression('count(parcels) > 1');
    if (!p.ok) throw new Error('parse');
    const c = checkRule(p.ast, fixtureCatalogue);
    if (!c.ok) throw new Error('check');
    expect(() => compileColumnar(c.rule, fixtureCatalogue, toColumns(fixtureCatalogue, [], []), { asOf: 0 })).toThrow(/aggregates/);
  });
});
