import { describe, expect, it } from 'vitest';
import { allErrors, issue } from '../../core/errors.ts';
import { RuleErrors } from './errors.ts';

describe('rules error codes', () => {
  const mine = allErrors().filter((e) => e.module === 'rules');

  it('declares every code once, RULE_ prefixed, with zh and en templates using the same placeholders', () => {
    expect(mine.map((e) => e.code).sort()).toEqual(Object.keys(RuleErrors).sort());
    const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const e of mine) {
      expect(e.code).toMatch(/^RULE_[A-Z0-9_]+$/);
      expect(/[\u4e00-\u9fff]/.test(e.zh)).toBe(true);
      expect([e.code, names(e.zh)]).toEqual([e.code, names(e.en)]);
    }
  });

  it('fills positions into syntax errors; warnings carry status 200', () => {
    expect(issue(RuleErrors.RULE_SYNTAX, { line: 3, column: 7, reason: 'expected ")"' }).messageEn).toBe('rule syntax error at line 3, column 7: expected ")"');
    expect(mine.find((e) => e.code === 'RULE_MISSING_LIST')!.status).toBe(200);
  });
});
