/**
 * Local time ↔ instant in an IANA time zone (GB/T 7408 local time; Asia/Shanghai by default),
 * through Intl, so zones with historical DST (China 1986–1991) are right.
 */

import { utcMs } from './calendar.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The Intl formatter of a zone, or null when the zone is unknown. */
function formatter(timezone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timezone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
  } catch {
    return null;
  }
  formatters.set(timezone, f);
  return f;
}

/** True when Intl knows the IANA zone name. */
export function isTimeZone(timezone: string): boolean {
  return formatter(timezone) !== null;
}

/** Wall-clock fields of an instant in a zone. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * Wall-clock fields of an instant in a zone, from the memoised offset (offsetMinutes): exact,
 * and about a tenth of the cost of Intl per call. Throws RangeError on an unknown zone.
 */
export function wallClock(atMs: number, timezone: string): WallClock {
  const d = new Date(atMs + offsetMinutes(atMs, timezone) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** Wall-clock fields straight from Intl (the reference the memoised path is built on). */
export function intlWallClock(atMs: number, timezone: string): WallClock {
  const f = formatter(timezone);
  if (!f) throw new RangeError(`unknown time zone ${timezone}`);
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(atMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Offset of a zone from UTC at an instant, in minutes (Asia/Shanghai today: 480).
 * Memoised per 15-minute bucket: a bucket's offset is cached only when Intl gives the same
 * offset at both of its ends, so a transition inside a bucket is always computed exactly
 * (Intl's formatToParts costs tens of microseconds; bulk imports call this per value).
 */
export function offsetMinutes(atMs: number, timezone: string): number {
  let zone = offsetCache.get(timezone);
  if (!zone) offsetCache.set(timezone, (zone = new Map()));
  const bucket = Math.floor(atMs / BUCKET_MS);
  const cached = zone.get(bucket);
  if (cached !== undefined) return cached;
  const start = exactOffsetMinutes(bucket * BUCKET_MS, timezone);
  if (start === exactOffsetMinutes((bucket + 1) * BUCKET_MS - 1000, timezone)) {
    if (zone.size >= 200_000) zone.clear();
    zone.set(bucket, start);
    return start;
  }
  return exactOffsetMinutes(atMs, timezone);
}

function exactOffsetMinutes(atMs: number, timezone: string): number {
  const w = intlWallClock(atMs, timezone);
  const asUtc = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - (atMs - (((atMs % 1000) + 1000) % 1000))) / 60_000);
}

/**
 * The instant of a wall-clock time in a zone. `localAsUtcMs` is the wall-clock time encoded as if
 * it were UTC (Date.UTC of its fields). In a DST gap the later offset is used.
 */
export function localToUtc(localAsUtcMs: number, timezone: string): number {
  const first = localAsUtcMs - offsetMinutes(localAsUtcMs, timezone) * 60_000;
  const second = localAsUtcMs - offsetMinutes(first, timezone) * 60_000;
  return second;
}
