import { describe, expect, it } from 'vitest';
import { dayWeight, localInstant, planDays, secondOfDay, sortedFractions } from './calendar.ts';
import { Rng } from './prng.ts';

describe('daily volume', () => {
  it('splits the count exactly over 90 days ending on the end date', () => {
    const plan = planDays(1_000_003, 90, '2026-11-29');
    expect(plan).toHaveLength(90);
    expect(plan[0]!.day).toBe('2026-09-01');
    expect(plan[89]!.day).toBe('2026-11-29');
    expect(plan.reduce((s, d) => s + d.count, 0)).toBe(1_000_003);
  });

  it('peaks at about three ordinary days on 11 November and dips on National Day', () => {
    const plan = planDays(900_000, 90, '2026-11-29');
    const counts = new Map(plan.map((d) => [d.day, d.count]));
    const ordinary = plan.filter((d) => dayWeight(d.day) > 0.9 && dayWeight(d.day) < 1.1).map((d) => d.count).sort((a, b) => a - b);
    const median = ordinary[ordinary.length >> 1]!;
    const ratio = counts.get('2026-11-11')! / median;
    expect(ratio).toBeGreaterThan(2.7);
    expect(ratio).toBeLessThan(3.3);
    expect(counts.get('2026-10-01')! / median).toBeLessThan(0.8);
    // weekly rhythm: Mondays above Sundays in ordinary weeks (2026-09-07 Monday, 09-06 Sunday)
    expect(counts.get('2026-09-07')!).toBeGreaterThan(counts.get('2026-09-06')!);
  });

  it('rejects a bad period', () => {
    expect(() => planDays(10, 0, '2026-11-29')).toThrow(/invalid period/);
    expect(() => planDays(10, 5, 'yesterday')).toThrow(/invalid period/);
  });
});

describe('time of day', () => {
  it('yields sorted fractions and a monotone, peaked hour profile', () => {
    const r = new Rng(5);
    const xs = [...sortedFractions(r, 50_000)];
    expect(xs).toHaveLength(50_000);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! >= xs[i - 1]!).toBe(true);
    const hours = new Array(24).fill(0);
    let last = -1;
    for (const x of xs) {
      const s = secondOfDay(x);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
      hours[Math.floor(s / 3600)]++;
    }
    const peak = hours[10] + hours[11] + hours[15] + hours[16] + hours[17];
    expect(peak / 50_000).toBeGreaterThan(0.35);
    expect(hours[3] / 50_000).toBeLessThan(0.005);
  });

  it('formats local instants in China Standard Time', () => {
    expect(localInstant('2026-11-11', 9 * 3600 + 30 * 60 + 5)).toBe('2026-11-11T09:30:05+08:00');
    expect(localInstant('2026-11-11', 86_399)).toBe('2026-11-11T23:59:59+08:00');
  });
});
