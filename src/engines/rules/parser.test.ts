import { describe, expect, it } from 'vitest';
import { parseExpression } from './parser.ts';
import { parseRuleFile } from './ruleFile.ts';
import { parseDuration } from './duration.ts';

describe('parseExpression', () => {
  it('parses an aggregate with filter and window into frozen nodes', () => {
    const r = parseExpression('count(parcels where flagged and sender = person within 30d) >= 3');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ast.kind).toBe('compare');
    if (r.ast.kind !== 'compare' || r.ast.left.kind !== 'aggregate') throw new Error('shape');
    expect(r.ast.op).toBe('>=');
    expect(r.ast.left.fn).toBe('count');
    expect(r.ast.left.recordKind).toBe('parcels');
    expect(r.ast.left.withinMs).toBe(30 * 86_400_000);
    expect(r.ast.left.filter?.kind).toBe('and');
    expect(r.ast.right).toMatchObject({ kind: 'literal', value: 3 });
    expect(Object.isFrozen(r.ast)).toBe(true);
    expect(Object.isFrozen(r.ast.left)).toBe(true);
    expect(() => { (r.ast as { op: string }).op = '<'; }).toThrow(TypeError);
  });

  it('reads "is not", "not in" with list literals and named lists, and precedence of and/or/not', () => {
    const r = parseExpression('a is not 1 or not b = "x" and c not in ["p", "q"] and d in grid.allowed');
    if (!r.ok) throw new Error(r.error.messageEn);
    expect(r.ast.kind).toBe('or');
    if (r.ast.kind !== 'or') return;
    expect(r.ast.items[0]).toMatchObject({ kind: 'compare', op: '!=', text: 'a is not 1' });
    const and = r.ast.items[1]!;
    expect(and.kind).toBe('and');
    if (and.kind !== 'and') return;
    expect(and.items[0]!.kind).toBe('not');
    expect(and.items[1]).toMatchObject({ kind: 'in', negated: true, list: { kind: 'listLiteral', values: ['p', 'q'] } });
    expect(and.items[2]).toMatchObject({ kind: 'in', negated: false, list: { kind: 'listRef', path: ['grid', 'allowed'] } });
  });

  it.each([
    ['count(parcels where flagged within 30d >= 3', 1, 40, 'expected ")"'],
    ['x >= ', 1, 5, 'expected a fact, a value or an aggregate'],
    ['x in [1, 2', 1, 11, 'expected "]"'],
    ['a = 1\n  and b = = 2', 2, 11, 'expected a fact'],
    ['sum(parcels where flagged) > 1', 1, 13, 'sum needs a field'],
    ['count(parcels within 30x) > 1', 1, 22, 'expected a duration'],
    ['person = 1', 1, 1, '"person" is only allowed inside an aggregate filter'],
    ["name = 'open", 1, 8, 'unterminated string'],
    ['a ~ 1', 1, 3, 'unexpected character "~"'],
  ])('reports %j at line %i column %i', (src, line, column, reason) => {
    const r = parseExpression(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('RULE_SYNTAX');
    expect(r.error.params).toMatchObject({ line, column });
    expect(String(r.error.params?.reason)).toContain(reason);
  });
});

describe('parseRuleFile', () => {
  const file = [
    'rules:',
    '  - id: flagged-senders',
    '    version: 2',
    '    name: { zh: 多次寄递可疑物品, en: Repeated flagged parcels }',
    '    weight: 3',
    '    expiry: P90D',
    '    when:',
    '      all:',
    '        - count(parcels where flagged and sender = person within 30d) >= 3',
    '        - householdSize is not 1',
    '  - id: broken',
    '    name: { zh: 坏规则, en: Broken }',
    '    when: |',
    '      count(parcels within 30d) >= 3',
    '        and x in [1,',
    '  - id: disabled',
    '    enabled: false',
    '    name: { zh: 停用, en: Disabled }',
    '    when: "a = 1"',
  ].join('\n');

  it('parses metadata and structured conditions, and reports a syntax error with its file position', () => {
    const { rules, errors } = parseRuleFile(file);
    expect(rules.map((r) => r.id)).toEqual(['flagged-senders', 'disabled']);
    expect(rules[0]).toMatchObject({ version: 2, weight: 3, expiry: 'P90D', expiryMs: 90 * 86_400_000, enabled: true, name: { zh: '多次寄递可疑物品', en: 'Repeated flagged parcels' } });
    expect(rules[0]!.ast.kind).toBe('and');
    expect(rules[1]!.enabled).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('RULE_SYNTAX');
    expect(errors[0]!.params).toMatchObject({ line: 15, column: 21 });
  });

  it('reports a condition position inside a structured rule as a file position', () => {
    const { errors } = parseRuleFile(file.replace('householdSize is not 1', 'householdSize is not'));
    expect(errors[0]!.params).toMatchObject({ line: 10, column: 31 });
  });

  it('rejects bad metadata with the field named', () => {
    const { rules, errors } = parseRuleFile('id: x\nname: { zh: 甲 }\nwhen: a = 1\n');
    expect(rules).toEqual([]);
    expect(errors[0]).toMatchObject({ code: 'RULE_FIELD_INVALID', params: { ruleId: 'x', field: 'name' } });
    const d = parseRuleFile('id: x\nname: { zh: 甲, en: A }\nexpiry: P1M\nwhen: a = 1\n');
    expect(d.errors[0]).toMatchObject({ code: 'RULE_DURATION_INVALID', params: { value: 'P1M' } });
  });
});

describe('parseDuration', () => {
  it('reads short and ISO 8601 forms and refuses months', () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(parseDuration('P90D')).toBe(90 * 86_400_000);
    expect(parseDuration('PT1H30M')).toBe(90 * 60_000);
    expect(parseDuration('P1M')).toBeUndefined();
    expect(parseDuration('P')).toBeUndefined();
    expect(parseDuration('30')).toBeUndefined();
  });
});
