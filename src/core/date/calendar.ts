/**
 * Proleptic Gregorian calendar arithmetic (GB/T 7408 / ISO 8601 calendar dates), without Date
 * objects, so that no impossible date can roll over (1990-02-30 is never 1990-03-02).
 */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Leap year of the Gregorian calendar: divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year; 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12) return 0;
  return month === 2 && isLeapYear(year) ? 29 : DAYS[month - 1]!;
}

/** True when year/month/day names a real calendar date (year 1–9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** Zero-padded 'YYYY-MM-DD'. */
export function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Date.UTC without its two-digit-year trap (Date.UTC(99, …) is 1999): milliseconds since the epoch. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}
