import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isRealDate } from './calendar.ts';
import { isoInstantMs, localDateTimeMs, localDay, parseDate, toInstant } from './date.ts';

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

describe('isoInstantMs', () => {
  it('reads the extended form with Z or an offset, fraction truncated to milliseconds', () => {
    expect(isoInstantMs('2024-03-01T00:30:00+08:00')).toBe(Date.UTC(2024, 1, 29, 16, 30));
    expect(isoInstantMs('2024-02-29T16:30:00.1239Z')).toBe(Date.UTC(2024, 1, 29, 16, 30, 0, 123));
    expect(isoInstantMs('2024-02-29T16:30:00.5-05:30')).toBe(Date.UTC(2024, 1, 29, 22, 0, 0, 500));
  });
  it('is null for other forms and for impossible values in this form (parseDate says why)', () => {
    for (const v of ['2024-03-01T00:30:00', '2024-03-01 00:30:00Z', '2024-03-01T00:30Z', '2024-03-01T00:30:00.Z', '2024-03-01T00:30:00+0800',
      '2024-03-01T00:30:00.1234567890Z', '2023-02-29T00:00:00Z', '2024-03-01T24:00:00Z', '2024-03-01T10:00:00+15:00', '0000-01-01T00:00:00Z', '２024-03-01T00:30:00Z']) {
      expect(isoInstantMs(v), v).toBeNull();
    }
  });
  it('property: gives parseDate\'s instant for every text of its form, and null exactly where parseDate rejects it', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(fc.integer({ min: 0, max: 9999 }), two(13), two(32), two(25), two(60), two(60),
      fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }), fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), two(15), two(60)).map(([s, h, m]) => `${s}${h}:${m}`)))
      .map(([y, mo, d, h, mi, s, f, o]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${f === undefined ? '' : `.${f}`}${o}`);
    fc.assert(fc.property(text, (v) => {
      const r = parseDate(v);
      expect(isoInstantMs(v)).toBe(r.valid ? Date.parse(r.parsed!.instant!) : null);
    }), { numRuns: 5000 });
  });
});

describe('localDateTimeMs', () => {
  it('reads local date-times of the export form in the zone, DST included', () => {
    expect(localDateTimeMs('2024-03-01 00:30:00', 'Asia/Shanghai')).toBe(Date.UTC(2024, 1, 29, 16, 30));
    expect(localDateTimeMs('2024-03-01T00:30:00', 'UTC')).toBe(Date.UTC(2024, 2, 1, 0, 30));
    // China observed DST in summer 1988: 12:00 local was UTC+9
    expect(localDateTimeMs('1988-07-01 12:00:00', 'Asia/Shanghai')).toBe(Date.UTC(1988, 6, 1, 3));
  });
  it('is null for other forms, impossible values and unknown zones (parseDate says why)', () => {
    for (const v of ['2024-03-01 00:30', '2024-3-01 00:30:00', '2024-03-01 00:30:00Z', '2024-03-01 00:30:00.5', '2024/03/01 00:30:00', ' 2024-03-01 00:30:00',
      '2023-02-29 00:00:00', '2024-03-01 24:00:00', '2024-03-01 23:60:00', '２024-03-01 00:30:00']) {
      expect(localDateTimeMs(v, 'Asia/Shanghai'), v).toBeNull();
    }
    expect(localDateTimeMs('2024-03-01 00:30:00', 'Mars/Olympus')).toBeNull();
  });
  it('property: gives parseDate\'s instant for every text of its form and zone, and null exactly where parseDate rejects it', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(fc.integer({ min: 1, max: 2999 }), two(13), two(32), fc.constantFrom(' ', 'T'), two(25), two(60), two(60))
      .map(([y, mo, d, sep, h, mi, s]) => `${String(y).padStart(4, '0')}-${mo}-${d}${sep}${h}:${mi}:${s}`);
    // Zones with historical DST (China 1986–1991), DST gaps and overlaps every year, and none.
    const zone = fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'UTC');
    fc.assert(fc.property(text, zone, (v, timezone) => {
      const r = parseDate(v, { timezone });
      expect(localDateTimeMs(v, timezone)).toBe(r.valid ? Date.parse(r.parsed!.instant!) : null);
    }), { numRuns: 5000 });
  });
});
