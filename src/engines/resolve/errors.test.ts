import { describe, expect, it } from 'vitest';
import { allErrors, AppError, issue } from '../../core/errors.ts';
import { ResolveErrors } from './errors.ts';

describe('resolve error codes', () => {
  const mine = allErrors().filter((e) => e.module === 'resolve');

  it('declares every code once with zh and en templates using the same placeholders', () => {
    expect(mine.map((e) => e.code).sort()).toEqual(Object.keys(ResolveErrors).sort());
    const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const e of mine) {
      expect(e.code).toMatch(/^RESOLVE_[A-Z0-9_]+$/);
      expect(/[\u4e00-\u9fff]/.test(e.zh)).toBe(true);
      expect(names(e.zh)).toEqual(names(e.en));
    }
  });

  it('fills placeholders and maps to a status', () => {
    expect(issue(ResolveErrors.RESOLVE_UNKNOWN_COMPARATOR, { kind: 'x' })).toMatchObject({ message: '未知的比较器：x', messageEn: 'unknown comparator: x' });
    expect(new AppError(ResolveErrors.RESOLVE_CONFIG_INVALID, { reason: 'r' }).status).toBe(422);
  });
});
