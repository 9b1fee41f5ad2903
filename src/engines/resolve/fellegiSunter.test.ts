import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { fitEm, fitLabelled, levelOf, levelWeights, matchProbability, patternCoder, patternWeight, weightForProbability } from './fellegiSunter.ts';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(p: readonly number[], r: number): number {
  let acc = 0;
  for (let i = 0; i < p.length; i++) {
    acc += p[i]!;
    if (r < acc) return i;
  }
  return p.length - 1;
}

// Known generating parameters: 4 fields, 3 levels each (agree / partial / disagree).
const TRUE_M = [[0.9, 0.07, 0.03], [0.85, 0.1, 0.05], [0.75, 0.15, 0.1], [0.95, 0.03, 0.02]];
const TRUE_U = [[0.05, 0.1, 0.85], [0.02, 0.08, 0.9], [0.1, 0.2, 0.7], [0.01, 0.04, 0.95]];
const LAMBDA = 0.2;
const names = ['a', 'b', 'c', 'd'];
const levels = names.map(() => ['agree', 'partial', 'disagree']);

function synthetic(n: number, seed: number, missingRate = 0): { counts: Map<number, number>; labelled: { pattern: number; match: boolean }[] } {
  const coder = patternCoder([3, 3, 3, 3]);
  const r = rng(seed);
  const counts = new Map<number, number>();
  const labelled: { pattern: number; match: boolean }[] = [];
  for (let i = 0; i < n; i++) {
    const match = r() < LAMBDA;
    let pattern = 0;
    for (let k = 0; k < 4; k++) {
      const l = r() < missingRate ? 3 : draw((match ? TRUE_M : TRUE_U)[k]!, r());
      pattern += l * coder.strides[k]!;
    }
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    labelled.push({ pattern, match });
  }
  return { counts, labelled };
}

describe('Fellegi–Sunter', () => {
  it('EM recovers known m, u and λ from unlabelled synthetic pairs', () => {
    const coder = patternCoder([3, 3, 3, 3]);
    const { counts } = synthetic(60_000, 7);
    const model = fitEm(names, levels, coder, counts, { tolerance: 1e-8, maxIterations: 2000 });
    expect(model.converged).toBe(true);
    expect(model.matchShare).toBeCloseTo(LAMBDA, 1);
    expect(Math.abs(model.matchShare - LAMBDA)).toBeLessThan(0.01);
    model.fields.forEach((f, k) => {
      f.m.forEach((m, l) => expect(Math.abs(m - TRUE_M[k]![l]!), `m ${k}/${l}`).toBeLessThan(0.02));
      f.u.forEach((u, l) => expect(Math.abs(u - TRUE_U[k]![l]!), `u ${k}/${l}`).toBeLessThan(0.02));
    });
  });

  it('EM ignores missing comparisons instead of counting them as disagreement', () => {
    const coder = patternCoder([3, 3, 3, 3]);
    const { counts } = synthetic(60_000, 11, 0.2);
    const model = fitEm(names, levels, coder, counts, { tolerance: 1e-8, maxIterations: 2000 });
    expect(Math.abs(model.matchShare - LAMBDA)).toBeLessThan(0.015);
    model.fields.forEach((f, k) => f.m.forEach((m, l) => expect(Math.abs(m - TRUE_M[k]![l]!)).toBeLessThan(0.03)));
  });

  it('EM with u fixed (from random pairs) estimates m and λ', () => {
    const coder = patternCoder([3, 3, 3, 3]);
    const { counts } = synthetic(40_000, 5);
    const model = fitEm(names, levels, coder, counts, { fixedU: TRUE_U, tolerance: 1e-8 });
    expect(Math.abs(model.matchShare - LAMBDA)).toBeLessThan(0.01);
    model.fields.forEach((f, k) => {
      expect(f.u[0]).toBeCloseTo(TRUE_U[k]![0]!, 6);
      f.m.forEach((m, l) => expect(Math.abs(m - TRUE_M[k]![l]!)).toBeLessThan(0.02));
    });
  });

  it('labelled estimation gives the class frequencies', () => {
    const coder = patternCoder([3, 3, 3, 3]);
    const { labelled } = synthetic(40_000, 3);
    const model = fitLabelled(names, levels, coder, labelled);
    expect(model.method).toBe('labels');
    model.fields.forEach((f, k) => f.m.forEach((m, l) => expect(Math.abs(m - TRUE_M[k]![l]!)).toBeLessThan(0.02)));
    expect(() => fitLabelled(names, levels, coder, labelled.slice(0, 3))).toThrow(AppError);
  });

  it('weights are log2(m/u) summed over non-missing fields; probability inverts', () => {
    const coder = patternCoder([3, 3, 3, 3]);
    const model = { fields: names.map((name, k) => ({ name, levels: levels[k]!, m: TRUE_M[k]!, u: TRUE_U[k]! })), matchShare: 0.2, method: 'em' as const, iterations: 0, converged: true };
    const w = levelWeights(model);
    expect(w[0]![0]).toBeCloseTo(Math.log2(0.9 / 0.05), 12);
    // fields a agree, b partial, c missing, d disagree
    const pattern = 0 * coder.strides[0]! + 1 * coder.strides[1]! + 3 * coder.strides[2]! + 2 * coder.strides[3]!;
    expect(levelOf(coder, pattern, 2)).toBe(3);
    expect(patternWeight(w, coder, pattern)).toBeCloseTo(Math.log2(0.9 / 0.05) + Math.log2(0.1 / 0.08) + Math.log2(0.02 / 0.95), 12);
    expect(matchProbability(weightForProbability(0.5, 0.2), 0.2)).toBeCloseTo(0.5, 12);
    expect(weightForProbability(0.5, 0.5)).toBeCloseTo(0, 12);
  });
});
