/**
 * One-vs-rest linear support vector machines on sparse vectors: L2-regularised squared-hinge
 * loss (L2-loss SVM) solved in the dual by coordinate descent — Hsieh, Chang, Lin, Keerthi &
 * Sundararajan 2008, "A dual coordinate descent method for large-scale linear SVM" (ICML),
 * Algorithm 1 with the L2-loss diagonal D_ii = 1/(2C_i); the LIBLINEAR `-s 1` solver. The bias
 * is learned as the weight of a constant feature 1 (LIBLINEAR's `-B 1`). Per-example costs
 * C_i = C × sampleWeight_i. Deterministic for a seed (the visiting order is a seeded shuffle).
 * The result has the shape of a `LogisticModel` (weights [classes × features] + bias), so the
 * same scoring, explanation and model-file code serve both learners.
 */
import type { LogisticModel } from './logistic.ts';
import type { SparseVector } from './sparse.ts';

export interface SvmOptions {
  /** Cost C of the hinge term (larger = less regularisation). Default 10. */
  readonly C?: number;
  /** Passes over the data per class. Default 50. */
  readonly maxIterations?: number;
  /** Stop a class when the largest projected-gradient magnitude in a pass is below this. Default 1e-3. */
  readonly tolerance?: number;
  readonly seed?: number;
  /** Per-example weights multiplying C (e.g. lower for taxonomy or pseudo-labelled documents). */
  readonly sampleWeights?: readonly number[];
}

/**
 * Train one binary L2-loss SVM per class (that class +1, the rest −1).
 * @returns weights [classes × features] (Float32) and bias per class; score_c(x) = w_c·x + b_c
 *   is a signed margin (unbounded, ≈ ±1 on support vectors).
 * @throws RangeError when xs and ys differ in length or a label is not in classes.
 */
export function trainLinearSvm(xs: readonly SparseVector[], ys: readonly string[], classes: readonly string[], features: number, options: SvmOptions = {}): LogisticModel {
  if (xs.length !== ys.length) throw new RangeError('xs and ys differ in length');
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const target = ys.map((y) => {
    const i = classIndex.get(y);
    if (i === undefined) throw new RangeError(`label ${y} not in classes`);
    return i;
  });
  const { C = 10, maxIterations = 50, tolerance = 1e-3, seed = 7 } = options;
  const k = classes.length;
  const n = xs.length;
  const weights = new Float32Array(k * features);
  const bias = new Float32Array(k);
  // Q_ii = x_i·x_i + 1 (the constant bias feature)
  const qd = xs.map((x) => {
    let s = 1;
    for (const v of x.values) s += v * v;
    return s;
  });
  const w = new Float64Array(features + 1);
  const alpha = new Float64Array(n);
  const order = xs.map((_, i) => i);
  for (let c = 0; c < k; c++) {
    w.fill(0);
    alpha.fill(0);
    let s = (seed + 7919 * c) >>> 0 || 1;
    const rand = () => {
      s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
      return s / 4294967296;
    };
    for (let it = 0; it < maxIterations; it++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let maxPg = 0;
      for (const i of order) {
        const x = xs[i]!;
        const y = target[i] === c ? 1 : -1;
        const d = 1 / (2 * C * (options.sampleWeights?.[i] ?? 1));
        let g = w[features]!;
        for (let j = 0; j < x.indices.length; j++) g += w[x.indices[j]!]! * x.values[j]!;
        g = y * g - 1 + d * alpha[i]!;
        const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
        if (Math.abs(pg) > maxPg) maxPg = Math.abs(pg);
        if (pg === 0) continue;
        const old = alpha[i]!;
        alpha[i] = Math.max(0, old - g / (qd[i]! + d));
        const step = (alpha[i]! - old) * y;
        for (let j = 0; j < x.indices.length; j++) w[x.indices[j]!]! += step * x.values[j]!;
        w[features]! += step;
      }
      if (maxPg < tolerance) break;
    }
    weights.set(w.subarray(0, features), c * features);
    bias[c] = w[features]!;
  }
  return { classes, features, weights, bias };
}

/** Raw scores w_c·x + b_c of one vector, in `model.classes` order. */
export function linearScores(model: LogisticModel, x: SparseVector): Float64Array {
  const k = model.classes.length;
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = model.bias[c]!;
    const base = c * model.features;
    for (let j = 0; j < x.indices.length; j++) s += model.weights[base + x.indices[j]!]! * x.values[j]!;
    out[c] = s;
  }
  return out;
}
