/**
 * Dates and times as they arrive in Chinese records: ISO 8601 / GB/T 7408 (2016-07-05,
 * 20160705, 2016-07, 2016, 2024-03-01T00:30:00+08:00), slashes or dots (2016/7/5), and Chinese
 * forms (2016年7月5日, 2016年7月, 2016年, optionally followed by a time). Partial dates keep their
 * precision (C17: 2016年7月 is the month, not 2016-07-01); impossible dates are rejected, never
 * rolled over (C16); a time without offset is local time in the given zone, Asia/Shanghai by
 * default (C18).
 */
import { CoreErrors, issue } from '../errors.ts';
import { fail, ok, type ValidationResult } from '../result.ts';
import { formatYmd, isRealDate, utcMs } from './calendar.ts';
import { isTimeZone, localToUtc, offsetMinutes, wallClock } from './timezone.ts';

export type DatePrecision = 'year' | 'month' | 'day' | 'minute' | 'second' | 'millisecond';

export interface ParsedDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
  readonly precision: DatePrecision;
  /** For times: the instant in UTC, '2024-02-29T16:30:00Z'; null for calendar dates. */
  readonly instant: string | null;
  /** For times: the offset used (from the text, or the zone's at that moment), minutes east of UTC. */
  readonly offsetMinutes: number | null;
  /** For times: the local time with its offset, '2024-03-01T00:30:00+08:00'. */
  readonly local: string | null;
  /** The calendar day in the zone (day precision or finer), e.g. '2024-03-01'; else null. */
  readonly localDay: string | null;
  /** The zone used for local times and local days. */
  readonly timezone: string;
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

const NUMERIC = /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?$/;
const DATE_TIME = /^(\d{4})(?:[-/](\d{1,2})[-/](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号])(?:[T\s]\s*)(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** '+08:00' for 480. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

function parseOffset(text: string): number | null {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (h > 14 || m > 59) return null;
  return sign * (h * 60 + m);
}

function calendar(value: string, year: number, month: number | null, day: number | null, timezone: string): ValidationResult<ParsedDate> {
  if (year < 1) return fail([issue(CoreErrors.DATE_INVALID, { value })]);
  if (month !== null && (month < 1 || month > 12)) return fail([issue(CoreErrors.DATE_INVALID, { value })]);
  if (month !== null && day !== null && !isRealDate(year, month, day)) return fail([issue(CoreErrors.DATE_INVALID, { value })]);
  const precision: DatePrecision = day !== null ? 'day' : month !== null ? 'month' : 'year';
  const normalized = day !== null ? formatYmd(year, month!, day) : month !== null ? `${pad(year, 4)}-${pad(month)}` : pad(year, 4);
  return ok(normalized, {
    year, month, day: day ?? null, precision, instant: null, offsetMinutes: null, local: null, localDay: day !== null ? normalized : null, timezone,
  });
}

function dateTime(value: string, m: RegExpExecArray, timezone: string): ValidationResult<ParsedDate> {
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  const [hour, minute] = [Number(m[6]), Number(m[7])];
  const second = m[8] === undefined ? 0 : Number(m[8]);
  const fraction = m[9] ?? '';
  const ms = fraction === '' ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return fail([issue(CoreErrors.DATE_INVALID, { value })]);
  const wall = utcMs(year, month, day, hour, minute, second, ms);
  let utc: number;
  let offset: number;
  if (m[10] !== undefined) {
    const o = parseOffset(m[10]);
    if (o === null) return fail([issue(CoreErrors.DATE_FORMAT, { value })]);
    offset = o;
    utc = wall - o * 60_000;
  } else {
    utc = localToUtc(wall, timezone);
    offset = offsetMinutes(utc, timezone);
  }
  const precision: DatePrecision = fraction !== '' ? 'millisecond' : m[8] !== undefined ? 'second' : 'minute';
  const instant = isoUtc(utc, precision === 'millisecond');
  const localWall = new Date(utc + offset * 60_000);
  const local = `${isoUtc(localWall.getTime(), precision === 'millisecond').slice(0, -1)}${formatOffset(offset)}`;
  return ok(instant, {
    year, month, day, precision, instant, offsetMinutes: offset, local, localDay: localDay(utc, timezone), timezone,
  });
}

function isoUtc(ms: number, withMs: boolean): string {
  const iso = new Date(ms).toISOString();
  return withMs ? iso : `${iso.slice(0, 19)}Z`;
}

/** The number of the `len` ASCII digits of `s` at `at`, or -1 when one is not a digit. */
function digitsAt(s: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The wall-clock time written 'YYYY-MM-DD?HH:MM:SS' at the start of `value` (the character at 10
 * is the caller's to check), as milliseconds of that time read as UTC (calendar utcMs); null when
 * a field is not all ASCII digits or the date or time does not exist (no roll-over, C16).
 */
function wallAt(value: string): number | null {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return utcMs(year, month, day, hour, minute, second);
}

/**
 * The instant of a complete ISO 8601 / GB/T 7408 extended-format date-time with a UTC designator
 * or offset — 'YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)', the form APIs send
 * (`Date.prototype.toISOString`) — as epoch milliseconds (fraction truncated to milliseconds,
 * as parseDate does); null for any other text, and for an impossible date or time in that form.
 * The same instant as `parseDate(value).parsed.instant` for every text it accepts, without the
 * regular expressions and the ParsedDate of parseDate: registration validates one per parcel.
 * @example isoInstantMs('2024-03-01T00:30:00+08:00') // Date.parse('2024-02-29T16:30:00Z')
 */
export function isoInstantMs(value: string): number | null {
  const n = value.length;
  if (n < 20 || value.charCodeAt(10) !== 84) return null;
  const wall = wallAt(value);
  if (wall === null) return null;
  let at = 19;
  let ms = 0;
  if (value.charCodeAt(at) === 46) {
    const start = ++at;
    while (at < n && at - start < 9 && value.charCodeAt(at) >= 48 && value.charCodeAt(at) <= 57) at++;
    const digits = at - start;
    if (digits === 0) return null;
    ms = digitsAt(value, start, Math.min(digits, 3)) * 10 ** (3 - Math.min(digits, 3));
  }
  let offset: number;
  if (at === n - 1 && value.charCodeAt(at) === 90) offset = 0;
  else if (at === n - 6 && (value.charCodeAt(at) === 43 || value.charCodeAt(at) === 45) && value.charCodeAt(at + 3) === 58) {
    const oh = digitsAt(value, at + 1, 2);
    const om = digitsAt(value, at + 4, 2);
    if (oh < 0 || om < 0 || oh > 14 || om > 59) return null;
    offset = (value.charCodeAt(at) === 45 ? -1 : 1) * (oh * 60 + om);
  } else return null;
  return wall + ms - offset * 60_000;
}

/**
 * The instant of a local date-time without offset in the zone's time (GB/T 7408 local time) —
 * 'YYYY-MM-DD HH:MM:SS' or 'YYYY-MM-DDTHH:MM:SS', the form courier exports and spreadsheets
 * write — as epoch milliseconds; null for any other text, an impossible date or time in that
 * form, or an unknown zone. In a DST gap the later offset is used (localToUtc).
 * The same instant as `parseDate(value, { timezone }).parsed.instant` for every text it accepts,
 * without parseDate's regular expressions, ISO strings and ParsedDate: an import validates one
 * per row (about a tenth of a row's validation went to parseDate's date-time path).
 * @example localDateTimeMs('2024-03-01 00:30:00', 'Asia/Shanghai') // Date.UTC(2024, 1, 29, 16, 30)
 */
export function localDateTimeMs(value: string, timezone: string): number | null {
  const sep = value.charCodeAt(10);
  if (value.length !== 19 || (sep !== 32 && sep !== 84)) return null;
  const wall = wallAt(value);
  return wall === null || !isTimeZone(timezone) ? null : localToUtc(wall, timezone);
}

/**
 * Parse a date, partial date or date-time.
 * @param value see the module doc for the accepted forms
 * @param options.timezone IANA zone for local times and local days (default Asia/Shanghai)
 * @returns normalized: '2016', '2016-07', '2016-07-05', or the UTC instant
 *   '2024-02-29T16:30:00Z' for times; parsed year/month/day with `precision`.
 *   Errors: VALUE_EMPTY, DATE_FORMAT, DATE_INVALID (1990-02-30, 1991-02-29, 2016年13月),
 *   DATE_TIMEZONE.
 * @example parseDate('2016年7月').parsed // { year: 2016, month: 7, day: null, precision: 'month', … }
 */
export function parseDate(value: string, options: { timezone?: string } = {}): ValidationResult<ParsedDate> {
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  if (!isTimeZone(timezone)) return fail([issue(CoreErrors.DATE_TIMEZONE, { timezone })]);
  const v = value.trim();
  if (v === '') return fail([issue(CoreErrors.VALUE_EMPTY)]);
  let m = NUMERIC.exec(v);
  if (m) return calendar(v, Number(m[1]), m[3] === undefined ? null : Number(m[3]), m[4] === undefined ? null : Number(m[4]), timezone);
  m = COMPACT.exec(v);
  if (m) return calendar(v, Number(m[1]), Number(m[2]), Number(m[3]), timezone);
  m = CHINESE.exec(v);
  if (m) return calendar(v, Number(m[1]), m[2] === undefined ? null : Number(m[2]), m[3] === undefined ? null : Number(m[3]), timezone);
  m = DATE_TIME.exec(v);
  if (m) return dateTime(v, m, timezone);
  return fail([issue(CoreErrors.DATE_FORMAT, { value: v })]);
}

/**
 * The instant a text denotes: a date-time (local times in `timezone`), or a calendar day (its
 * local midnight). Null when the text is not a valid date or is only a year or month.
 * @example toInstant('2024-03-01T00:30:00')?.toISOString() // '2024-02-29T16:30:00.000Z'
 */
export function toInstant(value: string, options: { timezone?: string } = {}): Date | null {
  const r = parseDate(value, options);
  if (!r.valid) return null;
  const p = r.parsed!;
  if (p.instant) return new Date(p.instant);
  if (p.precision !== 'day') return null;
  return new Date(localToUtc(utcMs(p.year, p.month!, p.day!), p.timezone));
}

/**
 * The calendar day ('YYYY-MM-DD') of an instant in a zone (default Asia/Shanghai): the day a
 * record is counted on in daily statistics (C18: 2024-02-29T16:30:00Z → '2024-03-01').
 * @param instant a Date, epoch milliseconds, or an ISO string with offset
 * @throws RangeError for an unknown zone or an unreadable instant (programming errors)
 */
export function localDay(instant: Date | number | string, timezone: string = DEFAULT_TIMEZONE): string {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`unreadable instant ${String(instant)}`);
  const w = wallClock(ms, timezone);
  return formatYmd(w.year, w.month, w.day);
}

/**
 * An instant written as local time with the zone's offset, e.g. '2024-03-01T00:30:00+08:00'
 * (how Gongzhi writes times back out, C18).
 */
export function formatLocal(instant: Date | number, timezone: string = DEFAULT_TIMEZONE): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const w = wallClock(ms, timezone);
  return `${formatYmd(w.year, w.month, w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${formatOffset(offsetMinutes(ms, timezone))}`;
}
