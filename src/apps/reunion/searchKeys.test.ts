import { describe, expect, it } from 'vitest';
import { NO_CONSENT } from './model.ts';
import { mayBeMinor } from './publicView.ts';
import { nameKeys, searchNames, searchPlace } from './searchKeys.ts';

describe('public search keys', () => {
  it('read a Han name in both orders, and a Latin query either way round', () => {
    expect(nameKeys('张三')).toEqual(expect.arrayContaining(['张三', 'zhangsan', 'sanzhang']));
    expect(nameKeys('san zhang')).toEqual(expect.arrayContaining(['zhangsan', 'sanzhang']));
    expect(nameKeys('Zhang San')).toEqual(expect.arrayContaining(['zhangsan', 'sanzhang']));
  });
  it('use surname readings (C09) and variant characters (C08)', () => {
    expect(nameKeys('单志强')).toContain('shanzhiqiang');
    expect(nameKeys('Shan Zhiqiang')).toContain('shanzhiqiang');
    expect(nameKeys('仇明')).toContain('qiuming');
    const a = nameKeys('錢乾坤');
    const b = nameKeys('钱乾坤');
    expect(a.filter((k) => b.includes(k)).length).toBeGreaterThan(0);
  });
  it('normalise dotted names to one form (C10)', () => {
    const forms = ['阿依古丽·买买提', '阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽．买买提'].map((n) => nameKeys(n).sort());
    for (const f of forms) expect(f).toEqual(forms[0]);
  });
  it('hold only consented names and places', () => {
    const post = { name: '张三', nickname: '三娃', formerName: null };
    expect(searchNames(post, NO_CONSENT)).toBe('');
    const s = searchNames(post, { ...NO_CONSENT, nickname: true });
    expect(s).toContain(' sanwa ');
    expect(s).not.toContain('zhang');
    expect(searchPlace({ divisionCode: '510106', text: '营门口路' }, NO_CONSENT)).toBe('');
    expect(searchPlace({ divisionCode: '510106', text: '营门口路' }, { ...NO_CONSENT, lossPlace: true })).toBe('四川省成都市金牛区|510106');
  });
});

describe('mayBeMinor', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  it('treats unknown and partial birth dates by their latest possible day', () => {
    expect(mayBeMinor(null, now)).toBe(true);
    expect(mayBeMinor({ year: 2008, month: 11, day: 30, precision: 'day', calendar: 'gregorian', given: '' }, now)).toBe(false);
    expect(mayBeMinor({ year: 2008, month: 12, day: 1, precision: 'day', calendar: 'gregorian', given: '' }, now)).toBe(true);
    expect(mayBeMinor({ year: 2008, precision: 'year', calendar: 'gregorian', given: '' }, now)).toBe(true);
    expect(mayBeMinor({ year: 2007, precision: 'year', calendar: 'gregorian', given: '' }, now)).toBe(false);
  });
});
