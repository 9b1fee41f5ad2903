import { describe, expect, it } from 'vitest';
import { AliasTable, hashString, mix32, Rng } from './prng.ts';

describe('seeded PRNG', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
  });

  it('gives uniform floats and ints', () => {
    const r = new Rng(7);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[r.int(10)]++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += r.normal();
    expect(Math.abs(sum / 100_000)).toBeLessThan(0.02);
  });

  it('hashes are stable', () => {
    expect(mix32(1, 2, 3, 4)).toBe(mix32(1, 2, 3, 4));
    expect(mix32(1, 2, 3, 4)).not.toBe(mix32(1, 2, 3, 5));
    expect(hashString('gongzhi')).toBe(hashString('gongzhi'));
    expect(hashString('gongzhi')).not.toBe(hashString('Gongzhi'));
  });
});

describe('alias table', () => {
  it('draws in proportion to the weights and never draws a zero weight', () => {
    const t = new AliasTable([5, 0, 3, 2]);
    const r = new Rng(11);
    const n = [0, 0, 0, 0];
    for (let i = 0; i < 200_000; i++) n[t.draw(r)]!++;
    expect(n[1]).toBe(0);
    expect(n[0]! / 200_000).toBeCloseTo(0.5, 2);
    expect(n[2]! / 200_000).toBeCloseTo(0.3, 2);
    expect(n[3]! / 200_000).toBeCloseTo(0.2, 2);
  });

  it('refuses an empty or all-zero list', () => {
    expect(() => new AliasTable([])).toThrow();
    expect(() => new AliasTable([0, 0])).toThrow();
  });
});
