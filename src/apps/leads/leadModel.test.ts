import { describe, expect, it } from 'vitest';
import { fitLogistic, predict, sigmoid } from './leadModel.ts';

/** Newton's method on the same objective (an independent solver): H Δ = −∇J, solved by Gaussian elimination. */
function newton(x: number[][], y: number[], l2: number): number[] {
  const n = x.length, d = x[0]!.length + 1;
  const rows = x.map((r) => [1, ...r]);
  let beta = new Array<number>(d).fill(0);
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const z = rows[i]!.reduce((s, v, j) => s + v * beta[j]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let j = 0; j < d; j++) {
        g[j]! += ((p - y[i]!) * rows[i]![j]!) / n;
        for (let k = 0; k < d; k++) h[j]![k]! += (p * (1 - p) * rows[i]![j]! * rows[i]![k]!) / n;
      }
    }
    for (let j = 1; j < d; j++) { g[j]! += (l2 / n) * beta[j]!; h[j]![j]! += l2 / n; }
    const a = h.map((r, j) => [...r, -g[j]!]);
    for (let c = 0; c < d; c++) {
      const piv = a.slice(c).reduce((best, r, i) => (Math.abs(r[c]!) > Math.abs(a[best]![c]!) ? c + i : best), c);
      [a[c], a[piv]] = [a[piv]!, a[c]!];
      for (let r = 0; r < d; r++) if (r !== c) { const f = a[r]![c]! / a[c]![c]!; for (let k = c; k <= d; k++) a[r]![k]! -= f * a[c]![k]!; }
    }
    beta = beta.map((b, j) => b + a[j]![d]! / a[j]![j]!);
  }
  return beta;
}

describe('fitLogistic', () => {
  const x = [[1, 0, 1], [1, 1, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1], [0, 1, 1], [1, 0, 0], [0, 0, 0]];
  const y = [1, 1, 0, 0, 1, 0, 1, 0];

  it('reaches the optimum Newton finds, with a vanishing gradient', () => {
    const m = fitLogistic(x, y, { l2: 1 });
    const ref = newton(x, y, 1);
    expect(m.gradNorm).toBeLessThan(1e-9);
    expect(m.intercept).toBeCloseTo(ref[0]!, 7);
    m.weights.forEach((w, j) => expect(w).toBeCloseTo(ref[j + 1]!, 7));
    expect(m.weights[0]!).toBeGreaterThan(1);
  });

  it('is deterministic and keeps weights finite on separable data through the L2 penalty', () => {
    const a = fitLogistic([[1], [1], [0], [0]], [1, 1, 0, 0], { l2: 0.5 });
    expect(fitLogistic([[1], [1], [0], [0]], [1, 1, 0, 0], { l2: 0.5 })).toEqual(a);
    const ref = newton([[1], [1], [0], [0]], [1, 1, 0, 0], 0.5);
    expect(a.weights[0]).toBeCloseTo(ref[1]!, 6);
    expect(Number.isFinite(a.weights[0]!)).toBe(true);
    expect(predict(a, [1])).toBeGreaterThan(0.5);
    expect(predict(a, [0])).toBeLessThan(0.5);
  });

  it('computes σ without overflow and refuses ragged input', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(() => fitLogistic([[1], [1, 0]], [1, 0])).toThrow(RangeError);
    expect(() => fitLogistic([], [])).toThrow(RangeError);
  });
});
