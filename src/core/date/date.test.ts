import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isRealDate } from './calendar.ts';
import { localDay, parseDate, toInstant } from './date.ts';

describe('parseDate', () => {
  it('reads ISO, compact, slashed and Chinese dates with their precision', () => {
    expect(parseDate('20160705').normalized).toBe('2016-07-05');
    expect(parseDate('2016/7/5').normalized).toBe('2016-07-05');
    expect(parseDate('2016年').parsed).toMatchObject({ year: 2016, month: null, day: null, precision: 'year' });
    expect(parseDate('2016-07').parsed?.precision).toBe('month');
    expect(parseDate('2016年7月5日 14:30').normalized).toBe('2016-07-05T06:30:00Z');
  });
  it('keeps instants with offsets and interprets local times in the given zone, DST included', () => {
    expect(parseDate('2024-03-01T00:30:00.250Z').normalized).toBe('2024-03-01T00:30:00.250Z');
    expect(parseDate('2024-03-01 08:30', { timezone: 'UTC' }).normalized).toBe('2024-03-01T08:30:00Z');
    // China observed DST in summer 1988: 12:00 local was UTC+9
    expect(parseDate('1988-07-01T12:00:00').parsed).toMatchObject({ instant: '1988-07-01T03:00:00Z', offsetMinutes: 540 });
  });
  it('rejects impossible times, offsets and zones', () => {
    expect(parseDate('2024-03-01T24:00:00').errors[0]?.code).toBe('DATE_INVALID');
    expect(parseDate('2024-03-01T10:00:00+15:00').errors[0]?.code).toBe('DATE_FORMAT');
    expect(parseDate('2024-03-01', { timezone: 'Mars/Olympus' }).errors[0]?.code).toBe('DATE_TIMEZONE');
    expect(parseDate('July 5').errors[0]?.code).toBe('DATE_FORMAT');
    expect(parseDate('').errors[0]?.code).toBe('VALUE_EMPTY');
  });
  it('toInstant gives local midnight for a day and null for a month', () => {
    expect(toInstant('2024-03-01')?.toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(toInstant('2024-03')).toBeNull();
    expect(localDay(Date.UTC(2024, 1, 29, 15, 59, 59))).toBe('2024-02-29');
  });
  it('property: never rolls over — a y-m-d text is accepted exactly when the day exists, and then unchanged', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const r = parseDate(text);
      expect(r.valid).toBe(isRealDate(y, m, d));
      if (r.valid) expect(r.normalized).toBe(text);
      const zh = parseDate(`${y}年${m}月${d}日`);
      expect(zh.valid).toBe(r.valid);
    }));
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});
