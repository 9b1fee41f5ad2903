/**
 * Multinomial logistic regression (softmax regression) on sparse vectors, trained by
 * stochastic gradient descent with AdaGrad step sizes (Duchi, Hazan & Singer 2011) and L2
 * regularisation applied lazily per touched weight. Deterministic for a seed. Weights are a
 * dense Float32Array [classes × features] plus a bias per class.
 */
import type { SparseVector } from './sparse.ts';

export interface LogisticOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  /** L2 penalty per example step. */
  readonly l2?: number;
  readonly seed?: number;
  /** Per-example weights (e.g. lower weight for pseudo-labelled or taxonomy documents). */
  readonly sampleWeights?: readonly number[];
}

export interface LogisticModel {
  readonly classes: readonly string[];
  readonly features: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** Softmax probabilities of one vector, in `model.classes` order. */
export function predictProba(model: LogisticModel, x: SparseVector): Float64Array {
  const k = model.classes.length;
  const scores = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = model.bias[c]!;
    const base = c * model.features;
    for (let j = 0; j < x.indices.length; j++) s += model.weights[base + x.indices[j]!]! * x.values[j]!;
    scores[c] = s;
  }
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    scores[c] = Math.exp(scores[c]! - max);
    sum += scores[c]!;
  }
  for (let c = 0; c < k; c++) scores[c]! /= sum;
  return scores;
}

/**
 * Train on vectors `xs` with labels `ys` (each one of `classes`).
 * @throws RangeError when xs and ys differ in length or a label is not in classes.
 */
export function trainLogistic(xs: readonly SparseVector[], ys: readonly string[], classes: readonly string[], features: number, options: LogisticOptions = {}): LogisticModel {
  if (xs.length !== ys.length) throw new RangeError('xs and ys differ in length');
  const k = classes.length;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const target = ys.map((y) => {
    const i = classIndex.get(y);
    if (i === undefined) throw new RangeError(`label ${y} not in classes`);
    return i;
  });
  const { epochs = 30, learningRate = 0.5, l2 = 1e-5, seed = 7 } = options;
  const weights = new Float32Array(k * features);
  const bias = new Float32Array(k);
  const g2 = new Float32Array(k * features).fill(1e-8);
  const b2 = new Float64Array(k).fill(1e-8);
  const model: LogisticModel = { classes, features, weights, bias };
  const order = xs.map((_, i) => i);
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const x = xs[n]!;
      const w = options.sampleWeights?.[n] ?? 1;
      const p = predictProba(model, x);
      for (let c = 0; c < k; c++) {
        const err = (p[c]! - (c === target[n] ? 1 : 0)) * w;
        const base = c * features;
        for (let j = 0; j < x.indices.length; j++) {
          const at = base + x.indices[j]!;
          const grad = err * x.values[j]! + l2 * weights[at]!;
          g2[at]! += grad * grad;
          weights[at]! -= (learningRate * grad) / Math.sqrt(g2[at]!);
        }
        b2[c]! += err * err;
        bias[c]! -= (learningRate * err) / Math.sqrt(b2[c]!);
      }
    }
  }
  return model;
}

/** The features that pushed class `c` most for vector x: [featureIndex, contribution] descending. */
export function topContributions(model: LogisticModel, x: SparseVector, c: number, n = 5): [number, number][] {
  const base = c * model.features;
  const out: [number, number][] = [];
  for (let j = 0; j < x.indices.length; j++) out.push([x.indices[j]!, model.weights[base + x.indices[j]!]! * x.values[j]!]);
  return out.sort((a, b) => b[1] - a[1]).slice(0, n);
}
