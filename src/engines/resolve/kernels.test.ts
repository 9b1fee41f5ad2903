import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { ResolverConfig, Row } from './config.ts';
import { febrlConfig, readFebrl } from './datasets/febrl.ts';
import { syntheticReunion, syntheticReunionConfig } from './datasets/synthetic.ts';
import { levelOf } from './fellegiSunter.ts';
import { compareCandidates, comparePair, comparePatterns, prepare, type Prepared } from './resolver.ts';

/** Every pair of `p` listed by (L, R): kernel patterns against the comparators' own `compare`. */
function mismatches(p: Prepared, L: Int32Array, R: Int32Array): string[] {
  const patterns = comparePatterns(p, L, R);
  const bad: string[] = [];
  for (let t = 0; t < L.length; t++) {
    const expected = comparePair(p, L[t]!, R[t]!);
    if (patterns[t] === expected) continue;
    const field = p.comparisons.findIndex((_, k) => levelOf(p.coder, patterns[t]!, k) !== levelOf(p.coder, expected, k));
    bad.push(`${p.comparisons[field]?.name}: pair ${L[t]}×${R[t]}`);
  }
  return bad;
}

/** All pairs of the first n × m records. */
function crossPairs(n: number, m: number): [Int32Array, Int32Array] {
  const L = new Int32Array(n * m);
  const R = new Int32Array(n * m);
  for (let i = 0, t = 0; i < n; i++) for (let j = 0; j < m; j++, t++) [L[t], R[t]] = [i, j];
  return [L, R];
}

describe('column kernels give the levels of the comparators', () => {
  it('names (C08–C10 spellings), dates, order, places and texts of reunion-shaped records, on every pair of a sample', () => {
    const data = syntheticReunion({ left: 300, right: 250, pairs: 120, seed: 17 });
    const p = prepare(syntheticReunionConfig, data.left, data.right);
    const [L, R] = crossPairs(300, 250);
    expect(mismatches(p, L, R)).toEqual([]);
    // The sample holds every level of the name and text fields, so the test exercises them all.
    const patterns = comparePatterns(p, L, R);
    for (const field of ['name', 'marks']) {
      const k = p.comparisons.findIndex((c) => c.name === field);
      const seen = new Set(Array.from(patterns, (x) => levelOf(p.coder, x, k)));
      expect(seen.size, field).toBeGreaterThanOrEqual(p.comparisons[k]!.comparator.levels.length - 1);
    }
  });

  it('exact, numeric, Jaccard text, reversed date order and centroids (places near across a boundary)', () => {
    const left: Row[] = [
      { id: 'a', k: 'X', n: 100, t: '左手臂有红色胎记', d: '2001-03-02', p: { divisionCode: '440304', lat: 22.52, lon: 114.05 } },
      { id: 'b', k: 'y', n: null, t: '', d: '2001', p: '440300' },
      { id: 'c', k: null, n: 93, t: '右腿有疤', d: null, p: '110105' },
    ];
    const right: Row[] = [
      { id: 'A', k: 'x', n: 104, t: '胎记在左手臂', d: '2001-03-01', p: { divisionCode: '441900', lat: 22.82, lon: 113.75 } },
      { id: 'B', k: 'Y', n: 112, t: '右腿上有一块疤', d: '2000-12-31', p: '440305' },
      { id: 'C', k: 'z', n: 100, t: '爱吃糖', d: '2002', p: null },
    ];
    const config: ResolverConfig = {
      comparisons: [
        { name: 'k', left: 'k', comparator: { kind: 'exact' } },
        { name: 'n', left: 'n', comparator: { kind: 'numeric', tolerances: [5, 12] } },
        { name: 't', left: 't', comparator: { kind: 'text', method: 'jaccard', thresholds: [0.3, 0.1] } },
        { name: 'before', left: 'd', comparator: { kind: 'dateOrder' } },
        { name: 'after', left: 'd', comparator: { kind: 'dateOrder', rightFirst: true, slackDays: 1 } },
        { name: 'p', left: 'p', comparator: { kind: 'place', nearKm: 50 } },
      ],
      blocking: [{ name: 'all', keys: [{ field: () => 'same' }] }],
    };
    const p = prepare(config, left, right);
    const [L, R] = crossPairs(3, 3);
    expect(mismatches(p, L, R)).toEqual([]);
    const level = (name: string, i: number, j: number): string => {
      const k = p.comparisons.findIndex((c) => c.name === name);
      const l = levelOf(p.coder, comparePair(p, i, j), k);
      return p.comparisons[k]!.comparator.levels[l] ?? 'missing';
    };
    expect(level('k', 0, 0)).toBe('agree');
    expect(level('n', 0, 0)).toBe('|Δ| ≤ 5');
    expect(level('n', 1, 0)).toBe('missing');
    expect(level('before', 0, 0)).toBe('violated');
    expect(level('after', 0, 0)).toBe('consistent');
    expect(level('p', 0, 0)).toBe('near');
    expect(level('p', 1, 1)).toBe('same prefecture');
  });

  it('string comparators without a kernel fall back to compare: Febrl dataset1 candidate pairs', () => {
    const rows = readFebrl(path.join(loadConfig().sharedDataDir, 'febrl', 'dataset1.csv'));
    const p = prepare(febrlConfig, rows);
    const c = compareCandidates(p);
    expect(c.count).toBeGreaterThan(500);
    expect(mismatches(p, c.left, c.right)).toEqual([]);
  });
});
