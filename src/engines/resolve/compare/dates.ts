/**
 * Partial dates with precision, compared with tolerance. A date known only to the year or the
 * month is an interval of days, never its first day (C17: 2016年7月 is July 2016, not
 * 2016-07-01); two dates agree when their intervals overlap, and are near when the gap
 * between the intervals is within a tolerance in days. Impossible dates are missing values,
 * never rolled over (C16: 1990-02-30 is not 1990-03-02).
 *
 * Input is structural so the engine does not depend on one parser: `{ year, month?, day?, precision? }`
 * (the shape of src/core's ParsedDate), a `Date`, or a string 'YYYY', 'YYYY-MM', 'YYYY-MM-DD',
 * 'YYYYMMDD' (ISO 8601 calendar dates, proleptic Gregorian).
 */

/** A date as an inclusive interval of day numbers (days since 1970-01-01, UTC). */
export interface DateRange {
  readonly lo: number;
  readonly hi: number;
  readonly precision: 'year' | 'month' | 'day';
  /** The value as written back for explanations: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  readonly text: string;
}

/** Structural partial date: the fields src/core's parseDate returns. */
export interface PartialDateLike {
  readonly year: number;
  readonly month?: number | null;
  readonly day?: number | null;
  /** When given, parts finer than the precision are ignored ('month': the day is not read). */
  readonly precision?: 'year' | 'month' | 'day';
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic (H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms", days_from_civil): no Date object per value.
 */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * A range whose display text is built only when asked (explanations), so preparing a batch of
 * dates allocates one small object per value and no strings.
 */
class Range implements DateRange {
  constructor(
    readonly lo: number,
    readonly hi: number,
    readonly precision: 'year' | 'month' | 'day',
    private readonly y: number,
    private readonly m: number,
    private readonly d: number,
  ) {}

  get text(): string {
    if (this.precision === 'year') return pad(this.y, 4);
    if (this.precision === 'month') return `${pad(this.y, 4)}-${pad(this.m)}`;
    return `${pad(this.y, 4)}-${pad(this.m)}-${pad(this.d)}`;
  }

  toJSON(): DateRange {
    return { lo: this.lo, hi: this.hi, precision: this.precision, text: this.text };
  }
}

/**
 * Build a date range from year, optional month and optional day; null when any part is
 * impossible (month 13, 30 February, 29 February of a common year). Years 1–9999.
 */
export function dateRange(year: number, month?: number | null, day?: number | null): DateRange | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (month == null) return shared(0, year, 0, 0, dayNumber(year, 1, 1), dayNumber(year, 12, 31));
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const dim = daysInMonth(year, month);
  if (day == null) return shared(1, year, month, 0, dayNumber(year, month, 1), dayNumber(year, month, dim));
  if (!Number.isInteger(day) || day < 1 || day > dim) return null;
  const n = dayNumber(year, month, day);
  return shared(2, year, month, day, n, n);
}

/**
 * Ranges are immutable, so one object serves every record with the same date: a batch of
 * 50,000 posts holds a few thousand distinct dates (fewer objects to allocate and to keep).
 */
const rangeMemo = new Map<number, Range>();
const PRECISIONS = ['year', 'month', 'day'] as const;

function shared(p: 0 | 1 | 2, year: number, month: number, day: number, lo: number, hi: number): Range {
  const key = p * 100_000_000 + year * 10_000 + month * 100 + day;
  let r = rangeMemo.get(key);
  if (!r) {
    if (rangeMemo.size >= 200_000) rangeMemo.clear();
    r = new Range(lo, hi, PRECISIONS[p], year, month, day);
    rangeMemo.set(key, r);
  }
  return r;
}

/** The calendar year of a day number (days since 1970-01-01), by integer arithmetic (civil_from_days). */
export function yearOfDay(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Parse a structural date value into a range; null for missing or impossible values. */
export function toDateRange(value: unknown): DateRange | null {
  if (value == null || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return dateRange(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'object') {
    const v = value as PartialDateLike;
    if (typeof v.year !== 'number') return null;
    if (v.precision === 'year') return dateRange(v.year);
    if (v.precision === 'month') return dateRange(v.year, v.month ?? null);
    return dateRange(v.year, v.month ?? null, v.month == null ? null : (v.day ?? null));
  }
  const s = String(value).trim();
  const m = ISO.exec(s) ?? COMPACT.exec(s);
  if (!m) return null;
  return dateRange(Number(m[1]), m[2] === undefined ? null : Number(m[2]), m[3] === undefined ? null : Number(m[3]));
}

/** Days between two ranges: 0 when they overlap, else the gap between the nearer ends. */
export function rangeGapDays(a: DateRange, b: DateRange): number {
  if (a.hi < b.lo) return b.lo - a.hi;
  if (b.hi < a.lo) return a.lo - b.hi;
  return 0;
}

/**
 * Agreement level of two dates: 0 'exact' (both to the day, same day); 1 'consistent'
 * (intervals overlap: a year-only date and a full date in that year); then one level per
 * tolerance in `tolerancesDays` (ascending: gap ≤ t); last 'different'.
 */
export function compareDates(a: DateRange, b: DateRange, tolerancesDays: readonly number[]): number {
  if (a.precision === 'day' && b.precision === 'day' && a.lo === b.lo) return 0;
  const gap = rangeGapDays(a, b);
  if (gap === 0) return 1;
  for (let i = 0; i < tolerancesDays.length; i++) if (gap <= tolerancesDays[i]!) return 2 + i;
  return 2 + tolerancesDays.length;
}

/** Level names matching `compareDates` for the given tolerances, e.g. ['exact','consistent','within 30 d','different']. */
export function dateLevels(tolerancesDays: readonly number[]): string[] {
  return ['exact', 'consistent', ...tolerancesDays.map((t) => `within ${t} d`), 'different'];
}

/**
 * Ordering constraint between two dates of a pair, e.g. "date of loss before date found":
 * 0 'consistent' when `before` can lie on or before `after` (before.lo ≤ after.hi + slackDays),
 * 1 'violated' otherwise. Partial dates are consistent when some day of each interval fits.
 */
export function compareOrder(before: DateRange, after: DateRange, slackDays = 0): number {
  return before.lo <= after.hi + slackDays ? 0 : 1;
}
