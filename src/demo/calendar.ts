/**
 * When parcels are accepted: daily volume over the period (weekly rhythm, the National Day
 * holiday dip, the 11.11 shopping festival peak of about three ordinary days, with its first
 * pre-sale wave on 1–3 November) and the hour of day (peaks 10–12 and 15–18), in China
 * Standard Time (UTC+08:00, no daylight saving). Times within a day are generated already in
 * order (sorted uniform order statistics), so the stream is sorted by time at O(1) memory.
 */
import { AppError } from '../core/errors.ts';
import { DemoErrors } from './errors.ts';
import type { Rng } from './prng.ts';

const DAY_MS = 86_400_000;
/** Monday..Sunday factors (more parcels early in the week after weekend orders). */
const WEEKDAY = [1.06, 1.04, 1.02, 1.0, 0.99, 0.95, 0.92] as const;
/** Multipliers of dates 'MM-DD' around 11 November and the National Day holiday (1–7 October). */
const EVENTS: Readonly<Record<string, number>> = {
  '10-01': 0.7, '10-02': 0.7, '10-03': 0.72, '10-04': 0.75, '10-05': 0.78, '10-06': 0.8, '10-07': 0.85,
  '11-01': 1.5, '11-02': 1.6, '11-03': 1.4, '11-04': 1.2,
  '11-10': 1.6, '11-11': 3.0, '11-12': 2.7, '11-13': 2.2, '11-14': 1.8, '11-15': 1.5, '11-16': 1.3, '11-17': 1.15,
};
/** Relative acceptance volume per local hour 0..23. */
const HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 2, 4, 7, 7.5, 6.5, 4, 4.5, 7, 8, 8, 7, 3, 2, 1.2, 0.6, 0.3] as const;
const HOUR_CDF = (() => {
  const total = HOURS.reduce((s, x) => s + x, 0);
  let acc = 0;
  return HOURS.map((h) => (acc += h / total));
})();

/** One day of the period: local date and how many parcels it gets. */
export interface DayPlan {
  /** 'YYYY-MM-DD' (local). */
  readonly day: string;
  readonly count: number;
}

/** The relative volume of a local date (weekday × event factor). */
export function dayWeight(day: string): number {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  return WEEKDAY[weekday]! * (EVENTS[day.slice(5)] ?? 1);
}

/**
 * Split `count` parcels over `days` local dates ending on `end` (inclusive) in proportion to
 * `dayWeight`, by largest remainder so the counts add up exactly.
 * @param end 'YYYY-MM-DD'
 * @throws AppError DEMO_PERIOD_INVALID for a bad date or fewer than one day.
 */
export function planDays(count: number, days: number, end: string): DayPlan[] {
  const endMs = Date.parse(`${end}T00:00:00Z`);
  if (!Number.isFinite(endMs) || !Number.isInteger(days) || days < 1) throw new AppError(DemoErrors.DEMO_PERIOD_INVALID, { days, end });
  const list: string[] = [];
  for (let i = days - 1; i >= 0; i--) list.push(new Date(endMs - i * DAY_MS).toISOString().slice(0, 10));
  const weights = list.map(dayWeight);
  const total = weights.reduce((s, x) => s + x, 0);
  const quota = weights.map((w) => (count * w) / total);
  const counts = quota.map(Math.floor);
  let left = count - counts.reduce((s, x) => s + x, 0);
  const order = quota.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) counts[i]!++;
  return list.map((day, i) => ({ day, count: counts[i]! }));
}

/**
 * Seconds after local midnight for a fraction t ∈ [0, 1) of the day's volume (inverse CDF of
 * the hourly profile, uniform within an hour). Monotone in t.
 */
export function secondOfDay(t: number): number {
  let h = 0;
  while (h < 23 && HOUR_CDF[h]! <= t) h++;
  const lo = h === 0 ? 0 : HOUR_CDF[h - 1]!;
  const within = (t - lo) / (HOUR_CDF[h]! - lo);
  return Math.min(86_399, Math.floor(h * 3600 + within * 3600));
}

/**
 * Yields n ascending fractions in [0, 1): the order statistics of n uniforms, generated from
 * the largest down (U_(n) = V^(1/n), U_(k) = U_(k+1)·V^(1/k)) and reflected, at O(1) memory.
 */
export function* sortedFractions(rng: Rng, n: number): Generator<number> {
  let x = 1;
  for (let k = n; k >= 1; k--) {
    x *= Math.pow(1 - rng.float(), 1 / k);
    yield 1 - x;
  }
}

/** 'YYYY-MM-DDTHH:MM:SS+08:00' for a local day and second of day (China Standard Time). */
export function localInstant(day: string, second: number): string {
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  const s = second % 60;
  return `${day}T${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}+08:00`;
}
