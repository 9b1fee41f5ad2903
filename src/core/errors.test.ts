import { describe, expect, it } from 'vitest';
import { CoreErrors, allErrors, issue } from './errors.ts';
import './index.ts';

describe('core error codes', () => {
  const core = allErrors().filter((e) => e.module === 'core');

  it('declares every CoreErrors code once, UPPER_SNAKE, with zh and en messages', () => {
    for (const code of Object.keys(CoreErrors)) expect(core.map((e) => e.code)).toContain(code);
    for (const e of core) {
      expect(e.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(e.zh.length).toBeGreaterThan(0);
      expect(e.en.length).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(e.zh)).toBe(true);
    }
  });

  it('uses the same placeholders in the zh and en templates (one documented exception)', () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const translated: Record<string, [string[], string[]]> = { PHONE_KIND_MISMATCH: [['expectedZh'], ['expected']] };
    for (const e of core) {
      const [zh, en] = translated[e.code] ?? [names(e.en), names(e.en)];
      expect([e.code, names(e.zh)]).toEqual([e.code, zh]);
      expect([e.code, names(e.en)]).toEqual([e.code, en]);
    }
  });

  it('fills placeholders', () => {
    expect(issue(CoreErrors.ID_CHECKSUM, { expected: '0', actual: '1' })).toMatchObject({ message: '校验码错误：应为 0，实为 1', messageEn: 'check character mismatch: expected 0, got 1' });
  });
});
