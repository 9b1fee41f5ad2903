import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intlWallClock, localToUtc, offsetMinutes, wallClock } from './timezone.ts';

/** Offset straight from Intl, without the bucket cache. */
function intlOffset(atMs: number, timezone: string): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
  const name = f.formatToParts(new Date(atMs)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(name)!;
  if (!m[1]) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * Math.round(Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60);
}

describe('offsetMinutes (memoised per 15-minute bucket)', () => {
  it('agrees with Intl minute by minute around China’s 1986–1991 summer-time transitions', () => {
    // 1986-05-04 02:00 CST → 03:00 CDT, and 1986-09-14 02:00 CDT → 01:00 CST.
    for (const t of [Date.UTC(1986, 4, 3, 18, 0), Date.UTC(1986, 8, 13, 17, 0), Date.UTC(1991, 3, 13, 18, 0)]) {
      for (let m = -150; m <= 150; m++) {
        const at = t + m * 60_000 + 17_000;
        expect(offsetMinutes(at, 'Asia/Shanghai'), new Date(at).toISOString()).toBe(intlOffset(at, 'Asia/Shanghai'));
      }
    }
  });

  it('agrees with Intl on a transition that is not on a quarter hour (local mean time ending 1901)', () => {
    // Asia/Shanghai left LMT (+08:05:43) at 1900-12-31T15:54:17Z: inside a 15-minute bucket.
    for (let s = -1200; s <= 1200; s += 7) {
      const at = Date.UTC(1900, 11, 31, 15, 54, 17) + s * 1000;
      expect(offsetMinutes(at, 'Asia/Shanghai'), new Date(at).toISOString()).toBe(intlOffset(at, 'Asia/Shanghai'));
    }
  });

  it('gives the same instants for local times after caching (C18: 2024-03-01T00:30 Shanghai)', () => {
    const local = Date.UTC(2024, 2, 1, 0, 30);
    expect(new Date(localToUtc(local, 'Asia/Shanghai')).toISOString()).toBe('2024-02-29T16:30:00.000Z');
    expect(new Date(localToUtc(local, 'Asia/Shanghai')).toISOString()).toBe('2024-02-29T16:30:00.000Z');
    expect(offsetMinutes(Date.UTC(2024, 6, 1), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(Date.UTC(2024, 0, 1), 'America/New_York')).toBe(-300);
  });
});

describe('wallClock (from the memoised offset)', () => {
  it('equals Intl for any instant 1901–2100 in Asia/Shanghai (DST 1986–1991) and America/New_York', () => {
    const lo = Date.UTC(1901, 0, 1);
    const hi = Date.UTC(2100, 0, 1);
    for (const zone of ['Asia/Shanghai', 'America/New_York']) {
      fc.assert(fc.property(fc.integer({ min: lo / 1000, max: hi / 1000 }), (s) => {
        expect(wallClock(s * 1000, zone)).toEqual(intlWallClock(s * 1000, zone));
      }), { numRuns: 3000 });
    }
    // The hour China's 1986 DST began: 1986-05-04 02:00 local became 03:00.
    expect(wallClock(Date.UTC(1986, 4, 3, 18, 0, 0), 'Asia/Shanghai')).toEqual({ year: 1986, month: 5, day: 4, hour: 3, minute: 0, second: 0 });
    expect(wallClock(Date.UTC(1986, 4, 3, 17, 59, 59), 'Asia/Shanghai')).toEqual({ year: 1986, month: 5, day: 4, hour: 1, minute: 59, second: 59 });
  });
});
