/**
 * Logistic regression fitted to reviewers' decisions (confirm = 1, dismiss = 0) over binary
 * features (one per rule: the person had a live tag of that rule when the decision was made).
 * Full-batch gradient descent from zero weights with a fixed step, L2 penalty on the weights (not
 * on the intercept): deterministic, the same decisions give the same weights on every machine.
 *
 * Objective (Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, §4.4 and
 * §18.4 on L2-regularised logistic regression), with n examples:
 *   J(b, w) = −(1/n) Σ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] + (λ / 2n) ‖w‖²,  pᵢ = σ(b + w·xᵢ)
 *   ∂J/∂b = (1/n) Σ (pᵢ − yᵢ),  ∂J/∂wⱼ = (1/n) Σ (pᵢ − yᵢ) xᵢⱼ + (λ/n) wⱼ
 * J is convex, so gradient descent with a small enough step reaches the unique optimum.
 */

/** Options of fitLogistic. */
export interface FitOptions {
  /** λ, the L2 weight (default 1). */
  readonly l2?: number;
  /** Maximum iterations (default 20,000). */
  readonly iterations?: number;
  /** Step size (default 0.5; stable for 0/1 features with few rules). */
  readonly learningRate?: number;
  /** Stop when the gradient's Euclidean norm falls below this (default 1e-9). */
  readonly tolerance?: number;
}

/** A fitted model: intercept, one weight per feature, and how the fit ended. */
export interface LogisticModel {
  readonly intercept: number;
  readonly weights: readonly number[];
  /** J at the end (regularised mean log-loss). */
  readonly loss: number;
  /** ‖∇J‖ at the end. */
  readonly gradNorm: number;
  readonly iterations: number;
  readonly l2: number;
}

/** σ(z) = 1 / (1 + e^−z), computed without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function lossAndGradient(x: readonly (readonly number[])[], y: readonly number[], b: number, w: readonly number[], l2: number): { loss: number; gb: number; gw: number[] } {
  const n = x.length;
  let loss = 0, gb = 0;
  const gw = new Array<number>(w.length).fill(0);
  for (let i = 0; i < n; i++) {
    let z = b;
    const xi = x[i]!;
    for (let j = 0; j < w.length; j++) z += w[j]! * xi[j]!;
    const p = sigmoid(z);
    // log(1 + e^z) computed stably; log-loss = log(1 + e^z) − y z
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i]! * z;
    const r = p - y[i]!;
    gb += r;
    for (let j = 0; j < w.length; j++) gw[j]! += r * xi[j]!;
  }
  let penalty = 0;
  for (let j = 0; j < w.length; j++) { gw[j] = gw[j]! / n + (l2 / n) * w[j]!; penalty += w[j]! * w[j]!; }
  return { loss: loss / n + (l2 / (2 * n)) * penalty, gb: gb / n, gw };
}

/**
 * Fit the model to rows `x` (each of the same length, values 0/1 or any reals) and labels `y`
 * (0 or 1).
 * @throws RangeError when x is empty, rows differ in length, or x and y differ in length.
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], options: FitOptions = {}): LogisticModel {
  if (x.length === 0 || x.length !== y.length) throw new RangeError('fitLogistic needs as many labels as rows, and at least one row');
  const d = x[0]!.length;
  if (x.some((r) => r.length !== d)) throw new RangeError('fitLogistic: every row needs the same number of features');
  const l2 = options.l2 ?? 1;
  const max = options.iterations ?? 20_000;
  const lr = options.learningRate ?? 0.5;
  const tol = options.tolerance ?? 1e-9;
  let b = 0;
  const w = new Array<number>(d).fill(0);
  let g = lossAndGradient(x, y, b, w, l2);
  let it = 0;
  const norm = (gg: typeof g) => Math.sqrt(gg.gb * gg.gb + gg.gw.reduce((s, v) => s + v * v, 0));
  while (it < max && norm(g) >= tol) {
    b -= lr * g.gb;
    for (let j = 0; j < d; j++) w[j] = w[j]! - lr * g.gw[j]!;
    g = lossAndGradient(x, y, b, w, l2);
    it++;
  }
  return { intercept: b, weights: w, loss: g.loss, gradNorm: norm(g), iterations: it, l2 };
}

/** Probability σ(b + w·x) of a confirmation for features `x`. */
export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.intercept;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j]! * (x[j] ?? 0);
  return sigmoid(z);
}
