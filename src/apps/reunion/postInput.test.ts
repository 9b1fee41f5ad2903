import { describe, expect, it } from 'vitest';
import { normalizePost, parsePostDate, type PostInput } from './postInput.ts';

const today = '2026-11-30';
const base: PostInput = { kind: 'familySearch', sex: 'male', name: '张三' };

describe('parsePostDate', () => {
  it('keeps 2016年7月 as the month, 2016年7月5日 as the day, refuses 2016年13月 (C17)', () => {
    expect(parsePostDate('2016年7月', 'birthDate', today)).toEqual({ date: { year: 2016, month: 7, precision: 'month', calendar: 'gregorian', given: '2016年7月' }, issues: [] });
    expect(parsePostDate('2016年7月5日', 'birthDate', today).date).toMatchObject({ year: 2016, month: 7, day: 5, precision: 'day' });
    expect(parsePostDate('2016年13月', 'birthDate', today).issues.map((i) => i.code)).toEqual(['REUNION_DATE_INVALID']);
  });

  it('refuses impossible days without rolling over and accepts 2000-02-29 (C16)', () => {
    for (const v of ['1990-02-30', '1990年2月30日', '1991-02-29']) {
      const r = parsePostDate(v, 'birthDate', today);
      expect(r.date, v).toBeNull();
      expect(r.issues[0]).toMatchObject({ code: 'REUNION_DATE_INVALID', params: { field: 'birthDate', value: v }, field: 'birthDate' });
    }
    expect(parsePostDate('2000-02-29', 'birthDate', today).date).toMatchObject({ year: 2000, month: 2, day: 29 });
  });

  it('reads a time of day as its Asia/Shanghai day and refuses the future', () => {
    expect(parsePostDate('2026-11-29T23:30:00Z', 'lossDate', today).date).toMatchObject({ year: 2026, month: 11, day: 30, precision: 'day' });
    expect(parsePostDate('2026-12', 'lossDate', today).issues.map((i) => i.code)).toEqual(['REUNION_DATE_IN_FUTURE']);
  });

  it('converts lunar dates: a day exactly, a month at its 15th, leap months, and refuses missing days', () => {
    expect(parsePostDate({ calendar: 'lunar', year: 2016, month: 7, day: 5 }, 'birthDate', today).date).toEqual({ year: 2016, month: 8, day: 7, precision: 'day', calendar: 'lunar', given: '农历2016年七月初五' });
    expect(parsePostDate({ calendar: 'lunar', year: 2020, month: 4, day: 1, leapMonth: true }, 'birthDate', today).date).toMatchObject({ year: 2020, month: 5, day: 23, given: '农历2020年闰四月初一' });
    expect(parsePostDate({ calendar: 'lunar', year: 2016, month: 12 }, 'birthDate', today).date).toMatchObject({ year: 2017, month: 1, precision: 'month', given: '农历2016年腊月' });
    expect(parsePostDate({ calendar: 'lunar', year: 1988 }, 'birthDate', today).date).toEqual({ year: 1988, precision: 'year', calendar: 'lunar', given: '农历1988年' });
    expect(parsePostDate({ calendar: 'lunar', year: 2016, month: 7, day: 30 }, 'birthDate', today).issues[0]!.code).toBe('REUNION_LUNAR_DATE_INVALID');
    expect(parsePostDate({ calendar: 'lunar', year: 2021, month: 4, day: 1, leapMonth: true }, 'birthDate', today).issues[0]!.code).toBe('REUNION_LUNAR_DATE_INVALID');
  });
});

describe('normalizePost', () => {
  const now = new Date('2026-11-30T02:00:00Z');
  it('gathers every issue: loss before birth, unknown division, missing name', () => {
    const r = normalizePost({ ...base, name: undefined, birthDate: '2010-05', lossDate: '2009', lossPlace: { divisionCode: '999999', text: '' } }, now);
    expect(r.value).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual(['REUNION_NAME_REQUIRED', 'REUNION_LOSS_BEFORE_BIRTH', 'REUNION_DIVISION_INVALID']);
  });
  it('accepts a loss in the birth year when one side is known only to the year, and an unknown name when stated', () => {
    const r = normalizePost({ ...base, name: undefined, nameUnknown: true, birthDate: '2010-05-20', lossDate: '2010', consent: { name: true } }, now);
    expect(r.issues).toEqual([]);
    expect(r.value!.consent).toMatchObject({ name: true, sex: false, photos: false });
    expect(r.value!.postedOn).toBe('2026-11-30');
  });
});
