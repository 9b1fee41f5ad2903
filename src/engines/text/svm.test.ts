import { describe, expect, it } from 'vitest';
import { linearScores, trainLinearSvm } from './svm.ts';
import { predictTextProba, textFeatures, trainTextClassifier } from './classifier.ts';
import type { SparseVector } from './sparse.ts';

const v = (pairs: [number, number][]): SparseVector => ({ indices: Uint32Array.from(pairs.map((p) => p[0])), values: Float32Array.from(pairs.map((p) => p[1])) });

describe('trainLinearSvm (dual coordinate descent, L2-loss)', () => {
  // three classes, each marked by its own feature (0, 1, 2) plus a shared noise feature 3
  const xs = [v([[0, 1]]), v([[0, 0.8], [3, 0.6]]), v([[1, 1]]), v([[1, 0.8], [3, 0.6]]), v([[2, 1]]), v([[2, 0.8], [3, 0.6]])];
  const ys = ['a', 'a', 'b', 'b', 'c', 'c'];
  it('separates the training data with margins ≥ 1 − ε at large C and puts the class feature first', () => {
    const m = trainLinearSvm(xs, ys, ['a', 'b', 'c'], 4, { C: 100, maxIterations: 500, tolerance: 1e-6 });
    xs.forEach((x, i) => {
      const s = linearScores(m, x);
      const c = ['a', 'b', 'c'].indexOf(ys[i]!);
      expect(s[c]).toBeGreaterThan(0.95);
      for (let o = 0; o < 3; o++) if (o !== c) expect(s[o]).toBeLessThan(-0.95);
    });
    // class a's weight on its own feature is positive, on the other classes' features negative
    expect(m.weights[0]).toBeGreaterThan(0);
    expect(m.weights[1]).toBeLessThan(0);
    expect(m.weights[2]).toBeLessThan(0);
  });
  it('is deterministic for a seed, and a smaller C shrinks the weights', () => {
    const a = trainLinearSvm(xs, ys, ['a', 'b', 'c'], 4, { C: 1, seed: 3 });
    const b = trainLinearSvm(xs, ys, ['a', 'b', 'c'], 4, { C: 1, seed: 3 });
    expect([...a.weights]).toEqual([...b.weights]);
    const small = trainLinearSvm(xs, ys, ['a', 'b', 'c'], 4, { C: 0.01, seed: 3 });
    const norm = (w: Float32Array) => Math.sqrt(w.reduce((s, x) => s + x * x, 0));
    expect(norm(small.weights)).toBeLessThan(norm(a.weights) / 2);
  });
  it('gives a zero-weight example no influence', () => {
    const extra = [...xs, v([[0, 1]])];
    // the L2-loss dual is strictly convex: both runs converge to the same unique optimum
    const tight = { C: 1, seed: 5, maxIterations: 5000, tolerance: 1e-9 };
    const m1 = trainLinearSvm(xs, ys, ['a', 'b', 'c'], 4, tight);
    const m2 = trainLinearSvm(extra, [...ys, 'b'], ['a', 'b', 'c'], 4, { ...tight, sampleWeights: [1, 1, 1, 1, 1, 1, 1e-12] });
    for (let i = 0; i < 12; i++) expect(m2.weights[i]).toBeCloseTo(m1.weights[i]!, 5);
    const heavy = trainLinearSvm(extra, [...ys, 'b'], ['a', 'b', 'c'], 4, { ...tight, sampleWeights: [1, 1, 1, 1, 1, 1, 1] });
    expect(heavy.weights[0]).toBeLessThan(m1.weights[0]! - 0.05);
  });
  it('refuses unknown labels and mismatched lengths', () => {
    expect(() => trainLinearSvm(xs, ys.slice(1), ['a', 'b', 'c'], 4)).toThrow(RangeError);
    expect(() => trainLinearSvm(xs, ['a', 'a', 'b', 'b', 'c', 'x'], ['a', 'b', 'c'], 4)).toThrow(/label x/);
  });
});

describe('trainTextClassifier with the SVM learner and the class-prior correction', () => {
  const big = ['公司拖欠工资三个月', '老板拖欠农民工工资', '单位不交社保', '工资被克扣', '加班没有加班费', '劳动合同不签'];
  const small = ['学校乱收补课费'];
  const docs = [...big.map((t) => ({ features: textFeatures(t), label: 'labour' })), ...small.map((t) => ({ features: textFeatures(t), label: 'education' }))];
  it('adds γ·ln(n_max/n_c) to the bias of each class', () => {
    const plain = trainTextClassifier(docs, ['education', 'labour'], [], { minDf: 1, learner: 'svm', C: 10 });
    const shifted = trainTextClassifier(docs, ['education', 'labour'], [], { minDf: 1, learner: 'svm', C: 10, priorShift: 0.5 });
    expect(shifted.lr.bias[0]! - plain.lr.bias[0]!).toBeCloseTo(0.5 * Math.log(6 / 1), 5);
    expect(shifted.lr.bias[1]! - plain.lr.bias[1]!).toBeCloseTo(0, 6);
    expect([...shifted.lr.weights]).toEqual([...plain.lr.weights]);
    const text = textFeatures('学校补课收费太高');
    expect(predictTextProba(shifted, text)[0]!).toBeGreaterThan(predictTextProba(plain, text)[0]!);
  });
});
